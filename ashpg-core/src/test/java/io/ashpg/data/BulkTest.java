package io.ashpg.data;

import static io.ashpg.sql.Exprs.attr;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ashpg.error.InvalidQueryException;
import io.ashpg.resource.Domain;
import io.ashpg.resource.Resource;
import io.ashpg.resource.Type;
import io.ashpg.testing.WithPostgres;
import io.ashpg.testing.TestDatabase;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Bulk create (unnest, VALUES, COPY, upsert), bulk update and destroy by query; a quick unnest/VALUES/COPY timing. */
@WithPostgres
class BulkTest {
  static final Resource ROW = Resource.define("bench_post", r -> r
      .postgres(pg -> pg.repo(DataRepo.class).table("bench_posts"))
      .uuidPrimaryKey("id")
      .attribute("title", Type.STRING, a -> a.allowNil(false))
      .attribute("score", Type.INTEGER, a -> a.allowNil(false))
      .attribute("inserted_at", Type.UTC_DATETIME_USEC, a -> a.allowNil(false))
      .attribute("author_id", Type.UUID, a -> a.allowNil(false)));

  static final Domain DOMAIN = Domain.of(List.of(Blog.AUTHOR, Blog.POST, Blog.COMMENT, Blog.NOTE, ROW));

  private final TestDatabase db;
  private final DataLayer dl;

  BulkTest(TestDatabase db) {
    this.db = db;
    this.dl = DataLayer.of(DOMAIN, db.dataSource());
  }

  @BeforeAll
  static void schema(TestDatabase db) {
    Schema.migrate(db, DOMAIN);
  }

  @BeforeEach
  void clean() throws Exception {
    try (Connection c = db.connect(); Statement s = c.createStatement()) {
      s.execute("TRUNCATE public.comments, public.posts, public.authors, public.bench_posts CASCADE");
    }
  }

  private static List<Map<String, Object>> authors(int n, String prefix) {
    List<Map<String, Object>> rows = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      Map<String, Object> row = new HashMap<>();
      row.put("name", prefix + i);
      row.put("email", i % 2 == 0 ? null : "e\t\"" + i + "\\\n'");
      rows.add(row);
    }
    return rows;
  }

  @Test
  void unnestValuesAndCopyStoreTheSameData() {
    for (BulkOptions.Method method : List.of(BulkOptions.Method.UNNEST, BulkOptions.Method.VALUES,
        BulkOptions.Method.COPY)) {
      BulkOptions options = BulkOptions.defaults().method(method).batchSize(7);
      if (method == BulkOptions.Method.COPY) {
        options = options.noReturn();
      }
      BulkResult result = dl.bulkCreate(Blog.AUTHOR, authors(20, method.name()), options);
      assertThat(result.count()).isEqualTo(20);
      assertThat(result.rows()).hasSize(method == BulkOptions.Method.COPY ? 0 : 20);
      if (method != BulkOptions.Method.COPY) {
        // returned rows come back in input order, as stored
        assertThat(result.rows()).extracting(r -> r.getString("name"))
            .isEqualTo(authors(20, method.name()).stream().map(a -> a.get("name")).toList());
        assertThat(result.rows().get(3).getString("email")).isEqualTo("e\t\"3\\\n'");
      }
      List<Row> read = dl.read(Query.of(Blog.AUTHOR).filter(attr("name").like(method.name() + "%")));
      assertThat(read).hasSize(20);
      Row one = dl.read(Query.of(Blog.AUTHOR).filter(attr("name").eq(method.name() + "3"))).get(0);
      assertThat(one.getString("email")).isEqualTo("e\t\"3\\\n'");
      assertThat(dl.read(Query.of(Blog.AUTHOR).filter(attr("name").eq(method.name() + "2"))).get(0)
          .getString("email")).isNull();
    }
  }

  @Test
  void everyTypeRoundTripsThroughEveryPath() {
    UUID author = dl.create(Changeset.create(Blog.AUTHOR).set("name", "a")).getUuid("id");
    for (BulkOptions.Method method : List.of(BulkOptions.Method.VALUES, BulkOptions.Method.COPY)) {
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("title", "types " + method);
      row.put("body", "line1\nline2\\ \u00e9\u4e2d");
      row.put("score", 7);
      row.put("price", new BigDecimal("19.99"));
      row.put("rating", 0.25);
      row.put("published", true);
      row.put("tags", List.of("x", "y z", "q\"uote", "back\\slash"));
      row.put("meta", Map.of("nested", Map.of("a", List.of(1, 2)), "s", "t\tu"));
      row.put("published_on", LocalDate.of(2020, 1, 31));
      row.put("author_id", author);
      BulkOptions options = BulkOptions.defaults().method(method);
      BulkResult created = dl.bulkCreate(Blog.POST, List.of(row),
          method == BulkOptions.Method.COPY ? options.noReturn() : options);
      Row p = dl.read(Query.of(Blog.POST).filter(attr("title").eq("types " + method))).get(0);
      if (method != BulkOptions.Method.COPY) {
        assertThat(created.rows()).containsExactly(p);
      }
      assertThat(p.getString("body")).isEqualTo("line1\nline2\\ \u00e9\u4e2d");
      assertThat(p.getLong("score")).isEqualTo(7);
      assertThat(p.getBigDecimal("price")).isEqualByComparingTo("19.99");
      assertThat(p.getDouble("rating")).isEqualTo(0.25);
      assertThat(p.getBoolean("published")).isTrue();
      assertThat(p.getList("tags")).containsExactly("x", "y z", "q\"uote", "back\\slash");
      assertThat(p.getMap("meta")).containsEntry("s", "t\tu").containsEntry("nested", Map.of("a", List.of(1L, 2L)));
      assertThat(p.getLocalDate("published_on")).isEqualTo(LocalDate.of(2020, 1, 31));
      assertThat(p.getString("status")).isEqualTo("draft");
      assertThat(p.getLocalDateTime("inserted_at")).isNotNull();
    }
    assertThatThrownBy(() -> dl.bulkCreate(Blog.POST, List.of(Map.of("title", "t")),
        BulkOptions.defaults().method(BulkOptions.Method.UNNEST))).isInstanceOf(InvalidQueryException.class)
        .hasMessageContaining("array");
  }

  @Test
  void aConstraintViolationInOneRowKeepsNoRow() {
    dl.bulkCreate(Blog.AUTHOR, List.of(Map.of("name", "taken", "email", "x")));
    List<Map<String, Object>> rows = new ArrayList<>(authors(3, "fresh"));
    rows.add(Map.of("name", "taken", "email", "y"));
    assertThatThrownBy(() -> dl.bulkCreate(Blog.AUTHOR, rows))
        .isInstanceOf(io.ashpg.error.AshPgException.class).hasMessageContaining("name");
    assertThat(dl.count(Query.of(Blog.AUTHOR))).isEqualTo(1);
  }

  @Test
  void bulkUpsertAndInconsistentRows() {
    dl.bulkCreate(Blog.AUTHOR, List.of(Map.of("name", "u1", "email", "old"), Map.of("name", "u2", "email", "old")));
    BulkResult r = dl.bulkCreate(Blog.AUTHOR, List.of(Map.of("name", "U1", "email", "new"),
        Map.of("name", "u3", "email", "new")), BulkOptions.defaults().upsert("unique_name", List.of("email")));
    assertThat(r.count()).isEqualTo(2);
    assertThat(dl.count(Query.of(Blog.AUTHOR))).isEqualTo(3);
    assertThat(dl.read(Query.of(Blog.AUTHOR).filter(attr("email").eq("new")))).hasSize(2);
    List<Map<String, Object>> bad = new ArrayList<>();
    bad.add(Map.of("name", "a", "email", "x"));
    bad.add(Map.of("name", "b"));
    assertThatThrownBy(() -> dl.bulkCreate(Blog.AUTHOR, bad)).isInstanceOf(InvalidQueryException.class)
        .hasMessageContaining("row 1 does not set 'email'");
    assertThatThrownBy(() -> dl.bulkCreate(Blog.AUTHOR, bad.subList(0, 1), BulkOptions.defaults()
        .method(BulkOptions.Method.COPY))).isInstanceOf(InvalidQueryException.class);
  }

  @Test
  void bulkUpdateAndDestroyByQuery() {
    List<Map<String, Object>> rows = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      rows.add(Map.of("title", "t" + i, "score", i));
    }
    dl.bulkCreate(Blog.POST, rows);
    BulkResult updated = dl.bulkUpdate(Query.of(Blog.POST).filter(attr("score").ge(5)),
        Map.of("score", attr("score").times(10), "body", "big"), true);
    assertThat(updated.count()).isEqualTo(5);
    assertThat(updated.rows()).extracting(r -> r.getString("body")).containsOnly("big");
    assertThat(dl.count(Query.of(Blog.POST).filter(attr("score").ge(50)))).isEqualTo(5);
    // Limit + sort choose the rows through a key subquery.
    assertThat(dl.bulkUpdate(Query.of(Blog.POST).sort(Sort.asc("score")).limit(2), Map.of("body", "low")).count())
        .isEqualTo(2);
    assertThat(dl.read(Query.of(Blog.POST).filter(attr("body").eq("low")))).extracting(r -> r.getLong("score"))
        .containsExactlyInAnyOrder(0L, 1L);
    BulkResult destroyed = dl.bulkDestroy(Query.of(Blog.POST).sort(Sort.desc("score")).limit(3), true);
    assertThat(destroyed.rows()).extracting(r -> r.getLong("score")).containsExactlyInAnyOrder(90L, 80L, 70L);
    assertThat(dl.bulkDestroy(Query.of(Blog.POST).filter(attr("body").isNil())).count()).isEqualTo(3);
    assertThat(dl.count(Query.of(Blog.POST))).isEqualTo(4);
  }
}
