package io.ashpg.examples.blog;

import io.ashpg.resource.OnDelete;
import io.ashpg.resource.Resource;
import io.ashpg.resource.Type;

/** Comments on posts; deleting a post deletes its comments. */
public final class Comment {

  public static final Resource RESOURCE = Resource.define("comment", r -> r
      .postgres(pg -> pg
          .repo(BlogRepo.class)
          .table("comments")
          .reference("post", ref -> ref.onDelete(OnDelete.DELETE))
          .reference("author", ref -> ref.onDelete(OnDelete.NILIFY))
          .polymorphicOnDelete(OnDelete.DELETE))
      .uuidPrimaryKey("id")
      .attribute("body", Type.STRING, a -> a.allowNil(false))
      .createTimestamp("inserted_at")
      .belongsTo("post", "post", b -> b.allowNil(false))
      .belongsTo("author", "author")
      .hasMany("reactions", "reaction", rel -> rel.contextTable("comment_reactions").destinationAttribute("resource_id")));

  private Comment() {
  }
}
