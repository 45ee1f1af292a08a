package io.ashpg.error;

/** A {@code NOWAIT} row lock could not be taken (SQLSTATE 55P03). */
public final class LockUnavailableException extends AshPgException {
  private static final long serialVersionUID = 1L;

  public LockUnavailableException(String message, String sqlState, Throwable cause) {
    super(message, sqlState, cause);
  }
}
