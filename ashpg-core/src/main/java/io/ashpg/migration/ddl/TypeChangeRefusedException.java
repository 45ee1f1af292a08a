package io.ashpg.migration.ddl;

/**
 * A column type change PostgreSQL cannot convert on its own (no cast between the types) and for which no conversion
 * was given: thrown at generate time, before any file is written, with the ways out.
 */
public final class TypeChangeRefusedException extends IllegalArgumentException {

  private static final long serialVersionUID = 1L;

  private final String table;
  private final String column;
  private final String fromType;
  private final String toType;

  /**
   * @param table    the table, schema-qualified when it has a schema ({@code blog.posts})
   * @param column   the column
   * @param fromType its type before
   * @param toType   its type after
   * @param down     whether the missing cast is the one back, for the migration's down
   */
  public TypeChangeRefusedException(String table, String column, String fromType, String toType, boolean down) {
    this(table, column, fromType, toType, down, "");
  }

  /**
   * The same, with {@code note} (e.g. why a stated conversion was not used) after the types.
   */
  public TypeChangeRefusedException(String table, String column, String fromType, String toType, boolean down,
      String note) {
    super(message(table, column, fromType, toType, down, note));
    this.table = table;
    this.column = column;
    this.fromType = fromType;
    this.toType = toType;
  }

  private static String message(String table, String column, String fromType, String toType, boolean down,
      String note) {
    String qualified = table.contains(".") ? table : "public." + table;
    String change = down ? "changes back from " + toType + " to " + fromType + " in down"
        : "changes type from " + fromType + " to " + toType;
    return "column \"" + column + "\" of table " + qualified + " " + change + ", and PostgreSQL has no cast from "
        + (down ? toType + " to " + fromType : fromType + " to " + toType) + note + ", so the migration could not"
        + " convert it. Ways out: state the conversion on the resource, postgres(pg -> pg.convertType(\"" + column + "\", \""
        + fromType + "\", \"<USING expression computing the new value from \\\"" + column + "\\\">\", \"<expression"
        + " back for down>\")); or go through a new column (add it, copy the values, remove the old one) in separate"
        + " migrations; or keep the type " + fromType + ".";
  }

  /** The table, schema-qualified when it has a schema. */
  public String table() {
    return table;
  }

  /** The column whose type changes. */
  public String column() {
    return column;
  }

  /** The column's type before the change. */
  public String fromType() {
    return fromType;
  }

  /** The column's type after the change. */
  public String toType() {
    return toType;
  }
}
