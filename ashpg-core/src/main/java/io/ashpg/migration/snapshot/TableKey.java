package io.ashpg.migration.snapshot;

import java.util.Objects;

/**
 * Identifies a table inside one snapshot set (the global set or the tenant set of a repo).
 *
 * @param schema the table's schema, or null for the default schema (or for tenant tables)
 * @param table  the table name
 */
public record TableKey(String schema, String table) implements Comparable<TableKey> {

  public TableKey {
    Objects.requireNonNull(table, "table");
  }

  /** {@code schema.table}, or just {@code table} without a schema: the form used in messages and hints. */
  @Override
  public String toString() {
    return schema == null ? table : schema + "." + table;
  }

  @Override
  public int compareTo(TableKey o) {
    return toString().compareTo(o.toString());
  }
}
