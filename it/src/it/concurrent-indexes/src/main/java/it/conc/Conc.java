package it.conc;

import io.ashpg.resource.Api;
import io.ashpg.resource.Multitenancy;
import io.ashpg.resource.Resource;
import io.ashpg.resource.Type;
import java.util.List;

/**
 * it.v2 adds identities to tables that exist (authors, and the tenant table tasks) and a foreign key that needs one
 * of them (posts.author_email references the unique authors.email).
 */
public final class Conc implements Api {

  static boolean v2() {
    return Boolean.getBoolean("it.v2");
  }

  static Resource author() {
    return Resource.define("author", r -> {
      r.postgres(pg -> pg.repo(ConcRepo.class).table("authors"))
          .uuidPrimaryKey("id")
          .attribute("email", Type.STRING);
      if (v2()) {
        r.identity("unique_email", "email");
      }
    });
  }

  static Resource post() {
    return Resource.define("post", r -> {
      r.postgres(pg -> pg.repo(ConcRepo.class).table("posts"))
          .uuidPrimaryKey("id")
          .attribute("title", Type.STRING);
      if (v2()) {
        r.belongsTo("author", "author", b -> b.sourceAttribute("author_email").destinationAttribute("email")
            .attributeType(Type.STRING));
      }
    });
  }

  static Resource task() {
    return Resource.define("task", r -> {
      r.postgres(pg -> pg.repo(ConcRepo.class).table("tasks"))
          .multitenancy(m -> m.strategy(Multitenancy.Strategy.CONTEXT))
          .uuidPrimaryKey("id")
          .attribute("code", Type.STRING);
      if (v2()) {
        r.identity("unique_code", "code");
      }
    });
  }

  @Override
  public List<Resource> resources() {
    return List.of(author(), post(), task());
  }
}
