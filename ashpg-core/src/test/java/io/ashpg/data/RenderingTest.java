package io.ashpg.data;

import static io.ashpg.sql.Exprs.and;
import static io.ashpg.sql.Exprs.attr;
import static io.ashpg.sql.Exprs.fragment;
import static io.ashpg.sql.Exprs.not;
import static io.ashpg.sql.Exprs.or;
import static io.ashpg.sql.Exprs.trigramSimilarity;
import static io.ashpg.sql.Exprs.type;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ashpg.error.InvalidQueryException;
import io.ashpg.resource.Domain;
import io.ashpg.resource.Resource;
import io.ashpg.resource.Type;
import io.ashpg.sql.Sql;
import io.ashpg.sql.SqlArray;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Expected SQL text and binds for reads and writes, without a database. */
class RenderingTest {
  private static final Domain DOMAIN = Blog.domain();
  private static final DataLayer DL = DataLayer.of(DOMAIN, null);
  private static final Resource POST = Blog.POST;
  private static final String POST_COLS = "t0.\"id\", t0.\"title\", t0.\"body\", t0.\"score\", t0.\"price\", "
      + "t0.\"rating\", t0.\"published\", t0.\"tags\", t0.\"meta\", t0.\"published_on\", t0.\"status\", "
      + "t0.\"inserted_at\", t0.\"updated_at\", t0.\"author_id\"";

  private static Sql sql(Query q) {
    return DL.toSql(q);
  }

  @Test
  void plainSelectIsSchemaQualified() {
    assertThat(sql(Query.of(POST)).text()).isEqualTo("SELECT " + POST_COLS + " FROM \"public\".\"posts\" AS t0");
  }

  @Test
  void limitIsRenderedAsALiteralWhileValuesAndOffsetStayBound() {
    Sql s = sql(Query.of(POST).select("title").filter(attr("score").gt(7)).limit(100).offset(5));
    assertThat(s.text()).endsWith(" WHERE t0.\"score\" > ? LIMIT 100 OFFSET ?");
    assertThat(s.binds()).containsExactly(7L, 5);
    assertThat(sql(Query.of(POST).select("title").limit(0)).text()).endsWith(" LIMIT 0");
    Sql combined = DL.toSql(Combination.of(Query.of(POST).select("title")).union(Query.of(POST).select("title"))
        .limit(3));
    assertThat(combined.text()).endsWith(") AS t0 LIMIT 3");
    assertThat(combined.binds()).isEmpty();
    assertThatThrownBy(() -> Query.of(POST).limit(-1)).isInstanceOf(InvalidQueryException.class)
        .hasMessage("limit must be >= 0, was -1");
    assertThatThrownBy(() -> Combination.of(Query.of(POST)).limit(-1)).isInstanceOf(InvalidQueryException.class)
        .hasMessage("limit must be >= 0, was -1");
  }

  @Test
  void filterSortLimitOffset() {
    Sql s = sql(Query.of(POST).filter(attr("title").eq("x").and(attr("score").ge(3)))
        .sort(Sort.desc("inserted_at"), Sort.asc("title").nullsFirst()).limit(10).offset(20));
    assertThat(s.text()).isEqualTo("SELECT " + POST_COLS + " FROM \"public\".\"posts\" AS t0"
        + " WHERE t0.\"title\" = ? AND t0.\"score\" >= ?"
        + " ORDER BY t0.\"inserted_at\" DESC, t0.\"title\" ASC NULLS FIRST LIMIT 10 OFFSET ?");
    // stable(): the primary key breaks ties, so offset pages never overlap or skip rows with equal sort values
    Sql stable = sql(Query.of(POST).sort(Sort.desc("inserted_at")).limit(10).offset(20).stable());
    assertThat(stable.text()).endsWith(" ORDER BY t0.\"inserted_at\" DESC, t0.\"id\" ASC LIMIT 10 OFFSET ?");
    // a sort that already holds the key gets nothing appended
    assertThat(sql(Query.of(POST).sort(Sort.desc("id")).limit(10).stable()).text())
        .endsWith(" ORDER BY t0.\"id\" DESC LIMIT 10");
    assertThat(s.binds()).containsExactly("x", 3L, 20);
  }

  @Test
  void valuesAreConvertedToTheAttributeType() {
    UUID id = UUID.randomUUID();
    Sql s = sql(Query.of(POST).filter(and(attr("id").eq(id.toString()), attr("price").lt(10),
        attr("published_on").eq("2024-01-02"))));
    assertThat(s.binds()).containsExactly(id, new BigDecimal("10"), java.time.LocalDate.of(2024, 1, 2));
  }

  @Test
  void operators() {
    Sql s = sql(Query.of(POST).select("title").filter(or(
        attr("title").ne("a"),
        not(attr("body").isNil()),
        attr("score").plus(1).times(2).gt(7),
        attr("title").concat("!").eq("b!"),
        attr("title").contains("ell"),
        attr("title").like("H%"),
        attr("body").ilike("%x%"),
        attr("score").in(1, 2, 3),
        attr("score").in(List.of()),
        attr("body").eq(null),
        attr("body").ne(null))));
    assertThat(s.text()).isEqualTo("SELECT t0.\"id\", t0.\"title\" FROM \"public\".\"posts\" AS t0 WHERE ("
        + "t0.\"title\" <> ? OR NOT (t0.\"body\" IS NULL) OR ((t0.\"score\" + ?) * ?) > ?"
        + " OR (t0.\"title\" || ?) = ? OR (strpos(t0.\"title\", ?) > 0) OR t0.\"title\" LIKE ?"
        + " OR t0.\"body\" ILIKE ? OR t0.\"score\" = ANY(?) OR FALSE OR t0.\"body\" IS NULL"
        + " OR t0.\"body\" IS NOT NULL)");
    assertThat(s.binds()).containsExactly("a", 1L, 2L, 7L, "!", "b!", "ell", "H%", "%x%",
        new SqlArray("bigint", new String[] {"1", "2", "3"}));
  }

  @Test
  void fragmentsBindTheirArgumentsAndKeepEscapedQuestionMarks() {
    Sql s = sql(Query.of(POST).filter(fragment("lower(?) = ? AND meta \\? 'k' AND '?' <> ?", attr("title"), "x",
        "y")));
    assertThat(s.text()).endsWith("WHERE (lower(t0.\"title\") = ? AND meta ?? 'k' AND '?' <> ?)");
    assertThat(s.binds()).containsExactly("x", "y");
    assertThatThrownBy(() -> sql(Query.of(POST).filter(fragment("a = ? AND b = ?", "x"))))
        .isInstanceOf(InvalidQueryException.class).hasMessageContaining("2 placeholder(s) but 1 argument(s)");
  }

  @Test
  void castsAndTrigram() {
    Sql s = sql(Query.of(POST).filter(trigramSimilarity(attr("title"), "geoff").gt(0.4))
        .filter(type(attr("score"), Type.STRING).eq("5")).filter(type("7", Type.INTEGER).eq(attr("score"))));
    assertThat(s.text()).endsWith("WHERE similarity(t0.\"title\", ?) > ? AND (t0.\"score\")::text = ?"
        + " AND (?)::bigint = t0.\"score\"");
    assertThat(s.binds()).containsExactly("geoff", 0.4, "5", 7L);
  }

  @Test
  void trigramNeedsTheExtension() {
    Resource thing = Resource.define("thing", r -> r.postgres(pg -> pg.repo(PlainDataRepo.class).table("things"))
        .uuidPrimaryKey("id").attribute("name", Type.STRING));
    DataLayer dl = DataLayer.of(Domain.of(List.of(thing)), null);
    assertThatThrownBy(() -> dl.toSql(Query.of(thing).filter(trigramSimilarity(attr("name"), "x").gt(0.1))))
        .isInstanceOf(InvalidQueryException.class)
        .hasMessageContaining("pg_trgm").hasMessageContaining("resource thing").hasMessageContaining("PlainDataRepo");
  }

  @Test
  void ciStringValuesAreCast() {
    Sql s = sql(Query.of(Blog.AUTHOR).filter(attr("name").eq("Ann").or(attr("name").in("a", "b"))));
    assertThat(s.text()).endsWith("WHERE (t0.\"name\" = ?::citext OR t0.\"name\" = ANY(?::citext[]))");
  }

  @Test
  void unknownAttributesFailWhenTheQueryIsBuilt() {
    assertThatThrownBy(() -> Query.of(POST).sort(Sort.asc("title; DROP TABLE posts")))
        .isInstanceOf(InvalidQueryException.class).hasMessageContaining("resource post has no attribute");
    assertThatThrownBy(() -> Query.of(POST).filter(attr("nope").eq(1)))
        .isInstanceOf(InvalidQueryException.class).hasMessageContaining("'nope'");
    assertThatThrownBy(() -> Query.of(POST).select("nope")).isInstanceOf(InvalidQueryException.class);
    assertThatThrownBy(() -> Changeset.create(POST).set("nope", 1)).isInstanceOf(InvalidQueryException.class);
    assertThatThrownBy(() -> Changeset.create(POST).set("id", UUID.randomUUID()))
        .isInstanceOf(InvalidQueryException.class).hasMessageContaining("not writable");
  }

  @Test
  void badValuesNameTheResource() {
    assertThatThrownBy(() -> sql(Query.of(POST).filter(attr("id").eq("not-a-uuid"))))
        .isInstanceOf(InvalidQueryException.class).hasMessageContaining("resource post")
        .hasMessageContaining("not a UUID");
    assertThatThrownBy(() -> sql(Query.of(POST).filter(attr("status").eq("gone"))))
        .isInstanceOf(InvalidQueryException.class).hasMessageContaining("[draft, live]");
  }

  @Test
  void distinctAndDistinctOn() {
    assertThat(sql(Query.of(POST).select("title").distinct()).text())
        .isEqualTo("SELECT DISTINCT t0.\"id\", t0.\"title\" FROM \"public\".\"posts\" AS t0");
    assertThat(sql(Query.of(POST).select("title").distinctOn("author_id").sort(Sort.asc("author_id"),
        Sort.desc("score"))).text()).isEqualTo("SELECT DISTINCT ON (t0.\"author_id\") t0.\"id\", t0.\"title\""
        + " FROM \"public\".\"posts\" AS t0 ORDER BY t0.\"author_id\" ASC, t0.\"score\" DESC");
    assertThat(sql(Query.of(POST).select("title").distinctOn("author_id").sort(Sort.desc("score")).limit(5))
        .text()).isEqualTo("SELECT t0.\"id\", t0.\"title\" FROM (SELECT DISTINCT ON"
        + " (t0.\"author_id\") t0.* FROM \"public\".\"posts\" AS t0 ORDER BY t0.\"author_id\", t0.\"score\" DESC)"
        + " AS t0 ORDER BY t0.\"score\" DESC LIMIT 5");
  }

  @Test
  void locks() {
    assertThat(sql(Query.of(POST).select("title").lock(Lock.forUpdate())).text())
        .endsWith("FROM \"public\".\"posts\" AS t0 FOR UPDATE OF t0");
    assertThat(sql(Query.of(POST).select("title").lock(Lock.forNoKeyUpdate().nowait())).text())
        .endsWith(" FOR NO KEY UPDATE OF t0 NOWAIT");
    assertThat(sql(Query.of(POST).select("title").lock(Lock.forShare().skipLocked())).text())
        .endsWith(" FOR SHARE OF t0 SKIP LOCKED");
    assertThat(sql(Query.of(POST).select("title").lock(Lock.forKeyShare())).text()).endsWith(" FOR KEY SHARE OF t0");
    assertThatThrownBy(() -> sql(Query.of(POST).distinct().lock(Lock.forUpdate())))
        .isInstanceOf(InvalidQueryException.class).hasMessageContaining("DISTINCT");
  }

  @Test
  void baseFilterIsAndedIntoReadsUpdatesAndDeletes() {
    Query q = Query.of(Blog.NOTE).filter(attr("text").eq("a"));
    assertThat(sql(q).text()).isEqualTo("SELECT t0.\"id\", t0.\"text\", t0.\"archived\" FROM \"app\".\"notes\""
        + " AS t0 WHERE (archived = false) AND t0.\"text\" = ?");
    Model m = model(Blog.NOTE);
    assertThat(WriteRenderer.updateQuery(m, q, Map.of("text", "b"), null).text())
        .isEqualTo("UPDATE \"app\".\"notes\" AS t0 SET \"text\" = ? WHERE (archived = false) AND t0.\"text\" = ?");
    assertThat(WriteRenderer.deleteQuery(m, q.limit(3), null).text())
        .isEqualTo("DELETE FROM \"app\".\"notes\" AS t0 WHERE (t0.\"id\") IN (SELECT t0.\"id\" FROM"
            + " \"app\".\"notes\" AS t0 WHERE (archived = false) AND t0.\"text\" = ? LIMIT 3)");
    assertThat(WriteRenderer.delete(m, Map.of("id", 5L), null, m.allColumns).text())
        .isEqualTo("DELETE FROM \"app\".\"notes\" AS t0 WHERE (archived = false) AND t0.\"id\" = ?"
            + " RETURNING t0.\"id\", t0.\"text\", t0.\"archived\"");
  }

  @Test
  void countWrapsWhenLimited() {
    Model m = model(POST);
    assertThat(QueryRenderer.count(m, Query.of(POST).filter(attr("score").gt(1))).text())
        .isEqualTo("SELECT count(*) FROM \"public\".\"posts\" AS t0 WHERE t0.\"score\" > ?");
    assertThat(QueryRenderer.count(m, Query.of(POST).select("title").limit(2)).text())
        .isEqualTo("SELECT count(*) FROM (SELECT t0.\"id\", t0.\"title\" FROM \"public\".\"posts\" AS t0 LIMIT 2)"
            + " AS c");
  }

  @Test
  void insertUpdateAndUpsert() {
    Model m = model(Blog.AUTHOR);
    var cols = List.of(Blog.AUTHOR.attribute("id").orElseThrow(), Blog.AUTHOR.attribute("name").orElseThrow());
    UUID id = UUID.randomUUID();
    Sql insert = WriteRenderer.insert(m, cols, List.of(id, "Ann"),
        new Upsert(List.of("\"name\""), null, List.of("email"), null), m.columns(List.of("name")));
    assertThat(insert.text()).isEqualTo("INSERT INTO \"public\".\"authors\" AS t0 (\"id\", \"name\") VALUES"
        + " (?, ?::citext) ON CONFLICT (\"name\") DO UPDATE SET \"email\" = EXCLUDED.\"email\""
        + " RETURNING t0.\"id\", t0.\"name\", (t0.xmax = 0)");
    assertThat(insert.binds()).containsExactly(id, "Ann");
    Map<String, Object> values = new LinkedHashMap<>();
    values.put("email", "a@b");
    values.put("name", attr("name").concat("!"));
    Sql update = WriteRenderer.update(m, values, Map.of("id", id), attr("email").isNil(), null);
    assertThat(update.text()).isEqualTo("UPDATE \"public\".\"authors\" AS t0 SET \"email\" = ?, \"name\" ="
        + " (t0.\"name\" || ?) WHERE t0.\"id\" = ? AND t0.\"email\" IS NULL");
    assertThat(update.binds()).containsExactly("a@b", "!", id);
  }

  @Test
  void sameShapeSameText() {
    String a = sql(Query.of(POST).filter(attr("score").in(1, 2)).limit(5)).text();
    String b = sql(Query.of(POST).filter(attr("score").in(7, 8, 9, 10)).limit(5)).text();
    assertThat(a).isEqualTo(b);
    // the limit is part of the shape (a literal, so that prepared statements can use PostgreSQL's generic plan)
    assertThat(sql(Query.of(POST).filter(attr("score").in(7, 8)).limit(50)).text()).isNotEqualTo(a);
  }

  @Test
  void bulkStatements() {
    Model m = model(Blog.AUTHOR);
    var cols = List.of(Blog.AUTHOR.attribute("id").orElseThrow(), Blog.AUTHOR.attribute("name").orElseThrow());
    UUID a = UUID.randomUUID();
    UUID b = UUID.randomUUID();
    List<Object[]> rows = List.of(new Object[] {a, "x"}, new Object[] {b, "y"});
    Sql unnest = BulkWriter.unnest(m, cols, rows, null, null);
    assertThat(unnest.text()).isEqualTo("INSERT INTO \"public\".\"authors\" AS t0 (\"id\", \"name\") SELECT"
        + " unnest(?::uuid[]), unnest(?::citext[])");
    // one array literal per column; the server reads it with the input function of the cast's type
    assertThat(unnest.binds()).containsExactly(new Jdbc.UntypedText("{" + a + "," + b + "}"),
        new Jdbc.UntypedText("{\"x\",\"y\"}"));
    Sql values = BulkWriter.values(m, cols, rows, null, m.allColumns);
    assertThat(values.text()).isEqualTo("INSERT INTO \"public\".\"authors\" AS t0 (\"id\", \"name\") VALUES"
        + " (?, ?::citext), (?, ?::citext) RETURNING t0.\"id\", t0.\"name\", t0.\"email\"");
    assertThat(BulkWriter.valuesRowsPerStatement(1000, 100)).isEqualTo(655);
    assertThat(BulkWriter.valuesRowsPerStatement(10_000, 5)).isEqualTo(1000);
    assertThat(BulkWriter.valuesRowsPerStatement(7, 5)).isEqualTo(7);
  }

  @Test
  void keysetConditions() {
    Query q = Query.of(POST).select("title", "score").sort(Sort.desc("score"));
    Cursor c = new Cursor(Map.of("score", "5", "id", "00000000-0000-0000-0000-000000000001"));
    assertThat(sql(q.after(c).limit(2)).text()).endsWith("WHERE (t0.\"score\" < ? OR (t0.\"score\" = ? AND"
        + " t0.\"id\" > ?)) ORDER BY t0.\"score\" DESC, t0.\"id\" ASC LIMIT 2");
    assertThat(sql(q.before(c).limit(2)).text()).endsWith("WHERE (t0.\"score\" > ? OR (t0.\"score\" = ? AND"
        + " t0.\"id\" < ?)) ORDER BY t0.\"score\" ASC NULLS LAST, t0.\"id\" DESC NULLS FIRST LIMIT 2");
    assertThat(Cursor.decode(c.encode())).isEqualTo(c);
  }

  private static Model model(Resource r) {
    return new Model(r, new TableTarget(r.postgres().schema().orElse("public"), r.table().orElseThrow()),
        java.util.Set.of("pg_trgm", "citext"), "DataRepo", io.ashpg.error.ConstraintErrorMapper.of(DOMAIN, r,
        r.table().orElseThrow()));
  }
}
