package io.ashpg.resource;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A database check constraint: with {@code check} the generator creates it; without, it only maps violations of an
 * existing constraint to field errors.
 *
 * @param attributes attributes a violation error attaches to
 * @param name       constraint name
 * @param message    error message (default {@value #DEFAULT_MESSAGE})
 * @param check      the SQL condition
 */
public record CheckConstraint(List<String> attributes, String name, Optional<String> message,
                              Optional<String> check) {
  /** Message used when none is given. */
  public static final String DEFAULT_MESSAGE = "is invalid";

  public CheckConstraint {
    attributes = List.copyOf(attributes);
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(message, "message");
    Objects.requireNonNull(check, "check");
  }

  /** The message, or {@value #DEFAULT_MESSAGE}. */
  public String messageOrDefault() {
    return message.orElse(DEFAULT_MESSAGE);
  }
}
