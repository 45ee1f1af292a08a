package io.ashpg.spring.boot.store;

import io.ashpg.repo.Repo;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/** The test repo: one schema per store, {@code store_<id>}. */
public final class StoreRepo extends Repo {

  @Override
  public List<String> allTenants(Connection connection) throws SQLException {
    List<String> tenants = new ArrayList<>();
    try (Statement s = connection.createStatement();
         ResultSet rs = s.executeQuery("SELECT 'store_' || id FROM public.stores ORDER BY id")) {
      while (rs.next()) {
        tenants.add(rs.getString(1));
      }
    }
    return tenants;
  }
}
