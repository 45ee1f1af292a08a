package io.ashpg.migration.introspect;

import io.ashpg.migration.snapshot.TableSnapshot;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The schema-fidelity oracle of the migration tests: the live database, read with {@link CatalogReader}, must equal
 * the declared snapshots, built with {@link DeclaredCatalog}, field by field. Every user schema of the database is
 * compared (a table nobody declared is a difference), plus every schema a declared table is placed in. Immutable;
 * the builder-style methods return modified copies.
 *
 * <pre>{@code
 * CatalogOracle.on(conn).tenantSchema("tenant_a").assertMatches("after up", tables);
 * }</pre>
 */
public final class CatalogOracle {

  private final Connection connection;
  private final DeclaredCatalog placement;
  private final List<String> extensions;
  private final CatalogComparison comparison;

  private CatalogOracle(Connection connection, DeclaredCatalog placement, List<String> extensions,
      CatalogComparison comparison) {
    this.connection = Objects.requireNonNull(connection, "connection");
    this.placement = placement;
    this.extensions = List.copyOf(extensions);
    this.comparison = comparison;
  }

  /** An oracle on {@code connection}: tables without a schema in {@code public}, nothing ignored. */
  public static CatalogOracle on(Connection connection) {
    return new CatalogOracle(connection, DeclaredCatalog.inPublic(), List.of(), CatalogComparison.strict());
  }

  /** Shorthand: {@code on(connection).assertMatches("schema", declared)}. */
  public static void assertMatches(Connection connection, List<TableSnapshot> declared) throws SQLException {
    on(connection).assertMatches("schema", declared);
  }

  /** Context-multitenant tables are expected in {@code schema}. */
  public CatalogOracle tenantSchema(String schema) {
    return new CatalogOracle(connection, placement.withTenantSchema(schema), extensions, comparison);
  }

  /** Tables without a schema are expected in {@code schema} instead of {@code public}. */
  public CatalogOracle defaultSchema(String schema) {
    return new CatalogOracle(connection, placement.withDefaultSchema(schema), extensions, comparison);
  }

  /** These extensions must be installed. */
  public CatalogOracle extensions(Collection<String> names) {
    return new CatalogOracle(connection, placement, List.copyOf(names), comparison);
  }

  /** Table {@code schema.table} exists without a snapshot (an unmanaged resource, a custom statement). */
  public CatalogOracle ignoringTable(String schema, String table) {
    return new CatalogOracle(connection, placement, extensions, comparison.ignoringTable(schema, table));
  }

  /** Object {@code name} of {@code schema.table} was created outside the snapshots (a custom statement). */
  public CatalogOracle ignoringObject(String schema, String table, String name) {
    return new CatalogOracle(connection, placement, extensions, comparison.ignoringObject(schema, table, name));
  }

  /** Every difference between the database and {@code declared}. */
  public List<CatalogDifference> differences(List<TableSnapshot> declared) throws SQLException {
    List<SchemaCatalog> expected = placement.build(connection, declared, extensions);
    CatalogReader reader = CatalogReader.of(connection);
    TreeSet<String> schemas = new TreeSet<>(reader.userSchemas());
    expected.forEach(s -> schemas.add(s.schema()));
    return comparison.compare(expected, reader.read(List.copyOf(schemas)));
  }

  /**
   * Fails listing every difference (schema.table, object, field, expected and actual) when the database does not
   * match {@code declared}.
   *
   * @param when the moment checked ({@code "after up"}), for the failure message
   */
  public void assertMatches(String when, List<TableSnapshot> declared) throws SQLException {
    List<CatalogDifference> differences = differences(declared);
    if (!differences.isEmpty()) {
      throw new AssertionError("the database does not match the declared schema " + when + " ("
          + differences.size() + " difference" + (differences.size() == 1 ? "" : "s") + "):\n"
          + differences.stream().map(d -> "  - " + d).collect(Collectors.joining("\n")));
    }
  }
}
