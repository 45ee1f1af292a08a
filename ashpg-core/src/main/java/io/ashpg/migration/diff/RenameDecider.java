package io.ashpg.migration.diff;

import io.ashpg.migration.snapshot.TableKey;
import java.util.List;
import java.util.Optional;

/**
 * Decides whether a new column or table is a renamed old one. {@link Differ} asks only when there is a real
 * choice: a new column while the same table lost columns, or a new table while tables lost their resource. Within
 * one set of tables it asks every table question ({@link #tableRenamedFrom}, {@link #confirmDrop}) before any
 * column question, so an answer about tables can inform the column answers.
 *
 * <p>Implementations: {@link #strict()} (the default: refuses to guess), {@link HintRenameDecider} (renames given
 * as hints, e.g. from {@code -Dashpg.renames}), {@link NeverRename} (always add + remove; for throwaway
 * development databases), or an interactive prompt supplied by the caller.
 */
public interface RenameDecider {

  /**
   * @param table      the table (as named after this migration)
   * @param newColumn  a column that is new in the table
   * @param candidates removed columns not yet claimed by another rename, non-empty
   * @return the candidate {@code newColumn} was renamed from, or empty when it is really new
   */
  Optional<String> renamedFrom(TableKey table, String newColumn, List<String> candidates);

  /**
   * @param newTable   a table that is new in the set
   * @param candidates tables without a resource any more, non-empty
   * @return the candidate {@code newTable} was renamed (or moved to another schema) from, or empty
   */
  Optional<TableKey> tableRenamedFrom(TableKey newTable, List<TableKey> candidates);

  /**
   * Whether {@code table}, which no resource declares any more and which was not renamed, is really to be dropped
   * with its data. Answering no stops the generation: a table that should stay but not be managed any more belongs
   * to a resource with {@code migrate(false)}.
   */
  boolean confirmDrop(TableKey table);

  /** The default: every question is an {@link AmbiguousRenameException} listing candidates and hint syntax. */
  static RenameDecider strict() {
    return new RenameDecider() {
      @Override
      public boolean confirmDrop(TableKey table) {
        throw AmbiguousRenameException.forDrop(table);
      }

      @Override
      public Optional<String> renamedFrom(TableKey table, String newColumn, List<String> candidates) {
        throw AmbiguousRenameException.forColumn(table, newColumn, candidates);
      }

      @Override
      public Optional<TableKey> tableRenamedFrom(TableKey newTable, List<TableKey> candidates) {
        throw AmbiguousRenameException.forTable(newTable, candidates);
      }
    };
  }
}
