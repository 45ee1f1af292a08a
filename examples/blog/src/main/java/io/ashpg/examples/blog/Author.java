package io.ashpg.examples.blog;

import io.ashpg.resource.Resource;
import io.ashpg.resource.Type;

/** People who write posts and comments. */
public final class Author {

  public static final Resource RESOURCE = Resource.define("author", r -> r
      .postgres(pg -> pg.repo(BlogRepo.class).table("authors"))
      .uuidPrimaryKey("id")
      .attribute("name", Type.STRING, a -> a.allowNil(false))
      .attribute("email", Type.CI_STRING, a -> a.allowNil(false))
      .createTimestamp("inserted_at")
      .updateTimestamp("updated_at")
      .identity("unique_email", "email")
      .hasMany("posts", "post"));

  private Author() {
  }
}
