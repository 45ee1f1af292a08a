package it.tenants;

import io.ashpg.resource.Api;
import io.ashpg.resource.Resource;
import io.ashpg.resource.Type;
import java.util.List;

public final class Tenants implements Api {
  static final Resource TENANT = Resource.define("tenant", r -> r
      .postgres(pg -> pg.repo(TenantsRepo.class).table("tenants"))
      .attribute("name", Type.STRING, a -> a.primaryKey(true).allowNil(false)));

  @Override
  public List<Resource> resources() {
    return List.of(TENANT);
  }
}
