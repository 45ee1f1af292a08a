package io.ashpg.resource;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A unique index that exists in the database but was not generated from an identity; violations are mapped to
 * errors on {@code keys}.
 */
public record UniqueIndexName(List<String> keys, String name, Optional<String> message) {
  public UniqueIndexName {
    keys = List.copyOf(keys);
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(message, "message");
  }
}
