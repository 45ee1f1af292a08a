package io.ashpg.migration.ddl;

import java.util.Objects;

/**
 * Where the rendered SQL will run.
 *
 * @param tenant       tenant migrations: tables unqualified (the migrator sets {@code search_path} to the tenant
 *                     schema), references to global tables qualified with {@code globalSchema}
 * @param globalSchema the schema of global tables referenced without an explicit schema from tenant migrations
 */
public record RenderContext(boolean tenant, String globalSchema) {

  /** Public (non-tenant) migrations. */
  public static final RenderContext GLOBAL = new RenderContext(false, "public");

  /** Tenant migrations with global tables in {@code public}. */
  public static final RenderContext TENANT = new RenderContext(true, "public");

  public RenderContext {
    Objects.requireNonNull(globalSchema, "globalSchema");
  }
}
