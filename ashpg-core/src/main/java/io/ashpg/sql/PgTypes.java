package io.ashpg.sql;

import io.ashpg.resource.Type;
import java.util.regex.Pattern;

/** PostgreSQL type names of ashpg {@link Type}s, as used in casts and array parameters. */
public final class PgTypes {
  /** A type name ashpg is willing to put into SQL text: words, an optional typmod, optional array brackets. */
  private static final Pattern TYPE_NAME =
      Pattern.compile("[A-Za-z_][A-Za-z0-9_ .]*(\\(\\s*\\d+\\s*(,\\s*\\d+\\s*)?\\))?(\\[\\])*");

  private PgTypes() {}

  /**
   * The exact PostgreSQL type of {@code type} (with typmod, e.g. {@code timestamp(0)}, {@code numeric(10,2)}),
   * validated so it can be written into SQL.
   */
  public static String exact(Type type) {
    return validate(type.migrationType());
  }

  /** The type name without typmod (e.g. {@code timestamp}), as {@code createArrayOf} wants it for elements. */
  public static String base(Type type) {
    if (type instanceof Type.ArrayOf a) {
      return base(a.element()) + "[]";
    }
    return base(exact(type));
  }

  /** {@code name} without a {@code (…)} typmod. */
  public static String base(String name) {
    int paren = name.indexOf('(');
    if (paren < 0) {
      return name.trim();
    }
    int close = name.indexOf(')', paren);
    return (name.substring(0, paren) + name.substring(close + 1)).trim();
  }

  /**
   * Whether a parameter of this type needs an explicit cast: pgjdbc sends strings as {@code varchar}, which
   * PostgreSQL cannot compare with {@code citext} case-insensitively or assign to custom types without one.
   */
  public static boolean needsCast(Type type) {
    if (type instanceof Type.ArrayOf a) {
      return needsCast(a.element());
    }
    return type instanceof Type.Custom || (type instanceof Type.Text t && t.caseInsensitive());
  }

  /**
   * Checks that {@code name} looks like a type name.
   *
   * @throws IllegalArgumentException otherwise
   */
  public static String validate(String name) {
    if (!TYPE_NAME.matcher(name).matches()) {
      throw new IllegalArgumentException("'" + name + "' is not a valid PostgreSQL type name for a cast");
    }
    return name;
  }
}
