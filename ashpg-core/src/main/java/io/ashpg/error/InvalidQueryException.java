package io.ashpg.error;

/**
 * A query or changeset cannot be turned into SQL: an unknown attribute, a value of the wrong type, a function whose
 * extension is not installed. Raised before anything reaches the database.
 */
public final class InvalidQueryException extends AshPgException {
  private static final long serialVersionUID = 1L;

  public InvalidQueryException(String message, Throwable cause) {
    super(message, null, cause);
  }
}
