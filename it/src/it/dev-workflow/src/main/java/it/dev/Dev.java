package it.dev;

import io.ashpg.resource.Api;
import io.ashpg.resource.Multitenancy;
import io.ashpg.resource.Resource;
import io.ashpg.resource.Type;
import java.util.List;

/**
 * A feature developed in two dev steps, selected by it.stage: stage 1 adds authors.nickname and the tenant column
 * tasks.note; stage 2 makes nickname NOT NULL with a default and adds authors.age and tasks.priority.
 */
public final class Dev implements Api {

  static int stage() {
    return Integer.getInteger("it.stage", 0);
  }

  static Resource author() {
    return Resource.define("author", r -> {
      r.postgres(pg -> pg.repo(DevRepo.class).table("authors"))
          .uuidPrimaryKey("id")
          .attribute("name", Type.STRING);
      if (stage() == 1) {
        r.attribute("nickname", Type.STRING);
      }
      if (stage() >= 2) {
        r.attribute("nickname", Type.STRING, a -> a.allowNil(false).defaultValue("anon"));
        r.attribute("age", Type.INTEGER);
      }
    });
  }

  static Resource task() {
    return Resource.define("task", r -> {
      r.postgres(pg -> pg.repo(DevRepo.class).table("tasks"))
          .multitenancy(m -> m.strategy(Multitenancy.Strategy.CONTEXT))
          .uuidPrimaryKey("id")
          .attribute("code", Type.STRING);
      if (stage() >= 1) {
        r.attribute("note", Type.STRING);
      }
      if (stage() >= 2) {
        r.attribute("priority", Type.INTEGER);
      }
    });
  }

  @Override
  public List<Resource> resources() {
    return List.of(author(), task());
  }
}
