package io.ashpg.migration.diff;

import io.ashpg.migration.snapshot.TableKey;
import java.util.List;
import java.util.Optional;

/**
 * Answers "not a rename" to every question and confirms every drop: removed columns and tables are removed, new ones
 * added. Use it only where losing the removed data is intended (a development database, or a check that only lists
 * what differs).
 */
public final class NeverRename implements RenameDecider {

  /** The shared instance. */
  public static final NeverRename INSTANCE = new NeverRename();

  private NeverRename() {
  }

  @Override
  public Optional<String> renamedFrom(TableKey table, String newColumn, List<String> candidates) {
    return Optional.empty();
  }

  @Override
  public Optional<TableKey> tableRenamedFrom(TableKey newTable, List<TableKey> candidates) {
    return Optional.empty();
  }

  @Override
  public boolean confirmDrop(TableKey table) {
    return true;
  }
}
