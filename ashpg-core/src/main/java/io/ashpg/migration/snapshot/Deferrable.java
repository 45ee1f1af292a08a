package io.ashpg.migration.snapshot;

/**
 * Deferrability of a foreign key. JSON: {@code false}, {@code true} or {@code "initially"}, as AshPostgres
 * stores it.
 */
public enum Deferrable {
  /** {@code NOT DEFERRABLE} (PostgreSQL's default). */
  NO,
  /** {@code DEFERRABLE INITIALLY IMMEDIATE}. */
  IMMEDIATE,
  /** {@code DEFERRABLE INITIALLY DEFERRED}. */
  DEFERRED
}
