package io.ashpg.migration.diff;

import io.ashpg.migration.snapshot.TableKey;
import java.util.List;

/**
 * Raised when a table lost a column (or a set lost a table) and gained another, and nothing said whether that
 * is a rename or a drop plus an add. Guessing could drop a column full of data, so generation stops.
 */
public class AmbiguousRenameException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final List<String> candidates;

  public AmbiguousRenameException(String message, List<String> candidates) {
    super(message);
    this.candidates = List.copyOf(candidates);
  }

  /** The removed columns or tables that the new one might have been renamed from. */
  public List<String> candidates() {
    return candidates;
  }

  static AmbiguousRenameException forColumn(TableKey table, String newColumn, List<String> candidates) {
    String first = candidates.get(0);
    return new AmbiguousRenameException("table " + table + ": column '" + newColumn + "' is new and column(s) "
        + candidates + " were removed; ashpg cannot tell a rename from a drop and an add (which would lose the"
        + " data of the removed column). Say which with a rename hint, e.g. -Dashpg.renames=" + table + "."
        + first + ":" + newColumn + " (a rename), or " + table + "." + first + ":- (really removed)", candidates);
  }

  static AmbiguousRenameException forTable(TableKey newTable, List<TableKey> candidates) {
    List<String> names = candidates.stream().map(TableKey::toString).toList();
    return new AmbiguousRenameException("table " + newTable + " is new and table(s) " + names
        + " no longer have a resource; ashpg cannot tell a rename (or schema move) from a drop and a create."
        + " Say which with a rename hint, e.g. -Dashpg.renames=" + names.get(0) + ":" + newTable
        + " (a rename or move), or " + names.get(0) + ":- (really dropped)", names);
  }

  static AmbiguousRenameException forDrop(TableKey table) {
    return new AmbiguousRenameException("table " + table + " no longer has a resource; dropping it loses its data."
        + " Confirm with -Dashpg.renames=" + table + ":- (really dropped), restore the resource, or keep the table"
        + " unmanaged with a resource declared migrate(false)", List.of(table.toString()));
  }
}
