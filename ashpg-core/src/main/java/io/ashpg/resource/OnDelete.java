package io.ashpg.resource;

import java.util.List;
import java.util.Objects;

/**
 * What the database does to referencing rows when the referenced row is deleted.
 *
 * @param kind    the action
 * @param columns for {@link Kind#NILIFY}, the columns to set null (empty = all referencing columns)
 */
public record OnDelete(Kind kind, List<String> columns) {
  /** Delete the referencing rows ({@code ON DELETE CASCADE}). */
  public static final OnDelete DELETE = new OnDelete(Kind.DELETE, List.of());
  /** Set the referencing columns null ({@code ON DELETE SET NULL}). */
  public static final OnDelete NILIFY = new OnDelete(Kind.NILIFY, List.of());
  /** No action; checked at the end of the statement/transaction ({@code NO ACTION}, the database default). */
  public static final OnDelete NOTHING = new OnDelete(Kind.NOTHING, List.of());
  /** Refuse immediately ({@code ON DELETE RESTRICT}). */
  public static final OnDelete RESTRICT = new OnDelete(Kind.RESTRICT, List.of());

  /** On-delete actions. */
  public enum Kind { DELETE, NILIFY, NOTHING, RESTRICT }

  public OnDelete {
    Objects.requireNonNull(kind, "kind");
    columns = List.copyOf(columns);
    if (!columns.isEmpty() && kind != Kind.NILIFY) {
      throw new IllegalArgumentException("only NILIFY takes columns");
    }
  }

  /** Set only {@code columns} null ({@code ON DELETE SET NULL (cols)}, PostgreSQL 15+). */
  public static OnDelete nilify(List<String> columns) {
    if (columns.isEmpty()) {
      throw new IllegalArgumentException("nilify(columns) needs at least one column; use OnDelete.NILIFY for all");
    }
    return new OnDelete(Kind.NILIFY, columns);
  }
}
