package io.ashpg.migration.snapshot;

import java.util.List;
import java.util.Objects;

/**
 * A hand-written SQL statement kept with a table.
 *
 * @param name        identity of the statement (changes are detected by name)
 * @param up          SQL run on migrate, verbatim
 * @param down        SQL run on rollback, verbatim
 * @param global      on a context-multitenant table: goes into the public migrations instead of tenant ones
 * @param afterTables tables whose structural changes must precede {@code up}
 */
public record CustomStatementSnapshot(String name, String up, String down, boolean global,
    List<String> afterTables) {

  public CustomStatementSnapshot {
    Objects.requireNonNull(name, "custom statement name");
    Objects.requireNonNull(up, "custom statement " + name + ": up");
    Objects.requireNonNull(down, "custom statement " + name + ": down");
    afterTables = Lists.copy(afterTables);
  }
}
