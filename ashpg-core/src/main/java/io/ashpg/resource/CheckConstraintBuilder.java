package io.ashpg.resource;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** Options of {@code checkConstraint(attribute(s), name, c -> ...)}. */
public final class CheckConstraintBuilder {
  private String message;
  private String check;

  CheckConstraintBuilder() {}

  /** The SQL condition; when set the migration generator creates the constraint. */
  public CheckConstraintBuilder check(String sql) {
    this.check = Objects.requireNonNull(sql, "check");
    return this;
  }

  /** The error message on violation (default "is invalid"). */
  public CheckConstraintBuilder message(String message) {
    this.message = Objects.requireNonNull(message, "message");
    return this;
  }

  CheckConstraint build(List<String> attributes, String name) {
    return new CheckConstraint(attributes, name, Optional.ofNullable(message), Optional.ofNullable(check));
  }
}
