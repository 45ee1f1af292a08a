package io.ashpg.examples.blog;

import io.ashpg.repo.Repo;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/** The blog's repo: the extensions its resources use and where tenant schemas come from. */
public final class BlogRepo extends Repo {

  @Override
  public List<String> installedExtensions() {
    return List.of("uuid-ossp", "pg_trgm", "citext");
  }

  /** One schema per organization, named by the manage_tenant template {@code org_<id>}. */
  @Override
  public List<String> allTenants(Connection connection) throws SQLException {
    List<String> tenants = new ArrayList<>();
    try (Statement s = connection.createStatement();
         ResultSet rs = s.executeQuery("SELECT 'org_' || id FROM public.organizations ORDER BY id")) {
      while (rs.next()) {
        tenants.add(rs.getString(1));
      }
    }
    return tenants;
  }
}
