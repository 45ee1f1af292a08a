package it.blog;

import io.ashpg.resource.Api;
import io.ashpg.resource.Multitenancy;
import io.ashpg.resource.OnDelete;
import io.ashpg.resource.Resource;
import io.ashpg.resource.Type;
import java.util.List;

/**
 * The resources of this sample. System properties select later versions of them, so one project can play a
 * sequence of changes: it.v2 adds a column; it.rename renames "title" to "headline".
 */
public final class Blog implements Api {

  static Resource author() {
    return Resource.define("author", r -> r
        .postgres(pg -> pg.repo(BlogRepo.class).table("authors"))
        .uuidPrimaryKey("id")
        .attribute("email", Type.CI_STRING, a -> a.allowNil(false))
        .identity("unique_email", "email"));
  }

  static Resource post() {
    boolean renamed = Boolean.getBoolean("it.rename");
    boolean v2 = Boolean.getBoolean("it.v2");
    return Resource.define("post", r -> {
      r.postgres(pg -> pg.repo(BlogRepo.class).table("posts")
              .checkConstraint("score", "score_must_be_positive", c -> c.check("score > 0").message("must be positive"))
              .reference("author", ref -> ref.onDelete(OnDelete.DELETE)))
          .uuidPrimaryKey("id")
          .attribute(renamed ? "headline" : "title", Type.STRING, a -> a.allowNil(false))
          .attribute("score", Type.INTEGER, a -> a.defaultValue(1L))
          .belongsTo("author", "author");
      if (v2) {
        r.attribute("subtitle", Type.STRING);
      }
    });
  }

  static Resource org() {
    return Resource.define("org", r -> r
        .postgres(pg -> pg.repo(BlogRepo.class).table("orgs"))
        .integerPrimaryKey("id"));
  }

  static Resource invoice() {
    return Resource.define("invoice", r -> r
        .postgres(pg -> pg.repo(BlogRepo.class).table("invoices"))
        .multitenancy(m -> m.strategy(Multitenancy.Strategy.CONTEXT))
        .uuidPrimaryKey("id")
        .attribute("amount", Type.decimal(10, 2))
        .belongsTo("org", "org", b -> b.attributeType(Type.INTEGER)));
  }

  @Override
  public List<Resource> resources() {
    return List.of(author(), post(), org(), invoice());
  }
}
