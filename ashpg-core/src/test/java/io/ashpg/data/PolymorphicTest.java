package io.ashpg.data;

import static io.ashpg.sql.Exprs.attr;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ashpg.error.InvalidQueryException;
import io.ashpg.error.StaleRecordException;
import io.ashpg.fixtures.Seed;
import io.ashpg.resource.Domain;
import io.ashpg.testing.WithPostgres;
import io.ashpg.testing.TestDatabase;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The seed's polymorphic reactions: one resource, two tables ({@code post_reactions}, {@code comment_reactions})
 * chosen by the query/changeset context, a named action's set_context, or a relationship's context.
 */
@WithPostgres
class PolymorphicTest {
  private final DataLayer dl;

  PolymorphicTest(TestDatabase db) {
    this.dl = DataLayer.of(domain(), db.dataSource());
  }

  static Domain domain() {
    return Domain.of(Seed.blog());
  }

  @BeforeAll
  static void schema(TestDatabase db) {
    Schema.migrate(db, domain());
  }

  @Test
  void reactionsLiveInTheTableTheContextNames() {
    Row author = dl.create(Changeset.create(Seed.AUTHOR).set("name", "Ann"));
    Row post = dl.create(Changeset.create(Seed.POST).set("title", "P").set("author_id", author.get("id")));
    Row comment = dl.create(Changeset.create(Seed.COMMENT).set("body", "C").set("post_id", post.get("id")));

    Row like = dl.create(Changeset.create(Seed.REACTION).contextTable("post_reactions")
        .set("resource_id", post.get("id")).set("kind", "like"));
    dl.create(Changeset.create(Seed.REACTION).contextTable("comment_reactions")
        .set("resource_id", comment.get("id")).set("kind", "love"));

    assertThat(dl.read(Query.forAction(Seed.REACTION, "for_posts"))).extracting(r -> r.getString("kind"))
        .containsExactly("like");
    assertThat(dl.read(Query.forAction(Seed.REACTION, "for_comments"))).extracting(r -> r.getString("kind"))
        .containsExactly("love");
    assertThat(dl.read(Query.of(Seed.REACTION).contextTable("comment_reactions")
        .filter(attr("resource_id").eq(comment.get("id"))))).hasSize(1);

    Row loved = dl.update(Changeset.update(Seed.REACTION, like).contextTable("post_reactions").set("kind", "love"));
    assertThat(loved.getString("kind")).isEqualTo("love");
    // The post reaction is not in the comment table.
    assertThatThrownBy(() -> dl.destroy(Changeset.destroy(Seed.REACTION, like).contextTable("comment_reactions")))
        .isInstanceOf(StaleRecordException.class);
    dl.destroy(Changeset.destroy(Seed.REACTION, like).contextTable("post_reactions"));
    assertThat(dl.count(Query.forAction(Seed.REACTION, "for_posts"))).isZero();
  }

  @Test
  void aPolymorphicResourceWithoutATableIsAClearError() {
    assertThatThrownBy(() -> dl.read(Query.of(Seed.REACTION)))
        .isInstanceOf(InvalidQueryException.class)
        .hasMessageContaining("reaction").hasMessageContaining("polymorphic");
    assertThatThrownBy(() -> dl.create(Changeset.create(Seed.REACTION).set("kind", "like")))
        .isInstanceOf(InvalidQueryException.class).hasMessageContaining("polymorphic");
    assertThatThrownBy(() -> Changeset.create(Seed.REACTION).action("for_posts"))
        .isInstanceOf(InvalidQueryException.class).hasMessageContaining("read action");
  }
}
