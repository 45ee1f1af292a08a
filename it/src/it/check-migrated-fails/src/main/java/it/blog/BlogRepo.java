package it.blog;

import io.ashpg.repo.Repo;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

public final class BlogRepo extends Repo {
  @Override
  public List<String> installedExtensions() {
    return List.of("citext");
  }

  @Override
  public List<String> allTenants(Connection c) throws SQLException {
    List<String> out = new ArrayList<>();
    try (ResultSet rs = c.createStatement().executeQuery("SELECT 'org_' || id FROM public.orgs ORDER BY id")) {
      while (rs.next()) {
        out.add(rs.getString(1));
      }
    }
    return out;
  }
}
