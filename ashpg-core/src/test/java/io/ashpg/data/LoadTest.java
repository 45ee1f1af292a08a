package io.ashpg.data;

import static io.ashpg.sql.Exprs.attr;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ashpg.error.InvalidQueryException;
import io.ashpg.testing.TestDatabase;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Relationship loads: every kind, nested, with per-relationship filter/sort/limit, in a bounded number of queries. */
class LoadTest extends RelBlogSuite {
  LoadTest(TestDatabase db) {
    super(db);
  }

  /** Authors a0…, each with two posts of three comments (likes 0, 1, 2); even authors have a profile. */
  private void seed(int authors) {
    Row red = dl.create(Changeset.create(RelBlog.TAG).set("name", "red"));
    Row blue = dl.create(Changeset.create(RelBlog.TAG).set("name", "blue"));
    for (int a = 0; a < authors; a++) {
      Row author = dl.create(Changeset.create(RelBlog.AUTHOR).set("name", "a" + a));
      if (a % 2 == 0) {
        dl.create(Changeset.create(RelBlog.PROFILE).set("bio", "bio" + a).set("author_id", author.get("id")));
      }
      for (int p = 0; p < 2; p++) {
        Row post = dl.create(Changeset.create(RelBlog.POST).set("title", "a" + a + "p" + p).set("score", (long) p)
            .set("author_id", author.get("id")));
        for (int c = 0; c < 3; c++) {
          dl.create(Changeset.create(RelBlog.COMMENT).set("text", "c" + c).set("likes", (long) c)
              .set("post_id", post.get("id")).set("author_id", author.get("id")));
        }
        dl.create(Changeset.create(RelBlog.POST_TAG).set("post_id", post.get("id")).set("tag_id", red.get("id")));
        if (p == 1) {
          dl.create(Changeset.create(RelBlog.POST_TAG).set("post_id", post.get("id")).set("tag_id", blue.get("id")));
        }
        dl.create(Changeset.create(RelBlog.REACTION).contextTable("post_reactions").set("kind", "like")
            .set("resource_id", post.get("id")));
      }
    }
  }

  private Query everything() {
    return Query.of(RelBlog.AUTHOR).sort(Sort.asc("name"))
        .load("profile")
        .load("posts", p -> p.sort(Sort.asc("title"))
            .load("comments", c -> c.filter(attr("likes").gt(0)).sort(Sort.desc("likes")).limit(1))
            .load("tags", t -> t.sort(Sort.asc("name")))
            .load("reactions")
            .load("author"));
  }

  private int statementsFor(Query q) {
    statements.clear();
    List<Row> rows = dl.read(q);
    assertThat(rows).isNotEmpty();
    return statements.size();
  }

  @Test
  void loadsEveryKindNestedWithPerRelationshipFilterSortAndLimit() {
    seed(2);
    List<Row> authors = dl.read(everything());
    assertThat(authors).extracting(r -> r.getString("name")).containsExactly("a0", "a1");
    Row a0 = authors.get(0);
    assertThat(a0.one("profile")).map(p -> p.getString("bio")).contains("bio0");
    assertThat(authors.get(1).one("profile")).isEmpty();

    List<Row> posts = a0.many("posts");
    assertThat(posts).extracting(r -> r.getString("title")).containsExactly("a0p0", "a0p1");
    for (Row post : posts) {
      // filter likes > 0, sort likes desc, limit 1 — per post, not overall
      assertThat(post.many("comments")).extracting(r -> r.getLong("likes")).containsExactly(2L);
      assertThat(post.one("author")).map(r -> r.getString("name")).contains("a0");
      assertThat(post.many("reactions")).extracting(r -> r.getString("kind")).containsExactly("like");
    }
    assertThat(posts.get(0).many("tags")).extracting(r -> r.getString("name")).containsExactly("red");
    assertThat(posts.get(1).many("tags")).extracting(r -> r.getString("name")).containsExactly("blue", "red");
  }

  @Test
  void statementCountDoesNotDependOnTheNumberOfParents() {
    seed(2);
    int few = statementsFor(everything());
    seed(10);
    int many = statementsFor(everything());
    // authors, profile, posts, comments, tags, reactions, author: one statement each
    assertThat(few).isEqualTo(7);
    assertThat(many).isEqualTo(few);
    // posts (sorted, no limit) are one flat select; comments (limit 1 per post) a lateral subquery per post
    assertThat(statements.get(2)).contains("= ANY(?)").doesNotContain("LATERAL");
    assertThat(statements.get(3)).contains("CROSS JOIN LATERAL").contains("unnest(");
  }

  @Test
  void loadsOnSelectedParentsStillJoinAndEmptyParentsCostNothing() {
    seed(1);
    List<Row> posts = dl.read(Query.of(RelBlog.POST).select("title").load("author"));
    assertThat(posts).allSatisfy(p -> assertThat(p.one("author")).isPresent());
    statements.clear();
    assertThat(dl.read(Query.of(RelBlog.POST).filter(attr("title").eq("none")).load("comments"))).isEmpty();
    assertThat(statements).hasSize(1);
    assertThatThrownBy(() -> Query.of(RelBlog.POST).load("nope"))
        .isInstanceOf(InvalidQueryException.class).hasMessageContaining("post").hasMessageContaining("nope");
    assertThatThrownBy(() -> posts.get(0).many("comments")).hasMessageContaining("not loaded");
  }
}
