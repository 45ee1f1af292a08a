package io.ashpg.data;

import static io.ashpg.sql.Exprs.ago;
import static io.ashpg.sql.Exprs.attr;
import static io.ashpg.sql.Exprs.calc;
import static io.ashpg.sql.Exprs.coalesce;
import static io.ashpg.sql.Exprs.concat;
import static io.ashpg.sql.Exprs.cond;
import static io.ashpg.sql.Exprs.contains;
import static io.ashpg.sql.Exprs.fromNow;
import static io.ashpg.sql.Exprs.getPath;
import static io.ashpg.sql.Exprs.getPathText;
import static io.ashpg.sql.Exprs.ifElse;
import static io.ashpg.sql.Exprs.length;
import static io.ashpg.sql.Exprs.lower;
import static io.ashpg.sql.Exprs.now;
import static io.ashpg.sql.Exprs.startsWith;
import static io.ashpg.sql.Exprs.upper;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ashpg.error.InvalidQueryException;
import io.ashpg.sql.Expr;
import io.ashpg.testing.TestDatabase;
import io.ashpg.testing.WithPostgres;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The expression functions of AshPostgres 2.x — if/cond, now/ago/from_now, string functions, coalesce, jsonb
 * get_path — evaluated by PostgreSQL in filters and calculations, every value a bind parameter.
 */
@WithPostgres
class ExpressionFunctionsTest {
  private final TestDatabase db;
  private final DataLayer dl;

  ExpressionFunctionsTest(TestDatabase db) {
    this.db = db;
    this.dl = DataLayer.of(Blog.domain(), db.dataSource());
  }

  @BeforeAll
  static void schema(TestDatabase db) {
    Schema.migrate(db, Blog.domain());
  }

  @BeforeEach
  void clean() throws Exception {
    Schema.emptyBlog(db);
    dl.create(Changeset.create(Blog.POST).set("title", "Hello World").set("score", 12L)
        .set("meta", Map.of("lang", "en", "stats", Map.of("words", 120))));
    dl.create(Changeset.create(Blog.POST).set("title", "hola").set("body", "cuerpo").set("score", 3L)
        .set("meta", Map.of("lang", "es")));
    dl.create(Changeset.create(Blog.POST).set("title", "Bonjour").set("score", 0L));
  }

  private List<String> titles(Expr filter) {
    Query q = Query.of(Blog.POST).filter(filter).sort(Sort.asc("title"));
    // every value is a bind parameter: no literal reaches the statement text
    assertThat(dl.toSql(q).text()).doesNotContain("'");
    return dl.read(q).stream().map(r -> r.getString("title")).toList();
  }

  private Object calculated(String title, Expr expr) {
    return dl.read(Query.of(Blog.POST).filter(attr("title").eq(title)).calculate("v", expr)).get(0).get("v");
  }

  @Test
  void stringFunctions() {
    assertThat(titles(lower(attr("title")).eq("hello world"))).containsExactly("Hello World");
    assertThat(titles(upper(attr("title")).eq("HOLA"))).containsExactly("hola");
    assertThat(titles(length(attr("title")).gt(5))).containsExactly("Bonjour", "Hello World");
    assertThat(titles(startsWith(attr("title"), "Bon"))).containsExactly("Bonjour");
    assertThat(titles(contains(attr("title"), "o W"))).containsExactly("Hello World");
    assertThat(titles(concat(attr("title"), "!", attr("body")).eq("hola!cuerpo"))).containsExactly("hola");
    // concat treats null as empty, unlike ||
    assertThat(calculated("Bonjour", concat(attr("title"), "/", attr("body")))).isEqualTo("Bonjour/");
    assertThat(calculated("hola", length(attr("body")))).isEqualTo(6L);
  }

  @Test
  void ifCondAndCoalesce() {
    Expr size = cond(List.of(attr("score").ge(10), attr("score").ge(1)), List.of("big", "small"), "none");
    assertThat(calculated("Hello World", size)).isEqualTo("big");
    assertThat(calculated("hola", size)).isEqualTo("small");
    assertThat(calculated("Bonjour", size)).isEqualTo("none");
    assertThat(titles(ifElse(attr("body").isNil(), attr("score"), 100).gt(10)))
        .containsExactly("Hello World", "hola");
    assertThat(calculated("Bonjour", coalesce(attr("body"), attr("title"), "x"))).isEqualTo("Bonjour");
    assertThat(titles(coalesce(attr("body"), "none").eq("none"))).containsExactly("Bonjour", "Hello World");
    // sorted by a calculation built from them
    List<Row> sorted = dl.read(Query.of(Blog.POST).calculate("rank", ifElse(attr("score").gt(5), 0, 1))
        .sort(Sort.asc(calc("rank")), Sort.asc("title")));
    assertThat(sorted).extracting(r -> r.getString("title")).containsExactly("Hello World", "Bonjour", "hola");
  }

  @Test
  void timeFunctions() {
    assertThat(titles(attr("inserted_at").gt(ago(1, "hour")))).hasSize(3);
    assertThat(titles(attr("inserted_at").lt(fromNow(1, "day")))).hasSize(3);
    assertThat(titles(attr("inserted_at").gt(fromNow(2, "minute")))).isEmpty();
    assertThat(titles(attr("inserted_at").lt(ago(7, "week")))).isEmpty();
    Object at = calculated("hola", now());
    assertThat(at).isNotNull();
    assertThatThrownBy(() -> titles(attr("inserted_at").gt(ago(1, "fortnight"))))
        .isInstanceOf(InvalidQueryException.class).hasMessageContaining("fortnight").hasMessageContaining("day");
  }

  @Test
  void jsonbGetPath() {
    assertThat(titles(getPathText(attr("meta"), "lang").eq("es"))).containsExactly("hola");
    assertThat(titles(getPathText(attr("meta"), "stats", "words").eq("120"))).containsExactly("Hello World");
    assertThat(titles(getPath(attr("meta"), "stats").notNil())).containsExactly("Hello World");
    assertThat(calculated("Hello World", getPath(attr("meta"), "stats"))).isEqualTo(Map.of("words", 120L));
    assertThat(calculated("Bonjour", getPathText(attr("meta"), "lang"))).isNull();
  }
}
