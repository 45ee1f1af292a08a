package io.ashpg.migration.generate;

import java.util.List;

/**
 * What would change for one table (check mode).
 *
 * @param repo    repo name
 * @param tenant  whether it is a tenant table
 * @param table   {@code schema.table} or {@code table}, or {@code extensions}
 * @param changes descriptions of the pending operations; "snapshot out of date" when only the snapshot differs
 */
public record PendingChange(String repo, boolean tenant, String table, List<String> changes) {

  public PendingChange {
    changes = List.copyOf(changes);
  }
}
