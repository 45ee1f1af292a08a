package io.ashpg.resource;

import java.util.Objects;
import java.util.Optional;

/** An exclusion constraint whose violations are mapped to an error on {@code key}. */
public record ExclusionConstraintName(String key, String name, Optional<String> message) {
  public ExclusionConstraintName {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(message, "message");
  }
}
