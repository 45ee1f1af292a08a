package io.ashpg.error;

import java.util.Objects;

/**
 * An error attached to one field of a resource, e.g. {@code title: has already been taken}.
 *
 * @param field      attribute name (null when the violated constraint could not be tied to an attribute)
 * @param message    human-readable message, as declared on the resource or the default for the constraint type
 * @param constraint the database constraint name, if the error came from one
 */
public record FieldError(String field, String message, String constraint) {
  public FieldError {
    Objects.requireNonNull(message, "message");
  }

  @Override
  public String toString() {
    return (field == null ? "(record)" : field) + ": " + message + (constraint == null ? "" : " [" + constraint + "]");
  }
}
