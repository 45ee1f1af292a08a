package it.paths;

import io.ashpg.repo.Repo;
import java.sql.Connection;
import java.util.List;

public final class PathsRepo extends Repo {
  @Override
  public String migrationsPath() {
    return "sql/main";
  }

  @Override
  public String tenantMigrationsPath() {
    return "sql/tenants";
  }

  @Override
  public List<String> allTenants(Connection c) {
    return List.of("acme", "globex");
  }
}
