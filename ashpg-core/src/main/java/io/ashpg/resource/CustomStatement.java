package io.ashpg.resource;

import java.util.List;
import java.util.Objects;

/**
 * Hand-written SQL the migration generator manages by name: added, removed, or replaced (old {@code down}, then new
 * {@code up}) when it changes.
 *
 * @param name        identity of the statement
 * @param up          SQL applied on migrate
 * @param down        SQL applied on rollback
 * @param global      on a context-multitenant resource, write it into the public migrations instead of tenant ones
 * @param afterTables tables whose structural changes must run before {@code up}
 */
public record CustomStatement(String name, String up, String down, boolean global, List<String> afterTables) {
  public CustomStatement {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(up, "up");
    Objects.requireNonNull(down, "down");
    afterTables = List.copyOf(afterTables);
  }
}
