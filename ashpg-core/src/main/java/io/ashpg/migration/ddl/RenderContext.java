package io.ashpg.migration.ddl;

import java.util.Objects;

/**
 * Where the rendered SQL will run.
 *
 * @param tenant       tenant migrations: tables unqualified (the migrator sets {@code search_path} to the tenant
 *                     schema), references to global tables qualified with {@code globalSchema}
 * @param globalSchema the schema of global tables referenced without an explicit schema from tenant migrations
 * @param createSchemas emit {@code CREATE SCHEMA IF NOT EXISTS} before a table is created in (or moved to) a schema of
 *                     its own; off when the repo's {@code createSchemasInMigrations()} is false
 */
public record RenderContext(boolean tenant, String globalSchema, boolean createSchemas) {

  /** Public (non-tenant) migrations. */
  public static final RenderContext GLOBAL = new RenderContext(false, "public");

  /** Tenant migrations with global tables in {@code public}. */
  public static final RenderContext TENANT = new RenderContext(true, "public");

  public RenderContext {
    Objects.requireNonNull(globalSchema, "globalSchema");
  }

  /** A context that creates schemas. */
  public RenderContext(boolean tenant, String globalSchema) {
    this(tenant, globalSchema, true);
  }

  /** This context, with or without {@code CREATE SCHEMA IF NOT EXISTS} statements. */
  public RenderContext withCreateSchemas(boolean create) {
    return new RenderContext(tenant, globalSchema, create);
  }
}
