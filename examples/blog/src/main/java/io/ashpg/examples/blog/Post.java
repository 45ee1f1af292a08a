package io.ashpg.examples.blog;

import io.ashpg.resource.OnDelete;
import io.ashpg.resource.Resource;
import io.ashpg.resource.Type;
import java.util.List;

/** Blog posts: a check constraint, a trigram index for fuzzy title search, and a unique slug. */
public final class Post {

  public static final Resource RESOURCE = Resource.define("post", r -> r
      .postgres(pg -> pg
          .repo(BlogRepo.class)
          .table("posts")
          .customIndex(i -> i.fields("title gin_trgm_ops").using("gin").name("posts_title_trgm_index"))
          .checkConstraint("word_count", "word_count_must_not_be_negative",
              c -> c.check("word_count >= 0").message("must not be negative"))
          .reference("author", ref -> ref.onDelete(OnDelete.DELETE).index(true))
          .polymorphicOnDelete(OnDelete.DELETE))
      .uuidPrimaryKey("id")
      .attribute("title", Type.STRING, a -> a.allowNil(false))
      .attribute("slug", Type.STRING, a -> a.allowNil(false))
      .attribute("body", Type.STRING)
      .attribute("word_count", Type.INTEGER, a -> a.allowNil(false).defaultValue(0L))
      .attribute("tags", Type.arrayOf(Type.STRING), a -> a.defaultValue(List.of()))
      .createTimestamp("inserted_at")
      .updateTimestamp("updated_at")
      .identity("unique_slug", "slug")
      .belongsTo("author", "author", b -> b.allowNil(false))
      .hasMany("comments", "comment")
      .hasMany("reactions", "reaction", rel -> rel.contextTable("post_reactions").destinationAttribute("resource_id")));

  private Post() {
  }
}
