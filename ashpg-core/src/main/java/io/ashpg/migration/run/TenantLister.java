package io.ashpg.migration.run;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/**
 * Lists the tenants (schema names) to migrate, like AshPostgres' {@code Repo.all_tenants/0}, e.g.
 * {@code SELECT 'org_' || id FROM orgs}. Every name is checked with
 * {@link io.ashpg.sql.Identifier#validateTenant(String)} before anything runs.
 */
@FunctionalInterface
public interface TenantLister {

  /** The tenants, read over {@code connection} (which the caller closes). */
  List<String> list(Connection connection) throws SQLException;

  /** A fixed list. */
  static TenantLister of(List<String> tenants) {
    List<String> copy = List.copyOf(tenants);
    return c -> copy;
  }
}
