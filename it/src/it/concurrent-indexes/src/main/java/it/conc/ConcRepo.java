package it.conc;

import io.ashpg.repo.Repo;
import java.sql.Connection;
import java.util.List;

public final class ConcRepo extends Repo {
  @Override
  public List<String> allTenants(Connection c) {
    return List.of("tenant_a", "tenant_b");
  }
}
