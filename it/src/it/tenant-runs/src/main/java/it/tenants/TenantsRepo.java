package it.tenants;

import io.ashpg.repo.Repo;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** The tenants are the rows of public.tenants, one of them not a valid schema name. */
public final class TenantsRepo extends Repo {
  @Override
  public List<String> allTenants(Connection c) throws SQLException {
    List<String> out = new ArrayList<>();
    try (ResultSet rs = c.createStatement().executeQuery("SELECT name FROM public.tenants ORDER BY name")) {
      while (rs.next()) {
        out.add(rs.getString(1));
      }
    }
    return out;
  }
}
