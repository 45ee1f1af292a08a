package io.ashpg.migration.diff;

import io.ashpg.migration.snapshot.TableKey;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Renames given up front as hints, for batch runs ({@code -Dashpg.renames=posts.title:headline,old:new}).
 *
 * <p>Hint syntax:
 * <ul>
 *   <li>{@code table.old:new} — column {@code old} of {@code table} is now {@code new}; the table may be
 *       schema-qualified ({@code blog.posts.title:headline}; the last dot separates the column)</li>
 *   <li>{@code table.old:-} — column {@code old} was really removed (not renamed)</li>
 *   <li>{@code old_table:new_table} — a table rename; either side may be schema-qualified, a different schema
 *       means a schema move ({@code posts:archive.posts})</li>
 *   <li>{@code old_table:-} — the table was really dropped</li>
 * </ul>
 * A left side without a dot, or a right side with one, is a table hint; otherwise a column hint. Questions no
 * hint answers go to the fallback ({@link RenameDecider#strict()} unless given).
 */
public final class HintRenameDecider implements RenameDecider {

  private static final String REMOVED = "-";

  /** table → (new column → old column). */
  private final Map<String, Map<String, String>> columnRenames = new HashMap<>();
  /** table → removed columns. */
  private final Map<String, Set<String>> removedColumns = new HashMap<>();
  /** new table → old table. */
  private final Map<String, String> tableRenames = new HashMap<>();
  private final Set<String> droppedTables = new HashSet<>();
  private final RenameDecider fallback;

  /** Hints with {@link RenameDecider#strict()} for everything they do not answer. */
  public HintRenameDecider(List<String> hints) {
    this(hints, RenameDecider.strict());
  }

  /**
   * @param hints    hints in the syntax above
   * @param fallback asked when no hint answers a question
   * @throws IllegalArgumentException for a malformed hint, naming it
   */
  public HintRenameDecider(List<String> hints, RenameDecider fallback) {
    this.fallback = fallback;
    for (String raw : hints) {
      String hint = raw.trim();
      if (hint.isEmpty()) {
        continue;
      }
      int colon = hint.indexOf(':');
      if (colon <= 0 || colon == hint.length() - 1 || hint.indexOf(':', colon + 1) >= 0) {
        throw new IllegalArgumentException("rename hint '" + raw + "' is malformed; write table.old_column:new_column,"
            + " table.old_column:-, old_table:new_table or old_table:-");
      }
      String left = hint.substring(0, colon);
      String right = hint.substring(colon + 1);
      boolean tableHint = left.indexOf('.') < 0 || right.indexOf('.') >= 0;
      if (tableHint) {
        if (right.equals(REMOVED)) {
          droppedTables.add(left);
        } else {
          tableRenames.put(right, left);
        }
      } else {
        int dot = left.lastIndexOf('.');
        String table = left.substring(0, dot);
        String column = left.substring(dot + 1);
        if (right.equals(REMOVED)) {
          removedColumns.computeIfAbsent(table, k -> new HashSet<>()).add(column);
        } else {
          columnRenames.computeIfAbsent(table, k -> new HashMap<>()).put(right, column);
        }
      }
    }
  }

  @Override
  public Optional<String> renamedFrom(TableKey table, String newColumn, List<String> candidates) {
    String t = table.toString();
    String old = columnRenames.getOrDefault(t, Map.of()).get(newColumn);
    if (old != null) {
      if (!candidates.contains(old)) {
        throw new IllegalArgumentException("rename hint " + t + "." + old + ":" + newColumn + " names column '" + old
            + "', but it is not a removed column of table " + t + " (removed: " + candidates + "); fix the hint");
      }
      return Optional.of(old);
    }
    Set<String> claimed = new HashSet<>(columnRenames.getOrDefault(t, Map.of()).values());
    claimed.addAll(removedColumns.getOrDefault(t, Set.of()));
    List<String> open = new ArrayList<>(candidates);
    open.removeAll(claimed);
    if (open.isEmpty()) {
      return Optional.empty();
    }
    return fallback.renamedFrom(table, newColumn, open);
  }

  @Override
  public Optional<TableKey> tableRenamedFrom(TableKey newTable, List<TableKey> candidates) {
    String old = tableRenames.get(newTable.toString());
    if (old != null) {
      for (TableKey c : candidates) {
        if (c.toString().equals(old)) {
          return Optional.of(c);
        }
      }
      throw new IllegalArgumentException("rename hint " + old + ":" + newTable + " names table '" + old
          + "', but it is not a table without a resource (those are: " + candidates + "); fix the hint");
    }
    Set<String> claimed = new HashSet<>(tableRenames.values());
    claimed.addAll(droppedTables);
    List<TableKey> open = candidates.stream().filter(c -> !claimed.contains(c.toString())).toList();
    if (open.isEmpty()) {
      return Optional.empty();
    }
    return fallback.tableRenamedFrom(newTable, open);
  }

  @Override
  public boolean confirmDrop(TableKey table) {
    return droppedTables.contains(table.toString()) || fallback.confirmDrop(table);
  }
}
