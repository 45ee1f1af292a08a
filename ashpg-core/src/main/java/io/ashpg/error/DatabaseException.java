package io.ashpg.error;

/**
 * Any other failure while talking to PostgreSQL (connection problems, data exceptions, SQL errors). The message names
 * the resource and operation; it never contains bind values.
 */
public final class DatabaseException extends AshPgException {
  private static final long serialVersionUID = 1L;

  public DatabaseException(String message, String sqlState, Throwable cause) {
    super(message, sqlState, cause);
  }
}
