package io.ashpg.data;

import io.ashpg.resource.ActionType;
import io.ashpg.resource.Domain;
import io.ashpg.resource.Resource;
import io.ashpg.resource.Type;
import java.util.List;

/** Test resources for the data layer. */
final class Blog {
  private Blog() {}

  static final Resource AUTHOR = Resource.define("author", r -> r
      .postgres(pg -> pg.repo(DataRepo.class).table("authors"))
      .uuidPrimaryKey("id")
      .attribute("name", Type.CI_STRING, a -> a.allowNil(false))
      .attribute("email", Type.STRING)
      .identity("unique_name", "name"));

  static final Resource POST = Resource.define("post", r -> r
      .postgres(pg -> pg.repo(DataRepo.class).table("posts")
          .checkConstraint("price", "price_must_be_positive", c -> c.check("price > 0").message("must be positive")))
      .uuidPrimaryKey("id")
      .attribute("title", Type.STRING, a -> a.allowNil(false))
      .attribute("body", Type.STRING)
      .attribute("score", Type.INTEGER, a -> a.defaultValue(0L))
      .attribute("price", Type.decimal(10, 2))
      .attribute("rating", Type.FLOAT)
      .attribute("published", Type.BOOLEAN, a -> a.defaultValue(false))
      .attribute("tags", Type.arrayOf(Type.STRING), a -> a.defaultValue(List.of()))
      .attribute("meta", Type.MAP)
      .attribute("published_on", Type.DATE)
      .attribute("status", Type.enumOf("draft", "live"), a -> a.defaultValue("draft"))
      .createTimestamp("inserted_at")
      .updateTimestamp("updated_at")
      .belongsTo("author", "author")
      .identity("unique_title", "title")
      .defaultActions(ActionType.READ)
      .read("published", a -> {})
      .update("retitle", a -> {}));

  static final Resource COMMENT = Resource.define("comment", r -> r
      .postgres(pg -> pg.repo(DataRepo.class).table("comments"))
      .uuidPrimaryKey("id")
      .attribute("text", Type.STRING)
      .attribute("at", Type.TIMESTAMPTZ)
      .belongsTo("post", "post"));

  static final Resource NOTE = Resource.define("note", r -> r
      .postgres(pg -> pg.repo(DataRepo.class).table("notes").schema("app").baseFilterSql("archived = false"))
      .integerPrimaryKey("id")
      .attribute("text", Type.STRING)
      .attribute("archived", Type.BOOLEAN, a -> a.allowNil(false).defaultValue(false)));

  static final List<Resource> ALL = List.of(AUTHOR, POST, COMMENT, NOTE);

  static Domain domain() {
    return Domain.of(ALL);
  }
}
