package io.ashpg.error;

import java.util.Optional;

/**
 * Base of every exception the data layer throws. A failing SQL statement always surfaces as a subtype carrying the
 * SQLSTATE, so callers never need to catch {@link java.sql.SQLException}.
 */
public abstract class AshPgException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final String sqlState;

  protected AshPgException(String message, String sqlState, Throwable cause) {
    super(message, cause);
    this.sqlState = sqlState;
  }

  /** The PostgreSQL SQLSTATE, if the error came from the server. */
  public Optional<String> sqlState() {
    return Optional.ofNullable(sqlState);
  }
}
