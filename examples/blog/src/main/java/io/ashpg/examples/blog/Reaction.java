package io.ashpg.examples.blog;

import io.ashpg.resource.Resource;
import io.ashpg.resource.Type;

/**
 * A polymorphic resource: no table of its own. Posts keep theirs in {@code post_reactions}, comments in
 * {@code comment_reactions}; the read actions pick a table by context.
 */
public final class Reaction {

  public static final Resource RESOURCE = Resource.define("reaction", r -> r
      .postgres(pg -> pg.repo(BlogRepo.class).polymorphic(true))
      .uuidPrimaryKey("id")
      .attribute("resource_id", Type.UUID, a -> a.allowNil(false))
      .attribute("kind", Type.enumOf("like", "love", "laugh"), a -> a.allowNil(false))
      .createTimestamp("inserted_at")
      .read("for_posts", a -> a.setContextTable("post_reactions"))
      .read("for_comments", a -> a.setContextTable("comment_reactions")));

  private Reaction() {
  }
}
