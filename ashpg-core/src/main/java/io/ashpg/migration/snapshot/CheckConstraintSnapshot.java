package io.ashpg.migration.snapshot;

import java.util.List;
import java.util.Objects;

/**
 * A check constraint.
 *
 * @param name       constraint name
 * @param attributes attributes the violation error attaches to
 * @param check      SQL predicate; null means the constraint is managed by hand (no DDL generated)
 * @param baseFilter the table's base filter; the constraint becomes {@code (check) OR NOT (baseFilter)}
 */
public record CheckConstraintSnapshot(String name, List<String> attributes, String check, String baseFilter) {

  public CheckConstraintSnapshot {
    Objects.requireNonNull(name, "check constraint name");
    attributes = Lists.copy(attributes);
  }
}
