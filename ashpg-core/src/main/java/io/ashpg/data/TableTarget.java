package io.ashpg.data;

import io.ashpg.sql.Identifier;
import java.util.Objects;

/**
 * Where a statement reads or writes: always a schema-qualified table, so a pooled connection's {@code search_path}
 * never matters. The schema is the tenant schema (context multitenancy), the resource's {@code schema} option or the
 * repo's default prefix ({@code public}); the table is the resource's table or a context table override.
 *
 * @param schema schema name
 * @param table  table name
 */
public record TableTarget(String schema, String table) {
  public TableTarget {
    Identifier.validate(Objects.requireNonNull(schema, "schema"), "schema");
    Identifier.validate(Objects.requireNonNull(table, "table"), "table");
  }

  /** {@code "schema"."table"}. */
  public String qualified() {
    return Identifier.qualified(schema, table);
  }

  @Override
  public String toString() {
    return schema + "." + table;
  }
}
