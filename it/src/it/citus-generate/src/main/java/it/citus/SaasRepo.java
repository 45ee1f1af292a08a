package it.citus;

import io.ashpg.repo.Repo;
import java.sql.Connection;
import java.util.List;

public final class SaasRepo extends Repo {
  @Override
  public boolean citus() {
    return true;
  }

  @Override
  public List<String> allTenants(Connection c) {
    return List.of("org_1");
  }
}
