package io.ashpg.error;

import java.sql.SQLException;

/** Translates {@link SQLException}s that are not constraint violations into {@link AshPgException}s. */
public final class SqlErrors {
  private SqlErrors() {}

  /**
   * The exception for {@code e}; {@code what} names the operation and resource, e.g. {@code "read of post"}. The
   * message never includes bind values.
   */
  public static AshPgException translate(SQLException e, String what) {
    String state = e.getSQLState();
    String message = what + " failed" + (state == null ? "" : " [" + state + "]") + ": " + e.getMessage();
    if (state == null) {
      return new DatabaseException(message, null, e);
    }
    return switch (state) {
      case "55P03" -> new LockUnavailableException(what + ": a row lock is not available (NOWAIT) [55P03]", state, e);
      case "57014" -> new StatementTimeoutException(what + ": statement cancelled (timeout) [57014]", state, e);
      case "40001", "40P01" -> new TransactionConflictException(message, state, e);
      default -> new DatabaseException(message, state, e);
    };
  }
}
