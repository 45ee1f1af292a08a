package io.ashpg.migration.introspect;

import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * One table: columns, primary key, indexes and constraints.
 *
 * @param schema      schema name
 * @param name        table name
 * @param columns     columns in attnum order
 * @param primaryKey  the primary key, or null when the table has none
 * @param indexes     every index of the table, including those backing a primary key, unique or exclusion
 *                    constraint (sorted by name)
 * @param foreignKeys foreign keys (sorted by name)
 * @param checks      check constraints (sorted by name)
 * @param exclusions  exclusion constraints (sorted by name)
 */
public record TableCatalog(String schema, String name, List<ColumnCatalog> columns, PrimaryKeyCatalog primaryKey,
    List<IndexCatalog> indexes, List<ForeignKeyCatalog> foreignKeys, List<CheckCatalog> checks,
    List<ExclusionCatalog> exclusions) {

  public TableCatalog {
    Objects.requireNonNull(schema, "schema");
    Objects.requireNonNull(name, "name");
    columns = List.copyOf(columns);
    indexes = sorted(indexes, IndexCatalog::name);
    foreignKeys = sorted(foreignKeys, ForeignKeyCatalog::name);
    checks = sorted(checks, CheckCatalog::name);
    exclusions = sorted(exclusions, ExclusionCatalog::name);
  }

  private static <T> List<T> sorted(List<T> items, Function<T, String> name) {
    return items.stream().sorted(Comparator.comparing(name)).toList();
  }

  /**
   * The same table in schema {@code to}, its foreign keys into schema {@code from} pointing into {@code to} (see
   * {@link SchemaCatalog#inSchema}).
   */
  public TableCatalog inSchema(String from, String to) {
    List<ForeignKeyCatalog> fks = foreignKeys.stream().map(f -> !f.referencedSchema().equals(from) ? f
        : new ForeignKeyCatalog(f.name(), f.columns(), to, f.referencedTable(), f.referencedColumns(), f.onDelete(),
            f.onDeleteSetColumns(), f.onUpdate(), f.match(), f.deferrable(), f.initiallyDeferred(), f.validated()))
        .toList();
    return new TableCatalog(to, name, columns, primaryKey, indexes, fks, checks, exclusions);
  }

  /** {@code schema.name}, as messages show it. */
  public String qualifiedName() {
    return schema + "." + name;
  }

  /** The column {@code name}, if any. */
  public Optional<ColumnCatalog> column(String name) {
    return columns.stream().filter(c -> c.name().equals(name)).findFirst();
  }

  /** The index {@code name}, if any. */
  public Optional<IndexCatalog> index(String name) {
    return indexes.stream().filter(i -> i.name().equals(name)).findFirst();
  }

  /** The foreign key {@code name}, if any. */
  public Optional<ForeignKeyCatalog> foreignKey(String name) {
    return foreignKeys.stream().filter(f -> f.name().equals(name)).findFirst();
  }

  /** The check constraint {@code name}, if any. */
  public Optional<CheckCatalog> check(String name) {
    return checks.stream().filter(c -> c.name().equals(name)).findFirst();
  }
}
