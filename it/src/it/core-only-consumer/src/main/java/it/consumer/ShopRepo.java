package it.consumer;

import io.ashpg.repo.Repo;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/** Connects through ashpg.url / ashpg.username (the default Repo.config()); one schema per org. */
public final class ShopRepo extends Repo {
  @Override
  public List<String> allTenants(Connection c) throws SQLException {
    List<String> out = new ArrayList<>();
    try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT 'org_' || id FROM public.orgs ORDER BY id")) {
      while (rs.next()) {
        out.add(rs.getString(1));
      }
    }
    return out;
  }
}
