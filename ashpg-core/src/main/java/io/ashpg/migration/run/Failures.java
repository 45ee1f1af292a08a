package io.ashpg.migration.run;

import java.sql.SQLException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Turns what went wrong into {@link MigrationFailure}s with the advice that fits. */
final class Failures {

  private Failures() {
  }

  static MigrationFailure of(String schema, Direction direction, SchemaRunner.StepFailure f) {
    MigrationFile file = f.file;
    SQLException e = f.sqlException();
    String message = f.lockTimeout != null
        ? f.lockTimeout.describe()
        : e.getMessage() + conversion(f.statement, e.getSQLState());
    if (f.lockTimeout != null) {
      message += file.transactional()
          ? "\n  Nothing of this migration was applied (each attempt was rolled back); run again once the lock is free"
          : "\n  This is a no-transaction file: statements before the one that timed out stayed applied and the"
              + " version was not recorded; running again starts the file over";
    } else if (file.transactional()) {
      message += direction == Direction.UP
          ? " — the migration was rolled back, so the schema stays at the previous version; fix the statement and run"
              + " again"
          : " — the rollback of this migration was undone; fix the down section and run again";
    } else {
      message += " — this is a no-transaction file: statements before this one stayed applied and the version was not"
          + " recorded; make the statements idempotent (IF NOT EXISTS / IF EXISTS) and run again";
    }
    return new MigrationFailure(schema, file.location(), file.version(), f.statement, e.getSQLState(), message);
  }

  /** {@code ALTER TABLE <table> … ALTER COLUMN <column> TYPE <type>}, as the generator writes a type change. */
  private static final String NAME = "\"(?:[^\"]|\"\")+\"";
  private static final Pattern TYPE_CHANGE = Pattern.compile("^ALTER TABLE ((?:" + NAME + "\\.)?" + NAME + ") .*?"
      + "ALTER COLUMN (" + NAME + ") TYPE ((?:[^,(]|\\([^)]*\\))+?)(?: USING .*?)?(?:, ALTER COLUMN .*)?$",
      Pattern.DOTALL);

  /**
   * For a type change that failed on a value of the table (SQLSTATE class 22, data exception): which column of which
   * table could not be converted, and the ways out; otherwise empty.
   */
  private static String conversion(String statement, String sqlState) {
    if (statement == null || sqlState == null || !sqlState.startsWith("22")) {
      return "";
    }
    Matcher m = TYPE_CHANGE.matcher(statement.strip());
    if (!m.matches()) {
      return "";
    }
    return " — converting column " + m.group(2) + " of table " + m.group(1) + " to " + m.group(3).strip()
        + " failed on a value already in the table; fix or remove those rows first, or state how to convert them"
        + " (convertType on the resource) and generate the migration again";
  }

  static MigrationFailure of(String schema, MigrationException e) {
    return new MigrationFailure(schema, null, 0, null, null, e.getMessage());
  }

  static MigrationFailure of(String schema, SQLException e) {
    return new MigrationFailure(schema, null, 0, null, e.getSQLState(), e.getMessage());
  }
}
