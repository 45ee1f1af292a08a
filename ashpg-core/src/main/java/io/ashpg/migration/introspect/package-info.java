/**
 * Catalog introspection: what a live PostgreSQL schema contains, read from {@code pg_catalog}
 * ({@link io.ashpg.migration.introspect.CatalogReader}), what the snapshots declare it should contain
 * ({@link io.ashpg.migration.introspect.DeclaredCatalog}), both in one immutable model
 * ({@link io.ashpg.migration.introspect.SchemaCatalog} and its parts), and a field-by-field comparison of the two
 * ({@link io.ashpg.migration.introspect.CatalogComparison}).
 *
 * <p>The round-trip tests use it as an oracle for generated migrations; drift checks and adopting an existing
 * database build on the same reader and model.
 */
package io.ashpg.migration.introspect;
