package it.paths;

import io.ashpg.resource.Api;
import io.ashpg.resource.Multitenancy;
import io.ashpg.resource.Resource;
import io.ashpg.resource.Type;
import java.util.List;

public final class Paths implements Api {
  static final Resource ORG = Resource.define("org", r -> r
      .postgres(pg -> pg.repo(PathsRepo.class).table("orgs"))
      .uuidPrimaryKey("id")
      .attribute("name", Type.STRING));

  static final Resource TASK = Resource.define("task", r -> r
      .postgres(pg -> pg.repo(PathsRepo.class).table("tasks"))
      .multitenancy(m -> m.strategy(Multitenancy.Strategy.CONTEXT))
      .uuidPrimaryKey("id")
      .attribute("title", Type.STRING));

  @Override
  public List<Resource> resources() {
    return List.of(ORG, TASK);
  }
}
