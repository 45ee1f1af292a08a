package io.ashpg.data;

import static io.ashpg.sql.Exprs.aggregate;
import static io.ashpg.sql.Exprs.attr;
import static org.assertj.core.api.Assertions.assertThat;

import io.ashpg.testing.TestDatabase;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Loads read through one flat select (no per-parent limit): rows reach the right parents, in the destination's
 * order, for every relationship kind; has_one and limited loads still read per parent.
 */
class FlatLoadTest extends RelBlogSuite {
  FlatLoadTest(TestDatabase db) {
    super(db);
  }

  private Row post(Row author, String title) {
    return dl.create(Changeset.create(RelBlog.POST).set("title", title).set("author_id", author.get("id")));
  }

  private Row comment(Row post, String text, long likes) {
    return dl.create(Changeset.create(RelBlog.COMMENT).set("text", text).set("likes", likes)
        .set("post_id", post == null ? null : post.get("id")));
  }

  private Row tag(String name) {
    return dl.create(Changeset.create(RelBlog.TAG).set("name", name));
  }

  private void tagged(Row post, Row tag) {
    dl.create(Changeset.create(RelBlog.POST_TAG).set("post_id", post.get("id")).set("tag_id", tag.get("id")));
  }

  private static List<String> texts(Row parent, String relationship, String attribute) {
    return parent.many(relationship).stream().map(r -> r.getString(attribute)).toList();
  }

  @Test
  void hasManyWithFilterAndSortGivesEachParentItsRowsInOrderAndEmptyListsToTheRest() {
    Row ann = author("Ann");
    Row p1 = post(ann, "p1");
    Row p2 = post(ann, "p2");
    Row p3 = post(ann, "p3");
    Row p4 = post(ann, "p4");
    // interleaved, so the global order of the statement mixes the parents
    comment(p1, "b", 1);
    comment(p2, "a", 1);
    comment(p1, "d", 3);
    comment(p2, "c", 0);
    comment(p1, "e", 0);
    comment(p2, "f", 2);
    comment(p4, "g", 0);

    statements.clear();
    List<Row> posts = dl.read(Query.of(RelBlog.POST).sort(Sort.asc("title"))
        .load("comments", c -> c.filter(attr("likes").gt(0)).sort(Sort.desc("likes"), Sort.asc("text"))));

    assertThat(posts).extracting(r -> r.getString("title")).containsExactly("p1", "p2", "p3", "p4");
    assertThat(texts(posts.get(0), "comments", "text")).containsExactly("d", "b");
    assertThat(texts(posts.get(1), "comments", "text")).containsExactly("f", "a");
    assertThat(posts.get(2).many("comments")).isEmpty(); // no comments at all
    assertThat(posts.get(3).many("comments")).isEmpty(); // only filtered-out comments
    assertThat(statements).hasSize(2);
    assertThat(statements.get(1)).contains("\"post_id\" = ANY(?)").doesNotContain("LATERAL");
    assertThat(p3.get("id")).isEqualTo(posts.get(2).get("id"));
  }

  @Test
  void theKeyLinksRowsEvenWhenTheLoadDoesNotSelectIt() {
    Row ann = author("Ann");
    Row p1 = post(ann, "p1");
    Row p2 = post(ann, "p2");
    comment(p1, "x", 0);
    comment(p2, "y", 0);
    comment(p2, "z", 0);

    List<Row> posts = dl.read(Query.of(RelBlog.POST).sort(Sort.asc("title"))
        .load("comments", c -> c.select("text").sort(Sort.desc("text"))));

    assertThat(texts(posts.get(0), "comments", "text")).containsExactly("x");
    assertThat(texts(posts.get(1), "comments", "text")).containsExactly("z", "y");
    Row loaded = posts.get(1).many("comments").get(0);
    assertThat(loaded.has("post_id")).isFalse();
    assertThat(loaded.attributes()).containsExactly("id", "text");
  }

  @Test
  void parentsSharingAKeyEachGetTheRelatedRows() {
    Row ann = author("Ann");
    Row bob = author("Bob");
    Row p1 = post(ann, "p1");
    Row p2 = post(bob, "p2");
    comment(p1, "c1", 0);
    comment(p1, "c2", 0);
    comment(p2, "c3", 0);
    comment(null, "orphan", 0);

    // belongs_to: several comments point at the same post (and one at none)
    List<Row> comments = dl.read(Query.of(RelBlog.COMMENT).sort(Sort.asc("text")).load("post"));
    assertThat(comments).extracting(c -> c.getString("text")).containsExactly("c1", "c2", "c3", "orphan");
    assertThat(comments).extracting(c -> c.one("post").map(p -> p.getString("title")).orElse("-"))
        .containsExactly("p1", "p1", "p2", "-");

    // has_many: the same parent row twice (the loader deduplicates keys, not parents)
    List<Row> parents = List.of(p1, p2, p1);
    List<Row> loaded = new RelationshipLoader(dl).load(RelBlog.POST, Optional.empty(), parents,
        List.of(new Load("comments", c -> c.sort(Sort.asc("text")))));
    assertThat(loaded).hasSize(3);
    assertThat(texts(loaded.get(0), "comments", "text")).containsExactly("c1", "c2");
    assertThat(texts(loaded.get(1), "comments", "text")).containsExactly("c3");
    assertThat(texts(loaded.get(2), "comments", "text")).containsExactly("c1", "c2");
  }

  @Test
  void manyToManyGivesEachParentItsDestinationsOnceInOrder() {
    Row ann = author("Ann");
    Row a = post(ann, "a");
    Row b = post(ann, "b");
    post(ann, "c");
    Row red = tag("red");
    Row blue = tag("blue");
    Row green = tag("green");
    tagged(a, red);
    tagged(a, red); // a duplicate join row: red is still one of a's tags, once
    tagged(a, blue);
    tagged(a, green);
    tagged(b, red);

    statements.clear();
    List<Row> posts = dl.read(Query.of(RelBlog.POST).sort(Sort.asc("title"))
        .load("tags", t -> t.filter(attr("name").ne("green")).sort(Sort.asc("name"))));

    assertThat(texts(posts.get(0), "tags", "name")).containsExactly("blue", "red");
    assertThat(texts(posts.get(1), "tags", "name")).containsExactly("red");
    assertThat(posts.get(2).many("tags")).isEmpty();
    assertThat(statements.get(1)).contains("JOIN (SELECT DISTINCT").doesNotContain("LATERAL");

    // with a limit per parent: the lateral form, same answers for the first tag
    List<Row> limited = dl.read(Query.of(RelBlog.POST).sort(Sort.asc("title"))
        .load("tags", t -> t.sort(Sort.desc("name")).limit(1)));
    assertThat(texts(limited.get(0), "tags", "name")).containsExactly("red");
    assertThat(texts(limited.get(1), "tags", "name")).containsExactly("red");
    assertThat(limited.get(2).many("tags")).isEmpty();
  }

  @Test
  void hasOneReadsTheFirstRowPerParent() {
    Row ann = author("Ann");
    Row bob = author("Bob");
    author("Cy");
    for (String bio : List.of("m", "a", "z")) {
      dl.create(Changeset.create(RelBlog.PROFILE).set("bio", bio).set("author_id", ann.get("id")));
    }
    dl.create(Changeset.create(RelBlog.PROFILE).set("bio", "only").set("author_id", bob.get("id")));

    statements.clear();
    List<Row> authors = dl.read(Query.of(RelBlog.AUTHOR).sort(Sort.asc("name"))
        .load("profile", p -> p.sort(Sort.asc("bio"))));
    assertThat(authors).extracting(r -> r.one("profile").map(p -> p.getString("bio")).orElse("-"))
        .containsExactly("a", "only", "-");
    assertThat(statements.get(1)).contains("CROSS JOIN LATERAL").contains("LIMIT 1)");

    List<Row> last = dl.read(Query.of(RelBlog.AUTHOR).sort(Sort.asc("name"))
        .load("profile", p -> p.sort(Sort.desc("bio"))));
    assertThat(last.get(0).one("profile")).map(p -> p.getString("bio")).contains("z");
  }

  @Test
  void nestedFlatLoadsWithAggregatesAttachAtEveryLevel() {
    Row ann = author("Ann");
    Row bob = author("Bob");
    Row a1 = post(ann, "a1");
    Row a2 = post(ann, "a2");
    Row b1 = post(bob, "b1");
    comment(a1, "x", 1);
    comment(a2, "y", 1);
    comment(a2, "z", 2);
    comment(b1, "w", 5);
    Row red = tag("red");
    tagged(a2, red);
    tagged(b1, red);

    statements.clear();
    List<Row> authors = dl.read(Query.of(RelBlog.AUTHOR).sort(Sort.asc("name"))
        .load("posts", p -> p.aggregate("n", Aggregate.count("comments"))
            .sort(Sort.desc(aggregate("n")), Sort.asc("title"))
            .load("comments", c -> c.sort(Sort.desc("likes")).load("post"))
            .load("tags")));

    assertThat(statements).hasSize(5); // authors, posts, comments, their post, tags
    assertThat(statements.subList(1, 5)).allSatisfy(sql -> assertThat(sql).contains("= ANY(?)")
        .doesNotContain("CROSS JOIN LATERAL"));
    Row annRow = authors.get(0);
    assertThat(texts(annRow, "posts", "title")).containsExactly("a2", "a1");
    assertThat(annRow.many("posts")).extracting(p -> p.getLong("n")).containsExactly(2L, 1L);
    Row a2Row = annRow.many("posts").get(0);
    assertThat(texts(a2Row, "comments", "text")).containsExactly("z", "y");
    assertThat(a2Row.many("comments")).allSatisfy(c ->
        assertThat(c.one("post")).map(p -> p.getString("title")).contains("a2"));
    assertThat(texts(a2Row, "tags", "name")).containsExactly("red");
    assertThat(annRow.many("posts").get(1).many("tags")).isEmpty();
    Row bobRow = authors.get(1);
    assertThat(texts(bobRow, "posts", "title")).containsExactly("b1");
    assertThat(texts(bobRow.many("posts").get(0), "comments", "text")).containsExactly("w");
    assertThat(texts(bobRow.many("posts").get(0), "tags", "name")).containsExactly("red");
  }

  @Test
  void polymorphicDestinationsAreReadFromTheRelationshipsTable() {
    Row ann = author("Ann");
    Row p1 = post(ann, "p1");
    Row p2 = post(ann, "p2");
    dl.create(Changeset.create(RelBlog.REACTION).contextTable("post_reactions").set("kind", "like")
        .set("resource_id", p1.get("id")));
    dl.create(Changeset.create(RelBlog.REACTION).contextTable("post_reactions").set("kind", "wow")
        .set("resource_id", p1.get("id")));

    List<Row> posts = dl.read(Query.of(RelBlog.POST).sort(Sort.asc("title"))
        .load("reactions", r -> r.sort(Sort.desc("kind"))));
    assertThat(texts(posts.get(0), "reactions", "kind")).containsExactly("wow", "like");
    assertThat(posts.get(1).many("reactions")).isEmpty();
    assertThat(p2.get("id")).isEqualTo(posts.get(1).get("id"));
  }
}
