/**
 * Adopting an existing database: {@link io.ashpg.adopt.SchemaAdopter} reads a schema with the catalog reader of
 * {@code io.ashpg.migration.introspect} and writes resource classes, an Api and a Repo as Java sources
 * ({@link io.ashpg.adopt.Adoption}); {@link io.ashpg.adopt.SourceCompiler} compiles them so the migration generator
 * can take the snapshots (and a baseline migration) from exactly those classes.
 */
package io.ashpg.adopt;
