package io.ashpg.migration.run;

import java.sql.SQLException;

/** Turns what went wrong into {@link MigrationFailure}s with the advice that fits. */
final class Failures {

  private Failures() {
  }

  static MigrationFailure of(String schema, Direction direction, SchemaRunner.StepFailure f) {
    MigrationFile file = f.file;
    SQLException e = f.sqlException();
    String message = f.lockTimeout != null ? f.lockTimeout.describe() : e.getMessage();
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

  static MigrationFailure of(String schema, MigrationException e) {
    return new MigrationFailure(schema, null, 0, null, null, e.getMessage());
  }

  static MigrationFailure of(String schema, SQLException e) {
    return new MigrationFailure(schema, null, 0, null, e.getSQLState(), e.getMessage());
  }
}
