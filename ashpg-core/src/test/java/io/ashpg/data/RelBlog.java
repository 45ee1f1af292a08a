package io.ashpg.data;

import io.ashpg.resource.Domain;
import io.ashpg.resource.Resource;
import io.ashpg.resource.Type;
import io.ashpg.testing.TestDatabase;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/** Test resources with every relationship kind: belongs_to, has_one, has_many, many_to_many, polymorphic has_many. */
final class RelBlog {
  private RelBlog() {}

  static final Resource AUTHOR = Resource.define("author", r -> r
      .postgres(pg -> pg.repo(PlainDataRepo.class).table("authors").simpleJoinFirstAggregates("bio"))
      .uuidPrimaryKey("id")
      .attribute("name", Type.STRING, a -> a.allowNil(false))
      .hasMany("posts", "post")
      .hasOne("profile", "profile"));

  static final Resource PROFILE = Resource.define("profile", r -> r
      .postgres(pg -> pg.repo(PlainDataRepo.class).table("profiles"))
      .uuidPrimaryKey("id")
      .attribute("bio", Type.STRING)
      .belongsTo("author", "author"));

  static final Resource POST = Resource.define("post", r -> r
      .postgres(pg -> pg.repo(PlainDataRepo.class).table("posts"))
      .uuidPrimaryKey("id")
      .attribute("title", Type.STRING, a -> a.allowNil(false))
      .attribute("score", Type.INTEGER, a -> a.defaultValue(0L))
      .belongsTo("author", "author")
      .hasMany("comments", "comment")
      .manyToMany("tags", "tag", "post_tag")
      .hasMany("reactions", "reaction", rel -> rel.contextTable("post_reactions").destinationAttribute("resource_id")));

  static final Resource COMMENT = Resource.define("comment", r -> r
      .postgres(pg -> pg.repo(PlainDataRepo.class).table("comments"))
      .uuidPrimaryKey("id")
      .attribute("text", Type.STRING)
      .attribute("likes", Type.INTEGER, a -> a.defaultValue(0L))
      .belongsTo("post", "post")
      .belongsTo("author", "author"));

  static final Resource TAG = Resource.define("tag", r -> r
      .postgres(pg -> pg.repo(PlainDataRepo.class).table("tags"))
      .uuidPrimaryKey("id")
      .attribute("name", Type.STRING, a -> a.allowNil(false)));

  static final Resource POST_TAG = Resource.define("post_tag", r -> r
      .postgres(pg -> pg.repo(PlainDataRepo.class).table("post_tags"))
      .uuidPrimaryKey("id")
      .belongsTo("post", "post")
      .belongsTo("tag", "tag"));

  static final Resource REACTION = Resource.define("reaction", r -> r
      .postgres(pg -> pg.repo(PlainDataRepo.class).polymorphic(true))
      .uuidPrimaryKey("id")
      .attribute("resource_id", Type.UUID, a -> a.allowNil(false))
      .attribute("kind", Type.STRING, a -> a.allowNil(false)));

  static Domain domain() {
    return Domain.of(List.of(AUTHOR, PROFILE, POST, COMMENT, TAG, POST_TAG, REACTION));
  }

  /** Empties the tables of {@link #domain()} and any {@code more} (qualified names), so a test starts from no rows. */
  static void truncate(TestDatabase db, String... more) throws SQLException {
    StringBuilder sql = new StringBuilder("TRUNCATE public.post_tags, public.tags, public.comments, public.posts,"
        + " public.profiles, public.authors, public.post_reactions");
    for (String table : more) {
      sql.append(", ").append(table);
    }
    try (Connection c = db.connect(); Statement s = c.createStatement()) {
      s.execute(sql.toString());
    }
  }
}
