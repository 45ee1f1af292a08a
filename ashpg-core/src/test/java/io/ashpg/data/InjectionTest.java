package io.ashpg.data;

import static io.ashpg.sql.Exprs.attr;
import static io.ashpg.sql.Exprs.fragment;
import static io.ashpg.sql.Exprs.trigramSimilarity;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ashpg.error.InvalidQueryException;
import io.ashpg.resource.Domain;
import io.ashpg.resource.Multitenancy;
import io.ashpg.resource.Resource;
import io.ashpg.resource.Type;
import io.ashpg.testing.WithPostgres;
import io.ashpg.testing.TestDatabase;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Hostile input everywhere a caller can put data: values, sort and select names, fragment arguments, cursors,
 * tenant names. Every SQL text the driver receives is recorded, and none of them may contain any of the payloads;
 * stored values must come back byte for byte; the tables must survive.
 */
@WithPostgres
class InjectionTest {
  static final List<String> PAYLOADS = List.of(
      "'; DROP TABLE public.authors; --",
      "\" OR 1=1 --",
      "x' OR 'a'='a",
      "$$; DROP TABLE public.posts; $$",
      "\\'; DELETE FROM public.posts; --",
      "?; SELECT pg_sleep(10); --",
      "?? $1 :name",
      "*/ DROP TABLE public.posts; /*",
      "\t\n\r\\N\\.\n",
      "ROLLBACK; DROP SCHEMA public CASCADE; --");

  static final Resource INVOICE = Resource.define("invoice", r -> r
      .postgres(pg -> pg.repo(DataRepo.class).table("invoices"))
      .multitenancy(m -> m.strategy(Multitenancy.Strategy.CONTEXT))
      .uuidPrimaryKey("id")
      .attribute("total", Type.INTEGER));

  static final Domain DOMAIN = Domain.of(List.of(Blog.AUTHOR, Blog.POST, Blog.COMMENT, Blog.NOTE, INVOICE));

  private final TestDatabase db;
  private final RecordingDataSource recording;
  private final DataLayer dl;

  InjectionTest(TestDatabase db) {
    this.db = db;
    this.recording = new RecordingDataSource(db.dataSource());
    this.dl = DataLayer.of(DOMAIN, recording);
  }

  @BeforeAll
  static void schema(TestDatabase db) {
    Schema.migrate(db, Blog.domain());
  }

  @AfterEach
  void nothingButDataReachedTheServer() throws Exception {
    assertThat(recording.statements).isNotEmpty();
    for (String sql : recording.statements) {
      for (String payload : PAYLOADS) {
        assertThat(sql).as("SQL text sent to the server").doesNotContain(payload.strip());
      }
      assertThat(sql).doesNotContainIgnoringCase("DROP").doesNotContainIgnoringCase("pg_sleep")
          .doesNotContainIgnoringCase("DELETE FROM public");
    }
    try (Connection c = db.connect(); Statement s = c.createStatement();
         ResultSet rs = s.executeQuery("SELECT count(*) FROM pg_tables WHERE schemaname = 'public'"
             + " AND tablename IN ('authors', 'posts', 'comments')")) {
      rs.next();
      assertThat(rs.getInt(1)).as("tables still there").isEqualTo(3);
    }
  }

  @Test
  void valuesInFiltersAndWrites() {
    for (String p : PAYLOADS) {
      Row created = dl.create(Changeset.create(Blog.POST).set("title", p).set("body", p).set("tags", List.of(p, p))
          .set("meta", Map.of(p, p)));
      assertThat(created.getString("title")).isEqualTo(p);
      assertThat(dl.read(Query.of(Blog.POST).filter(attr("title").eq(p)))).hasSize(1);
      assertThat(dl.read(Query.of(Blog.POST).filter(attr("body").in(p, "other")))).hasSize(1);
      assertThat(dl.read(Query.of(Blog.POST).filter(attr("title").contains(p)))).hasSize(1);
      assertThat(dl.read(Query.of(Blog.POST).filter(attr("title").like(p)))).hasSizeLessThanOrEqualTo(1);
      assertThat(dl.read(Query.of(Blog.POST).filter(attr("title").concat(p).eq(p + p)))).hasSize(1);
      Row updated = dl.update(Changeset.update(Blog.POST, created).set("body", p + "!")
          .filter(attr("title").eq(p)));
      assertThat(updated.getString("body")).isEqualTo(p + "!");
      assertThat(updated.getList("tags")).containsExactly(p, p);
      assertThat(updated.getMap("meta")).containsEntry(p, p);
      Row upserted = dl.upsert(Changeset.create(Blog.POST).set("title", p).set("body", p), "unique_title",
          List.of("body"));
      assertThat(upserted.getString("body")).isEqualTo(p);
      assertThat(dl.destroy(Changeset.destroy(Blog.POST, created)).getString("title")).isEqualTo(p);
    }
  }

  @Test
  void fragmentArgumentsAndFunctions() {
    for (String p : PAYLOADS) {
      dl.create(Changeset.create(Blog.AUTHOR).set("name", p));
      assertThat(dl.read(Query.of(Blog.AUTHOR).filter(fragment("lower(?) = lower(?)", attr("name"), p)))).hasSize(1);
      assertThat(dl.read(Query.of(Blog.AUTHOR).filter(trigramSimilarity(attr("name"), p).ge(0.99)))).isNotEmpty();
    }
  }

  @Test
  void bulkPaths() {
    for (BulkOptions options : List.of(BulkOptions.defaults().method(BulkOptions.Method.UNNEST),
        BulkOptions.defaults().method(BulkOptions.Method.VALUES),
        BulkOptions.defaults().method(BulkOptions.Method.COPY).noReturn())) {
      List<Map<String, Object>> rows = new ArrayList<>();
      for (String p : PAYLOADS) {
        rows.add(Map.of("name", options.method() + p, "email", p));
      }
      assertThat(dl.bulkCreate(Blog.AUTHOR, rows, options).count()).isEqualTo(PAYLOADS.size());
      for (String p : PAYLOADS) {
        assertThat(dl.read(Query.of(Blog.AUTHOR).filter(attr("name").eq(options.method() + p))).get(0)
            .getString("email")).isEqualTo(p);
      }
    }
    assertThat(dl.bulkUpdate(Query.of(Blog.AUTHOR).filter(attr("email").in(PAYLOADS)),
        Map.of("email", PAYLOADS.get(0))).count()).isEqualTo(3L * PAYLOADS.size());
    assertThat(dl.bulkDestroy(Query.of(Blog.AUTHOR).filter(attr("email").eq(PAYLOADS.get(0)))).count())
        .isEqualTo(3L * PAYLOADS.size());
  }

  @Test
  void namesAreCheckedAndCursorsAreData() {
    for (String p : PAYLOADS) {
      assertThatThrownBy(() -> Query.of(Blog.POST).sort(Sort.asc(p))).isInstanceOf(InvalidQueryException.class);
      assertThatThrownBy(() -> Query.of(Blog.POST).sort(Sort.desc(p))).isInstanceOf(InvalidQueryException.class);
      assertThatThrownBy(() -> Query.of(Blog.POST).select(p)).isInstanceOf(InvalidQueryException.class);
      assertThatThrownBy(() -> Query.of(Blog.POST).distinctOn(p)).isInstanceOf(InvalidQueryException.class);
      assertThatThrownBy(() -> Query.of(Blog.POST).filter(attr(p).eq(1))).isInstanceOf(InvalidQueryException.class);
      assertThatThrownBy(() -> Changeset.create(Blog.POST).set(p, 1)).isInstanceOf(InvalidQueryException.class);
      assertThatThrownBy(() -> dl.bulkCreate(Blog.AUTHOR, List.of(Map.of(p, "x"))))
          .isInstanceOf(InvalidQueryException.class);
      Cursor cursor = new Cursor(Map.of("title", p, "id", "00000000-0000-0000-0000-000000000000"));
      assertThat(dl.read(Query.of(Blog.POST).sort(Sort.asc("title")).after(cursor))).isNotNull();
    }
    assertThat(dl.count(Query.of(Blog.AUTHOR))).isNotNegative();
  }

  @Test
  void tenantNames() {
    for (String p : PAYLOADS) {
      assertThatThrownBy(() -> dl.read(Query.of(INVOICE).tenant(p))).isInstanceOf(InvalidQueryException.class)
          .hasMessageContaining("not a valid tenant name");
      assertThatThrownBy(() -> dl.create(Changeset.create(INVOICE).set("total", 1).tenant(p)))
          .isInstanceOf(InvalidQueryException.class);
    }
    assertThatThrownBy(() -> dl.read(Query.of(INVOICE))).isInstanceOf(InvalidQueryException.class)
        .hasMessageContaining("give a tenant");
    assertThat(dl.toSql(Query.of(INVOICE).tenant("org_1")).text()).contains("FROM \"org_1\".\"invoices\" AS t0");
    assertThat(dl.count(Query.of(Blog.AUTHOR))).isNotNegative();
  }
}
