package io.ashpg.data;

import static io.ashpg.sql.Exprs.aggregate;
import static io.ashpg.sql.Exprs.attr;
import static io.ashpg.sql.Exprs.exists;
import static io.ashpg.sql.Exprs.path;
import static org.assertj.core.api.Assertions.assertThat;

import io.ashpg.testing.TestDatabase;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Counts rendered as one grouped join give each row the same value as the lateral count per row: for every parent
 * the query reads (filtered by attributes, paths and exists), none for rows it does not, 0 for parents without
 * related rows, orphans counted nowhere. The lateral answer is read with a limit above the row count, which keeps
 * the lateral form.
 */
class GroupedCountTest extends RelBlogSuite {
  GroupedCountTest(TestDatabase db) {
    super(db);
  }

  @BeforeEach
  void seed() {
    Row ann = author("Ann");
    Row bob = author("Bob");
    author("Cy"); // no posts
    dl.create(Changeset.create(RelBlog.PROFILE).set("bio", "b").set("author_id", ann.get("id")));
    Row a1 = post(ann, "a1", 1);
    Row a2 = post(ann, "a2", 2);
    post(ann, "a3", 3); // no comments
    Row b1 = post(bob, "b1", 1);
    comment(a1, "x", 0);
    comment(a1, "x", 2);
    comment(a1, "y", 3);
    comment(a2, "z", 1);
    comment(b1, "w", 0);
    comment(null, "orphan", 9);
  }

  private Row post(Row author, String title, long score) {
    return dl.create(Changeset.create(RelBlog.POST).set("title", title).set("score", score)
        .set("author_id", author.get("id")));
  }

  private void comment(Row post, String text, long likes) {
    dl.create(Changeset.create(RelBlog.COMMENT).set("text", text).set("likes", likes)
        .set("post_id", post == null ? null : post.get("id")));
  }

  /** title → n of the query's rows, read grouped (checked in the SQL) and laterally; both must agree. */
  private Map<String, Long> counts(Query q, String key) {
    statements.clear();
    List<Row> grouped = dl.read(q);
    assertThat(statements).hasSize(1);
    assertThat(statements.get(0)).contains("LEFT JOIN (SELECT").doesNotContain("LATERAL");
    List<Row> lateral = dl.read(q.limit(1000));
    assertThat(statements.get(1)).contains("LEFT JOIN LATERAL");
    Map<String, Long> byKey = new java.util.TreeMap<>();
    grouped.forEach(r -> byKey.put(r.getString(key), r.getLong("n")));
    Map<String, Long> lateralByKey = new java.util.TreeMap<>();
    lateral.forEach(r -> lateralByKey.put(r.getString(key), r.getLong("n")));
    assertThat(byKey).isEqualTo(lateralByKey);
    return byKey;
  }

  private static Query posts(UnaryOperator<Query> refine) {
    return refine.apply(Query.of(RelBlog.POST).aggregate("n", Aggregate.count("comments")));
  }

  @Test
  void everyParentGetsItsCountAndParentsWithoutRowsGetZero() {
    assertThat(counts(posts(q -> q), "title")).isEqualTo(Map.of("a1", 3L, "a2", 1L, "a3", 0L,
        "b1", 1L));
  }

  @Test
  void filteredReadsCountTheirOwnParents() {
    assertThat(counts(posts(q -> q.filter(attr("score").ge(2))), "title"))
        .isEqualTo(Map.of("a2", 1L, "a3", 0L));
    assertThat(counts(posts(q -> q.filter(path("author", "name").eq("Bob"))), "title"))
        .isEqualTo(Map.of("b1", 1L));
    assertThat(counts(posts(q -> q.filter(exists("comments", attr("likes").ge(2)).or(attr("title").eq("a3")))),
        "title")).isEqualTo(Map.of("a1", 3L, "a3", 0L));
    assertThat(counts(posts(q -> q.filter(attr("title").in("a2", "b1", "none"))), "title"))
        .isEqualTo(Map.of("a2", 1L, "b1", 1L));
  }

  @Test
  void filteredAndDistinctCountsSortedByTheCount() {
    Query q = Query.of(RelBlog.POST)
        .aggregate("n", Aggregate.count("comments", "text").distinct().filter(attr("likes").lt(3)))
        .sort(Sort.desc(aggregate("n")), Sort.asc("title"));
    assertThat(counts(q, "title")).isEqualTo(Map.of("a1", 1L, "a2", 1L, "a3", 0L, "b1", 1L));
    assertThat(dl.read(q)).extracting(r -> r.getString("title")).containsExactly("a1", "a2", "b1", "a3");
  }

  @Test
  void toOneCountsAndCountsOfReadsThatOnlyCount() {
    assertThat(counts(Query.of(RelBlog.COMMENT).aggregate("n", Aggregate.count("post"))
        .filter(attr("likes").ge(2)), "text")).isEqualTo(Map.of("orphan", 0L, "x", 1L, "y", 1L));
    assertThat(counts(Query.of(RelBlog.AUTHOR).aggregate("n", Aggregate.count("profile")), "name"))
        .isEqualTo(Map.of("Ann", 1L, "Bob", 0L, "Cy", 0L));
    assertThat(dl.count(posts(q -> q.filter(attr("score").eq(1L))))).isEqualTo(2);
  }

  @Test
  void groupedCountsInLoadsAndUnderRowLocks() {
    List<Row> authors = dl.read(Query.of(RelBlog.AUTHOR).sort(Sort.asc("name"))
        .load("posts", p -> p.aggregate("n", Aggregate.count("comments")).sort(Sort.asc("title"))));
    assertThat(authors.get(0).many("posts")).extracting(p -> p.getLong("n")).containsExactly(3L, 1L, 0L);
    assertThat(authors.get(1).many("posts")).extracting(p -> p.getLong("n")).containsExactly(1L);
    assertThat(authors.get(2).many("posts")).isEmpty();

    List<Row> locked = dl.transaction(tx -> tx.read(posts(q -> q.filter(attr("score").eq(1L))
        .sort(Sort.asc("title")).lock(Lock.forUpdate()))));
    assertThat(locked).extracting(r -> r.getLong("n")).containsExactly(3L, 1L);
  }
}
