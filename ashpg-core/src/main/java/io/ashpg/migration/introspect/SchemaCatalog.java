package io.ashpg.migration.introspect;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * One schema as the catalog sees it.
 *
 * @param schema     schema name
 * @param tables     ordinary and partitioned tables by name (sorted)
 * @param extensions extensions installed in the database (sorted; the same for every schema of a database, since
 *                   PostgreSQL installs an extension database-wide)
 */
public record SchemaCatalog(String schema, Map<String, TableCatalog> tables, List<String> extensions) {

  public SchemaCatalog {
    Objects.requireNonNull(schema, "schema");
    tables = Collections.unmodifiableMap(new TreeMap<>(tables));
    extensions = extensions == null ? List.of() : extensions.stream().distinct().sorted().toList();
  }

  /**
   * The same catalog placed in schema {@code name}: every table moves there, and foreign keys that point into this
   * schema point into the new one. A tenant schema's expected catalog is built once and placed in each tenant.
   */
  public SchemaCatalog inSchema(String name) {
    Map<String, TableCatalog> moved = new TreeMap<>();
    tables.forEach((table, t) -> moved.put(table, t.inSchema(schema, name)));
    return new SchemaCatalog(name, moved, extensions);
  }

  /** The table {@code name}, if the schema has it. */
  public Optional<TableCatalog> table(String name) {
    return Optional.ofNullable(tables.get(name));
  }
}
