package io.ashpg.migration.run;

import java.util.List;

/**
 * What a run did to one schema (the public schema, a prefix, or a tenant).
 *
 * @param schema the schema or tenant
 * @param versions versions applied (migrate) or rolled back (rollback), in the order they ran
 * @param failed whether this schema had a failure (see {@link MigrationResult#failures()})
 */
public record SchemaOutcome(String schema, List<Long> versions, boolean failed) {

  public SchemaOutcome {
    versions = List.copyOf(versions);
  }

  /** Whether anything ran. */
  public boolean changed() {
    return !versions.isEmpty();
  }
}
