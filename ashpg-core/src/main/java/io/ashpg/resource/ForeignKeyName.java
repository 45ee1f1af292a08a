package io.ashpg.resource;

import java.util.Objects;
import java.util.Optional;

/** A foreign key constraint whose violations are mapped to an error on {@code key}. */
public record ForeignKeyName(String key, String name, Optional<String> message) {
  public ForeignKeyName {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(message, "message");
  }
}
