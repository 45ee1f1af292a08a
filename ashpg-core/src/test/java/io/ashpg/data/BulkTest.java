package io.ashpg.data;

import static io.ashpg.sql.Exprs.attr;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ashpg.error.InvalidQueryException;
import io.ashpg.resource.AttributeDefault;
import io.ashpg.resource.Domain;
import io.ashpg.resource.Resource;
import io.ashpg.resource.Type;
import io.ashpg.testing.WithPostgres;
import io.ashpg.testing.TestDatabase;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
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

  /** Every non-array type, typmods the server rounds or truncates to, a Java default and a database default. */
  static final Resource KIND = Resource.define("bulk_kind", r -> r
      .postgres(pg -> pg.repo(DataRepo.class).table("bulk_kinds"))
      .uuidPrimaryKey("id")
      .attribute("label", Type.STRING)
      .attribute("code", Type.string(4))
      .attribute("n", Type.INTEGER)
      .attribute("price", Type.decimal(8, 2))
      .attribute("ratio", Type.FLOAT)
      .attribute("flag", Type.BOOLEAN)
      .attribute("meta", Type.MAP)
      .attribute("day", Type.DATE)
      .attribute("at", Type.UTC_DATETIME_USEC)
      .attribute("at_s", Type.UTC_DATETIME)
      .attribute("at_tz", Type.TIMESTAMPTZ)
      .attribute("clock", Type.TIME)
      .attribute("raw", Type.BINARY)
      .attribute("kind", Type.STRING, a -> a.defaultValue("plain"))
      .attribute("seq", Type.INTEGER, a -> a.defaultValue(AttributeDefault.sql("42")))
      .identity("unique_label", "label"));

  static final Domain DOMAIN = Domain.of(List.of(Blog.AUTHOR, Blog.POST, Blog.COMMENT, Blog.NOTE, ROW, KIND));

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
      s.execute("TRUNCATE public.comments, public.posts, public.authors, public.bench_posts, public.bulk_kinds"
          + " CASCADE");
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

  private Row stored(Row returned) {
    return dl.read(Query.of(KIND).filter(attr("id").eq(returned.getUuid("id")))).get(0);
  }

  @Test
  void unnestReturnsEveryRowAsStored() {
    Map<String, Object> rich = new HashMap<>();
    rich.put("label", "quote \" back \\ comma, {brace} \t tab \u00e9\u4e2d ");
    rich.put("code", "ab ");
    rich.put("n", Long.MIN_VALUE);
    rich.put("price", new BigDecimal("1.005"));
    rich.put("ratio", Double.NaN);
    rich.put("flag", true);
    rich.put("meta", Map.of("k", List.of(1, "two"), "s", "a\"b"));
    rich.put("day", LocalDate.of(2020, 2, 29));
    rich.put("at", LocalDateTime.of(2024, 1, 1, 10, 0, 0, 123_456_789));
    rich.put("at_s", LocalDateTime.of(2024, 1, 1, 10, 0, 0, 600_000_000));
    rich.put("at_tz", OffsetDateTime.of(2024, 1, 1, 12, 0, 0, 999, ZoneOffset.ofHours(2)));
    rich.put("clock", LocalTime.of(10, 11, 12, 700_000_000));
    rich.put("raw", new byte[] {0, -1, '"', '\\', ','});
    Map<String, Object> nulls = new HashMap<>();
    for (String k : rich.keySet()) {
      nulls.put(k, null);
    }
    nulls.put("label", "NULL");
    Map<String, Object> other = new HashMap<>(nulls);
    other.put("label", "");
    other.put("code", "abcd");
    other.put("ratio", Double.NEGATIVE_INFINITY);
    BulkResult created = dl.bulkCreate(KIND, List.of(rich, nulls, other));

    assertThat(created.rows()).hasSize(3);
    for (Row r : created.rows()) {
      assertThat(r).isEqualTo(stored(r));
    }
    Row a = created.rows().get(0);
    assertThat(a.getString("label")).isEqualTo(rich.get("label"));
    assertThat(a.getBigDecimal("price")).isEqualTo(new BigDecimal("1.01"));
    assertThat(a.getLocalDateTime("at")).isEqualTo(LocalDateTime.of(2024, 1, 1, 10, 0, 0, 123_457_000));
    assertThat(a.getLocalDateTime("at_s")).isEqualTo(LocalDateTime.of(2024, 1, 1, 10, 0, 1));
    assertThat(a.getLocalTime("clock")).isEqualTo(LocalTime.of(10, 11, 13));
    assertThat(a.getBytes("raw")).containsExactly(0, -1, '"', '\\', ',');
    assertThat(a.getString("kind")).isEqualTo("plain");
    assertThat(a.getLong("seq")).isEqualTo(42L);
    assertThat(created.rows().get(1).getString("label")).isEqualTo("NULL");
    assertThat(created.rows().get(1).getString("code")).isNull();
    assertThat(created.rows().get(2).getString("label")).isEmpty();
  }

  @Test
  void rowsNamingOtherAttributesThanTheFirstTakeTheColumnsOfEveryRow() {
    BulkResult r = dl.bulkCreate(KIND, List.of(Map.of("label", "a"), Map.of("label", "b", "kind", "special")));
    assertThat(r.rows()).extracting(row -> row.getString("kind")).containsExactly("plain", "special");
    assertThat(r.rows()).extracting(row -> row.getLong("seq")).containsExactly(42L, 42L);
    assertThatThrownBy(() -> dl.bulkCreate(KIND, List.of(Map.of("label", "c"), Map.of("label", "d", "seq", 7))))
        .isInstanceOf(InvalidQueryException.class).hasMessageContaining("row 0 does not set 'seq'");
    // the unknown attribute of a later row is reported before the missing value of an earlier one
    assertThatThrownBy(() -> dl.bulkCreate(KIND, List.of(Map.of("label", "e", "n", 1), Map.of("label", "f"),
        Map.of("label", "g", "n", 2, "bogus", 3))))
        .isInstanceOf(InvalidQueryException.class).hasMessageContaining("'bogus'");
    assertThat(dl.count(Query.of(KIND))).isEqualTo(2);
  }

  @Test
  void unnestUpsertReturnsTheStoredRowNotTheSentOne() {
    dl.bulkCreate(KIND, List.of(Map.of("label", "u", "n", 1, "price", new BigDecimal("2.00"))));
    BulkResult r = dl.bulkCreate(KIND, List.of(Map.of("label", "u", "n", 2, "price", new BigDecimal("9.99")),
        Map.of("label", "v", "n", 3, "price", new BigDecimal("1.5"))), BulkOptions.defaults()
        .upsert("unique_label", List.of("n")));
    assertThat(r.count()).isEqualTo(2);
    // only n is overwritten: the conflicting row keeps its stored price, and RETURNING says so
    assertThat(r.rows().get(0).getLong("n")).isEqualTo(2L);
    assertThat(r.rows().get(0).getBigDecimal("price")).isEqualTo(new BigDecimal("2.00"));
    assertThat(r.rows().get(1).getBigDecimal("price")).isEqualTo(new BigDecimal("1.50"));
    for (Row row : r.rows()) {
      assertThat(row).isEqualTo(stored(row));
    }
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
