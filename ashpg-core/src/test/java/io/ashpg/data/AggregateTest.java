package io.ashpg.data;

import static io.ashpg.sql.Exprs.aggregate;
import static io.ashpg.sql.Exprs.attr;
import static io.ashpg.sql.Exprs.calc;
import static io.ashpg.sql.Exprs.exists;
import static io.ashpg.sql.Exprs.path;
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
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Filters and sorts across relationships, aggregates, expression calculations and combination queries against
 * PostgreSQL: values, empty-relationship defaults, one statement per read, tenants that do not leak, hostile input.
 */
@WithPostgres
class AggregateTest {
  /** Context (schema) multitenant: boards and their cards live in the tenant's schema. */
  static final Resource BOARD = Resource.define("board", r -> r
      .postgres(pg -> pg.repo(PlainDataRepo.class).table("boards"))
      .multitenancy(m -> m.strategy(Multitenancy.Strategy.CONTEXT))
      .uuidPrimaryKey("id")
      .attribute("name", Type.STRING)
      .hasMany("cards", "card"));

  static final Resource CARD = Resource.define("card", r -> r
      .postgres(pg -> pg.repo(PlainDataRepo.class).table("cards"))
      .multitenancy(m -> m.strategy(Multitenancy.Strategy.CONTEXT))
      .uuidPrimaryKey("id")
      .attribute("points", Type.INTEGER)
      .belongsTo("board", "board"));

  /** Attribute multitenant: shared tables, rows tagged with "org"; teams are global, members are per org. */
  static final Resource TEAM = Resource.define("team", r -> r
      .postgres(pg -> pg.repo(PlainDataRepo.class).table("teams"))
      .multitenancy(m -> m.strategy(Multitenancy.Strategy.ATTRIBUTE).attribute("org").global(true))
      .uuidPrimaryKey("id")
      .attribute("org", Type.STRING)
      .attribute("name", Type.STRING)
      .hasMany("members", "member"));

  static final Resource MEMBER = Resource.define("member", r -> r
      .postgres(pg -> pg.repo(PlainDataRepo.class).table("members"))
      .multitenancy(m -> m.strategy(Multitenancy.Strategy.ATTRIBUTE).attribute("org"))
      .uuidPrimaryKey("id")
      .attribute("org", Type.STRING, a -> a.allowNil(false))
      .attribute("name", Type.STRING)
      .belongsTo("team", "team"));

  static Domain domain() {
    List<Resource> all = new ArrayList<>(RelBlog.domain().resources());
    all.addAll(List.of(BOARD, CARD, TEAM, MEMBER));
    return Domain.of(all);
  }

  private final TestDatabase db;
  private final RecordingDataSource recording;
  /** Statements counted through the data layer's listener. */
  private final List<StatementEvent> events = new java.util.concurrent.CopyOnWriteArrayList<>();
  private final DataLayer dl;

  AggregateTest(TestDatabase db) {
    this.db = db;
    this.recording = new RecordingDataSource(db.dataSource());
    this.dl = DataLayer.of(domain(), recording).withListener(events::add);
  }

  @BeforeAll
  static void schema(TestDatabase db) throws Exception {
    Schema.migrate(db, RelBlog.domain());
    try (Connection c = db.connect(); Statement s = c.createStatement()) {
      for (String t : List.of("ten_a", "ten_b")) {
        s.execute("CREATE SCHEMA IF NOT EXISTS " + t);
        s.execute("CREATE TABLE IF NOT EXISTS " + t + ".boards (id uuid PRIMARY KEY, name text)");
        s.execute("CREATE TABLE IF NOT EXISTS " + t + ".cards (id uuid PRIMARY KEY, points bigint, board_id uuid)");
      }
      s.execute("CREATE TABLE IF NOT EXISTS public.teams (id uuid PRIMARY KEY, org text, name text)");
      s.execute("CREATE TABLE IF NOT EXISTS public.members (id uuid PRIMARY KEY, org text NOT NULL, name text,"
          + " team_id uuid)");
    }
  }

  @BeforeEach
  void clean() throws Exception {
    RelBlog.truncate(db, "public.teams", "public.members", "ten_a.boards", "ten_a.cards", "ten_b.boards",
        "ten_b.cards");
  }

  /** Authors a0…; each has posts p0 (comments likes 0,1,2, tag red) and p1 (no comments, tags red+blue). */
  private void seed(int authors) {
    Row red = dl.create(Changeset.create(RelBlog.TAG).set("name", "red"));
    Row blue = dl.create(Changeset.create(RelBlog.TAG).set("name", "blue"));
    for (int a = 0; a < authors; a++) {
      Row author = dl.create(Changeset.create(RelBlog.AUTHOR).set("name", "a" + a));
      for (int p = 0; p < 2; p++) {
        Row post = dl.create(Changeset.create(RelBlog.POST).set("title", "a" + a + "p" + p).set("score", (long) a)
            .set("author_id", author.get("id")));
        if (p == 0) {
          for (int c = 0; c < 3; c++) {
            dl.create(Changeset.create(RelBlog.COMMENT).set("text", c == 2 ? "c1" : "c" + c).set("likes", (long) c)
                .set("post_id", post.get("id")).set("author_id", author.get("id")));
          }
          dl.create(Changeset.create(RelBlog.REACTION).contextTable("post_reactions").set("kind", "like")
              .set("resource_id", post.get("id")));
        }
        dl.create(Changeset.create(RelBlog.POST_TAG).set("post_id", post.get("id")).set("tag_id", red.get("id")));
        if (p == 1) {
          dl.create(Changeset.create(RelBlog.POST_TAG).set("post_id", post.get("id")).set("tag_id", blue.get("id")));
        }
      }
    }
  }

  private List<Row> read(Query q) {
    events.clear();
    List<Row> rows = dl.read(q);
    assertThat(events).as("statements for %s", q).hasSize(1);
    return rows;
  }

  private static List<String> titles(List<Row> rows) {
    return rows.stream().map(r -> r.getString("title")).toList();
  }

  @Test
  void filtersAndSortsAcrossToOneRelationships() {
    seed(3);
    assertThat(titles(read(Query.of(RelBlog.POST).filter(path("author", "name").eq("a1")).sort(Sort.asc("title")))))
        .containsExactly("a1p0", "a1p1");
    assertThat(titles(read(Query.of(RelBlog.POST).sort(Sort.desc(path("author", "name")), Sort.asc("title")))))
        .containsExactly("a2p0", "a2p1", "a1p0", "a1p1", "a0p0", "a0p1");
    // two hops: comment -> post -> author
    List<Row> comments = read(Query.of(RelBlog.COMMENT).filter(path("post", "author", "name").eq("a2")));
    assertThat(comments).hasSize(3);
    assertThatThrownBy(() -> dl.read(Query.of(RelBlog.AUTHOR).filter(path("posts", "title").eq("x"))))
        .isInstanceOf(InvalidQueryException.class).hasMessageContaining("to-many relationship 'posts'");
    assertThatThrownBy(() -> Query.of(RelBlog.POST).filter(path("editor", "name").eq("x")))
        .isInstanceOf(InvalidQueryException.class).hasMessageContaining("no relationship 'editor'");
  }

  @Test
  void filtersAcrossToManyRelationshipsWithExists() {
    seed(3);
    Query withLiked = Query.of(RelBlog.POST).filter(exists("comments", attr("likes").ge(2))).sort(Sort.asc("title"));
    assertThat(titles(read(withLiked))).containsExactly("a0p0", "a1p0", "a2p0");
    assertThat(titles(read(Query.of(RelBlog.POST).filter(exists("comments").not()).sort(Sort.asc("title")))))
        .containsExactly("a0p1", "a1p1", "a2p1");
    // many to many through the join table, and a polymorphic (context table) has_many
    assertThat(titles(read(Query.of(RelBlog.POST).filter(exists("tags", attr("name").eq("blue")))
        .sort(Sort.asc("title"))))).containsExactly("a0p1", "a1p1", "a2p1");
    assertThat(read(Query.of(RelBlog.POST).filter(exists("reactions", attr("kind").eq("like"))))).hasSize(3);
    // nested: authors with a post that has a comment liked twice, combined with a to-one path inside
    assertThat(read(Query.of(RelBlog.AUTHOR).filter(exists("posts", exists("comments", attr("likes").eq(2))
        .and(attr("title").eq("a1p0")))))).extracting(r -> r.getString("name")).containsExactly("a1");
  }

  @Test
  void aggregatesOfEveryKindInOneStatementWithDefaultsForEmptyRelationships() {
    seed(5);
    Query q = Query.of(RelBlog.POST)
        .aggregate("comment_count", Aggregate.count("comments"))
        .aggregate("distinct_texts", Aggregate.count("comments", "text").distinct())
        .aggregate("likes", Aggregate.sum("comments", "likes"))
        .aggregate("liked", Aggregate.sum("comments", "likes").filter(attr("likes").gt(0)).defaultValue(0))
        .aggregate("least", Aggregate.min("comments", "likes"))
        .aggregate("most", Aggregate.max("comments", "likes"))
        .aggregate("mean", Aggregate.avg("comments", "likes"))
        .aggregate("has_comments", Aggregate.exists("comments"))
        .aggregate("top_text", Aggregate.first("comments", "text").sort(Sort.desc("likes")))
        .aggregate("texts", Aggregate.list("comments", "text").distinct())
        .aggregate("ordered", Aggregate.list("comments", "likes").sort(Sort.desc("likes")))
        .aggregate("tag_names", Aggregate.list("tags", "name").sort(Sort.asc("name")).defaultValue(List.of()))
        .aggregate("reaction_count", Aggregate.count("reactions"))
        .sort(Sort.asc("title"));
    List<Row> rows = read(q); // 10 posts, every aggregate: one statement
    assertThat(rows).hasSize(10);
    Row full = rows.get(0);
    assertThat(full.getString("title")).isEqualTo("a0p0");
    assertThat(full.getLong("comment_count")).isEqualTo(3);
    assertThat(full.getLong("distinct_texts")).isEqualTo(2);
    assertThat(full.getLong("likes")).isEqualTo(3);
    assertThat(full.getLong("liked")).isEqualTo(3);
    assertThat(full.getLong("least")).isEqualTo(0);
    assertThat(full.getLong("most")).isEqualTo(2);
    assertThat(full.getDouble("mean")).isEqualTo(1.0);
    assertThat(full.getBoolean("has_comments")).isTrue();
    assertThat(full.getString("top_text")).isEqualTo("c1");
    assertThat(full.getList("texts")).containsExactly("c0", "c1");
    assertThat(full.getList("ordered")).containsExactly(2L, 1L, 0L);
    assertThat(full.getList("tag_names")).containsExactly("red");
    assertThat(full.getLong("reaction_count")).isEqualTo(1);

    Row empty = rows.get(1);
    assertThat(empty.getString("title")).isEqualTo("a0p1");
    assertThat(empty.getLong("comment_count")).isEqualTo(0);
    assertThat(empty.getLong("distinct_texts")).isEqualTo(0);
    assertThat(empty.get("likes")).isNull();
    assertThat(empty.getLong("liked")).isEqualTo(0);
    assertThat(empty.get("least")).isNull();
    assertThat(empty.get("mean")).isNull();
    assertThat(empty.getBoolean("has_comments")).isFalse();
    assertThat(empty.get("top_text")).isNull();
    assertThat(empty.get("texts")).isNull();
    assertThat(empty.getList("tag_names")).containsExactly("blue", "red");
    assertThat(empty.getLong("reaction_count")).isEqualTo(0);
  }

  @Test
  void aggregatesAreFilteredAndSortedOnAndWorkInCountsLoadsAndBulkWrites() {
    seed(3);
    Query q = Query.of(RelBlog.AUTHOR)
        .aggregate("post_count", Aggregate.count("posts"))
        .aggregate("best", Aggregate.max("posts", "score").defaultValue(-1))
        .filter(aggregate("best").ge(1))
        .sort(Sort.desc(aggregate("best")));
    assertThat(read(q)).extracting(r -> r.getString("name")).containsExactly("a2", "a1");
    assertThat(dl.count(q)).isEqualTo(2);
    assertThat(dl.count(q.limit(1))).isEqualTo(1);

    // aggregates of a loaded relationship, per parent
    Row author = dl.read(Query.of(RelBlog.AUTHOR).filter(attr("name").eq("a0"))
        .load("posts", p -> p.aggregate("n", Aggregate.count("comments")).sort(Sort.asc("title")))).get(0);
    assertThat(author.many("posts")).extracting(r -> r.getLong("n")).containsExactly(3L, 0L);

    // a bulk update chooses its rows through the aggregate
    BulkResult updated = dl.bulkUpdate(Query.of(RelBlog.POST).aggregate("n", Aggregate.count("comments"))
        .filter(aggregate("n").eq(0)), Map.of("score", 100L));
    assertThat(updated.count()).isEqualTo(3);
    assertThat(dl.count(Query.of(RelBlog.POST).filter(attr("score").eq(100L)))).isEqualTo(3);
  }

  @Test
  void expressionCalculationsAreSelectedFilteredAndSorted() {
    seed(2);
    Query q = Query.of(RelBlog.POST)
        .aggregate("comment_count", Aggregate.count("comments"))
        .calculate("full_title", attr("title").concat(" by ").concat(path("author", "name")))
        .calculate("weight", attr("score").times(10).plus(aggregate("comment_count")))
        .filter(calc("full_title").like("%p0 by %"))
        .sort(Sort.desc(calc("weight")));
    List<Row> rows = read(q);
    assertThat(rows).extracting(r -> r.getString("full_title")).containsExactly("a1p0 by a1", "a0p0 by a0");
    assertThat(rows).extracting(r -> r.getLong("weight")).containsExactly(13L, 3L);
    assertThatThrownBy(() -> dl.read(Query.of(RelBlog.POST).filter(calc("nope").eq(1))))
        .isInstanceOf(InvalidQueryException.class).hasMessageContaining("no aggregate or calculation 'nope'");
    assertThatThrownBy(() -> Query.of(RelBlog.POST).calculate("title", attr("score")))
        .isInstanceOf(InvalidQueryException.class).hasMessageContaining("already used");
  }

  @Test
  void combinationQueries() {
    seed(3);
    Query high = Query.of(RelBlog.POST).filter(attr("score").ge(1));
    Query first = Query.of(RelBlog.POST).filter(attr("title").like("%p0"));
    Function<Combination, List<String>> run = c -> {
      events.clear();
      List<String> t = titles(dl.read(c));
      assertThat(events).hasSize(1);
      return t;
    };
    assertThat(run.apply(Combination.of(high).union(first).sort(Sort.asc("title"))))
        .containsExactly("a0p0", "a1p0", "a1p1", "a2p0", "a2p1");
    assertThat(run.apply(Combination.of(first).unionAll(first).sort(Sort.asc("title")).limit(3)))
        .containsExactly("a0p0", "a0p0", "a1p0");
    assertThat(run.apply(Combination.of(high).intersect(first).sort(Sort.desc("title"))))
        .containsExactly("a2p0", "a1p0");
    assertThat(run.apply(Combination.of(high).except(first).sort(Sort.asc("title")).offset(1)))
        .containsExactly("a2p1");
    // parts keep their own sort and limit
    assertThat(run.apply(Combination.of(high.sort(Sort.desc("title")).limit(1))
        .union(first.sort(Sort.asc("title")).limit(1)).sort(Sort.asc("title")))).containsExactly("a0p0", "a2p1");
    assertThatThrownBy(() -> Combination.of(high).union(Query.of(RelBlog.AUTHOR)))
        .isInstanceOf(InvalidQueryException.class).hasMessageContaining("post");
  }

  @Test
  void aggregatesAndPathsStayInsideTheTenantSchema() {
    for (String tenant : List.of("ten_a", "ten_b")) {
      int cards = tenant.equals("ten_a") ? 2 : 5;
      Row board = dl.create(Changeset.create(BOARD).tenant(tenant).set("name", tenant));
      for (int i = 0; i < cards; i++) {
        dl.create(Changeset.create(CARD).tenant(tenant).set("points", 1L).set("board_id", board.get("id")));
      }
    }
    for (String tenant : List.of("ten_a", "ten_b")) {
      Query q = Query.of(BOARD).tenant(tenant).aggregate("cards", Aggregate.count("cards"))
          .aggregate("points", Aggregate.sum("cards", "points")).filter(exists("cards"));
      assertThat(dl.toSql(q).text()).contains("FROM \"" + tenant + "\".\"cards\" AS r1")
          .doesNotContain("public");
      Row row = read(q).get(0);
      assertThat(row.getString("name")).isEqualTo(tenant);
      assertThat(row.getLong("cards")).isEqualTo(tenant.equals("ten_a") ? 2 : 5);
      assertThat(read(Query.of(CARD).tenant(tenant).filter(path("board", "name").eq(tenant)))).hasSize(
          tenant.equals("ten_a") ? 2 : 5);
    }
  }

  @Test
  void attributeTenantFiltersApplyInsideAggregatesAndExists() {
    // acme's team, with members of acme and (a cross-tenant reference) of bolt
    Row team = dl.create(Changeset.create(TEAM).tenant("acme").set("name", "shared"));
    for (String org : List.of("acme", "acme", "bolt")) {
      dl.create(Changeset.create(MEMBER).tenant(org).set("name", org).set("team_id", team.get("id")));
    }
    Query q = Query.of(TEAM).tenant("acme").aggregate("members", Aggregate.count("members"))
        .aggregate("names", Aggregate.list("members", "name").distinct());
    Row row = read(q).get(0);
    assertThat(row.getLong("members")).isEqualTo(2);
    assertThat(row.getList("names")).containsExactly("acme");
    assertThat(read(Query.of(TEAM).tenant("acme").filter(exists("members", attr("name").eq("bolt"))))).isEmpty();
    assertThat(read(Query.of(TEAM).tenant("acme").filter(exists("members", attr("name").eq("acme"))))).hasSize(1);
    assertThat(read(Query.of(MEMBER).tenant("bolt").filter(path("team", "name").eq("shared")))).isEmpty();
    // without a tenant the per-org destination cannot be read at all
    assertThatThrownBy(() -> dl.read(Query.of(TEAM).aggregate("members", Aggregate.count("members"))))
        .isInstanceOf(InvalidQueryException.class).hasMessageContaining("attribute multitenancy");
  }

  @Test
  void hostileInputInAggregatesAndCalculationsIsBoundOrRejected() {
    seed(1);
    for (String payload : InjectionTest.PAYLOADS) {
      recording.statements.clear();
      Query q = Query.of(RelBlog.POST)
          .aggregate("n", Aggregate.count("comments").filter(attr("text").eq(payload)))
          .aggregate("f", Aggregate.first("comments", "text").filter(attr("text").ne(payload)).defaultValue(payload))
          .calculate("c", attr("title").concat(payload))
          .filter(calc("c").ne(payload).and(path("author", "name").ne(payload)))
          .sort(Sort.asc("title"));
      List<Row> rows = dl.read(q);
      assertThat(rows.get(0).getString("c")).isEqualTo("a0p0" + payload);
      assertThat(rows.get(1).getString("f")).isEqualTo(payload);
      assertThat(recording.statements).allSatisfy(sql -> assertThat(sql).doesNotContain(payload));
      assertThatThrownBy(() -> Query.of(RelBlog.POST).aggregate(payload, Aggregate.count("comments")))
          .isInstanceOf(InvalidQueryException.class);
      assertThatThrownBy(() -> Query.of(RelBlog.POST).aggregate("x", Aggregate.count(payload)))
          .isInstanceOf(InvalidQueryException.class);
      assertThatThrownBy(() -> dl.read(Query.of(RelBlog.POST).aggregate("x", Aggregate.sum("comments", payload))))
          .isInstanceOf(InvalidQueryException.class).hasMessageContaining("aggregate 'x'");
    }
    assertThat(dl.count(Query.of(RelBlog.AUTHOR))).isEqualTo(1);
  }
}
