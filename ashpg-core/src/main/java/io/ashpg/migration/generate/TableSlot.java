package io.ashpg.migration.generate;

import io.ashpg.migration.snapshot.TableKey;

/**
 * Where a table lives within a repo: the global set or the tenant set (context multitenancy), and its key there.
 * The same table name may exist in both sets.
 *
 * @param tenant whether it is a per-tenant table
 * @param key    schema (null for the default schema and for tenant tables) and table
 */
record TableSlot(boolean tenant, TableKey key) {

  @Override
  public String toString() {
    return (tenant ? "tenant table " : "table ") + key;
  }
}
