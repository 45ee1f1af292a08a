package io.ashpg.error;

/** A serialization failure (40001) or deadlock (40P01): retrying the whole transaction may succeed. */
public final class TransactionConflictException extends AshPgException {
  private static final long serialVersionUID = 1L;

  public TransactionConflictException(String message, String sqlState, Throwable cause) {
    super(message, sqlState, cause);
  }
}
