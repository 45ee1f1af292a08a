package io.ashpg.migration.safety;

/**
 * One step read from an SQL statement.
 *
 * @param kind       what it is
 * @param table      the table it changes (last part of its name, as an identifier); null when unknown
 * @param column     the column it is about, if any (for a CHECK: the column of {@code col IS NOT NULL})
 * @param constraint the constraint or index it names, if any
 * @param note       what a message about it should add (e.g. that a type change has a USING clause); may be null
 */
public record SqlStep(StepKind kind, String table, String column, String constraint, String note) {

  static SqlStep of(StepKind kind, String table) {
    return new SqlStep(kind, table, null, null, null);
  }
}
