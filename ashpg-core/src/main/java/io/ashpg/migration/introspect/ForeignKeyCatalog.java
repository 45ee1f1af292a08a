package io.ashpg.migration.introspect;

import java.util.List;
import java.util.Objects;

/**
 * One foreign key constraint.
 *
 * @param name               constraint name
 * @param columns            referencing columns in key order
 * @param referencedSchema   schema of the referenced table
 * @param referencedTable    referenced table
 * @param referencedColumns  referenced columns, pairwise with {@code columns}
 * @param onDelete           ON DELETE action
 * @param onDeleteSetColumns the column list of {@code ON DELETE SET NULL (…)} / {@code SET DEFAULT (…)}; empty
 *                           when the action applies to all referencing columns
 * @param onUpdate           ON UPDATE action
 * @param match              MATCH type
 * @param deferrable         DEFERRABLE
 * @param initiallyDeferred  INITIALLY DEFERRED
 * @param validated          false for a constraint added {@code NOT VALID} and not validated since
 */
public record ForeignKeyCatalog(String name, List<String> columns, String referencedSchema, String referencedTable,
    List<String> referencedColumns, ReferentialAction onDelete, List<String> onDeleteSetColumns,
    ReferentialAction onUpdate, MatchType match, boolean deferrable, boolean initiallyDeferred, boolean validated) {

  public ForeignKeyCatalog {
    Objects.requireNonNull(name, "foreign key name");
    columns = List.copyOf(columns);
    referencedColumns = List.copyOf(referencedColumns);
    onDeleteSetColumns = onDeleteSetColumns == null ? List.of() : List.copyOf(onDeleteSetColumns);
    Objects.requireNonNull(onDelete, "onDelete");
    Objects.requireNonNull(onUpdate, "onUpdate");
    Objects.requireNonNull(match, "match");
  }

  /** {@code schema.table}, as messages show the target. */
  public String referencedQualifiedName() {
    return referencedSchema + "." + referencedTable;
  }
}
