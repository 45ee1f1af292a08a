package io.ashpg.migration.run;

import io.ashpg.sql.Identifier;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * SQL helpers for hand-written migrations (AshPostgres' {@code AshPostgres.Migration}): enum types. Names are
 * quoted identifiers, values SQL string literals, so neither can break out of the statement.
 */
public final class MigrationUtilities {

  private MigrationUtilities() {
  }

  /** {@code CREATE TYPE "type" AS ENUM ('a', 'b')}. */
  public static String createEnum(String typeName, List<String> values) {
    Objects.requireNonNull(values, "values");
    return "CREATE TYPE " + Identifier.quote(typeName) + " AS ENUM ("
        + values.stream().map(MigrationUtilities::literal).collect(Collectors.joining(", ")) + ")";
  }

  /** {@code CREATE TYPE "schema"."type" AS ENUM (...)}. */
  public static String createEnum(String schema, String typeName, List<String> values) {
    Objects.requireNonNull(values, "values");
    return "CREATE TYPE " + Identifier.qualified(schema, typeName) + " AS ENUM ("
        + values.stream().map(MigrationUtilities::literal).collect(Collectors.joining(", ")) + ")";
  }

  /** {@code DROP TYPE "type"}. */
  public static String dropEnum(String typeName) {
    return "DROP TYPE " + Identifier.quote(typeName);
  }

  /**
   * {@code ALTER TYPE "type" ADD VALUE IF NOT EXISTS 'value'}. Put it in a file marked
   * {@code -- ashpg:no-transaction}: a value added inside a transaction cannot be used before that transaction
   * commits (and before PostgreSQL 12 the statement is refused inside one).
   */
  public static String addEnumValue(String typeName, String value) {
    return "ALTER TYPE " + Identifier.quote(typeName) + " ADD VALUE IF NOT EXISTS " + literal(value);
  }

  /**
   * A SQL string literal: quotes doubled; a value with a backslash becomes an {@code E'...'} literal with the
   * backslash doubled, which reads the same whatever {@code standard_conforming_strings} says.
   */
  public static String literal(String value) {
    Objects.requireNonNull(value, "enum value");
    if (value.indexOf('\0') >= 0) {
      throw new IllegalArgumentException("enum value contains a NUL character, which PostgreSQL does not allow");
    }
    String quoted = "'" + value.replace("'", "''") + "'";
    return value.indexOf('\\') >= 0 ? "E" + quoted.replace("\\", "\\\\") : quoted;
  }
}
