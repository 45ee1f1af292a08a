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
 *   <li>{@code old_table:-} — the table was really dropped, also when schema-qualified ({@code archive.posts:-})</li>
 * </ul>
 * A left side without a dot, or a right side with one, is a table hint. Any other hint ({@code a.b:c},
 * {@code a.b:-}) names a table when {@code a.b} is a table without a resource (the tables asked about), and a column
 * {@code b} of table {@code a} otherwise. Questions no hint answers go to the fallback ({@link RenameDecider#strict()}
 * unless given).
 */
public final class HintRenameDecider implements RenameDecider {

  private static final String REMOVED = "-";

  /**
   * A hint that reads as a column hint.
   *
   * @param table        the table
   * @param column       the old column
   * @param renamedTo    the new column, or null when removed
   * @param mayNameTable written {@code schema.table:x}, so it names a table if that table lost its resource
   */
  private record ColumnHint(String table, String column, String renamedTo, boolean mayNameTable) {
    String left() {
      return table + "." + column;
    }
  }

  private final List<ColumnHint> columnHints = new ArrayList<>();
  /** new table → old table. */
  private final Map<String, String> tableRenames = new HashMap<>();
  private final Set<String> droppedTables = new HashSet<>();
  /** Left sides of dotted hints found to name a table without a resource: they are not column hints. */
  private final Set<String> namedTables = new HashSet<>();
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
      if (left.indexOf('.') < 0 || right.indexOf('.') >= 0) {
        if (right.equals(REMOVED)) {
          droppedTables.add(left);
        } else {
          tableRenames.put(right, left);
        }
      } else {
        int dot = left.lastIndexOf('.');
        // a.b:c with a single dot on the left may also be schema a, table b
        columnHints.add(new ColumnHint(left.substring(0, dot), left.substring(dot + 1),
            right.equals(REMOVED) ? null : right, left.indexOf('.') == dot));
      }
    }
  }

  @Override
  public Optional<String> renamedFrom(TableKey table, String newColumn, List<String> candidates) {
    String t = table.toString();
    List<ColumnHint> hints = columnHints.stream()
        .filter(h -> h.table().equals(t) && !(h.mayNameTable() && namedTables.contains(h.left()))).toList();
    for (ColumnHint h : hints) {
      if (newColumn.equals(h.renamedTo())) {
        if (!candidates.contains(h.column())) {
          throw new IllegalArgumentException("rename hint " + h.left() + ":" + newColumn + " names column '"
              + h.column() + "', but it is not a removed column of table " + t + " (removed: " + candidates
              + "); fix the hint");
        }
        return Optional.of(h.column());
      }
    }
    List<String> open = new ArrayList<>(candidates);
    open.removeAll(hints.stream().map(ColumnHint::column).toList());
    if (open.isEmpty()) {
      return Optional.empty();
    }
    return fallback.renamedFrom(table, newColumn, open);
  }

  @Override
  public Optional<TableKey> tableRenamedFrom(TableKey newTable, List<TableKey> candidates) {
    Set<String> claimed = new HashSet<>(tableRenames.values());
    claimed.addAll(droppedTables);
    String old = tableRenames.get(newTable.toString());
    for (ColumnHint h : columnHints) {
      if (h.mayNameTable() && candidates.stream().anyMatch(c -> c.toString().equals(h.left()))) {
        namedTables.add(h.left());
        claimed.add(h.left());
        if (old == null && newTable.toString().equals(h.renamedTo())) {
          old = h.left();
        }
      }
    }
    if (old != null) {
      for (TableKey c : candidates) {
        if (c.toString().equals(old)) {
          return Optional.of(c);
        }
      }
      throw new IllegalArgumentException("rename hint " + old + ":" + newTable + " names table '" + old
          + "', but it is not a table without a resource (those are: " + candidates + "); fix the hint");
    }
    List<TableKey> open = candidates.stream().filter(c -> !claimed.contains(c.toString())).toList();
    if (open.isEmpty()) {
      return Optional.empty();
    }
    return fallback.tableRenamedFrom(newTable, open);
  }

  @Override
  public boolean confirmDrop(TableKey table) {
    String t = table.toString();
    boolean dropped = droppedTables.contains(t);
    for (ColumnHint h : columnHints) {
      if (h.mayNameTable() && h.left().equals(t)) {
        namedTables.add(t);
        dropped |= h.renamedTo() == null;
      }
    }
    return dropped || fallback.confirmDrop(table);
  }
}
