package io.ashpg.migration.safety;

/** What a step does to a table's existing rows while it holds its lock: the part that grows with the table. */
public enum TableEffect {
  /** Catalog change only: the lock is held for moments (once it is granted). */
  NONE,
  /** Reads every row (to build an index or check a constraint): the lock is held for the length of a scan. */
  SCAN,
  /** Writes a new copy of the table and its indexes: the lock is held for the length of the copy. */
  REWRITE
}
