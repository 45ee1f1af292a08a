package io.ashpg.resource;

import java.util.Objects;

/**
 * A named computed value. ashpg only needs its name and type: a calculation can be an identity key when
 * {@code calculationsToSql} gives its SQL.
 */
public record Calculation(String name, Type type) {
  public Calculation {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(type, "type");
  }
}
