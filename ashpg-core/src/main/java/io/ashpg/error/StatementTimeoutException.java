package io.ashpg.error;

/** A statement ran longer than its timeout and was cancelled (SQLSTATE 57014). */
public final class StatementTimeoutException extends AshPgException {
  private static final long serialVersionUID = 1L;

  public StatementTimeoutException(String message, String sqlState, Throwable cause) {
    super(message, sqlState, cause);
  }
}
