package it.dev;

import io.ashpg.repo.Repo;
import java.sql.Connection;
import java.util.List;

public final class DevRepo extends Repo {
  @Override
  public List<String> allTenants(Connection c) {
    return List.of("tenant_a", "tenant_b");
  }
}
