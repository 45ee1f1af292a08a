package io.ashpg.error;

import java.util.List;
import java.util.Objects;

/**
 * A write violated a database constraint; {@link #errors()} says which fields and why (Ash's
 * {@code Ash.Error.Invalid} with {@code InvalidAttribute} errors).
 */
public final class ConstraintViolationException extends AshPgException {
  private static final long serialVersionUID = 1L;

  private final String resource;
  private final ConstraintType type;
  private final String constraint;
  private final String table;
  private final transient List<FieldError> errors;
  private final boolean declared;

  /**
   * @param resource   the resource written
   * @param type       the kind of constraint
   * @param constraint the constraint name reported by PostgreSQL (null for NOT NULL)
   * @param table      the table reported by PostgreSQL
   * @param errors     the field errors (at least one)
   * @param declared   whether the constraint is known from the resource (generated or declared names)
   */
  public ConstraintViolationException(String resource, ConstraintType type, String constraint, String table,
                                      List<FieldError> errors, boolean declared, String sqlState, Throwable cause) {
    super(message(resource, type, constraint, table, errors, declared), sqlState, cause);
    this.resource = resource;
    this.type = Objects.requireNonNull(type, "type");
    this.constraint = constraint;
    this.table = table;
    this.errors = List.copyOf(errors);
    this.declared = declared;
  }

  private static String message(String resource, ConstraintType type, String constraint, String table,
                                List<FieldError> errors, boolean declared) {
    StringBuilder m = new StringBuilder("invalid ").append(resource).append(": ");
    m.append(String.join(", ", errors.stream().map(FieldError::toString).toList()));
    if (!declared && type != ConstraintType.NOT_NULL) {
      m.append(" (").append(type.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' '))
          .append(" constraint \"").append(constraint).append("\" on table ").append(table)
          .append(" is not declared on resource ").append(resource)
          .append("; declare it (identity, uniqueIndexNames, foreignKeyNames, checkConstraint, "
              + "exclusionConstraintNames) to attach it to a field)");
    }
    return m.toString();
  }

  /** The resource whose write failed. */
  public String resource() {
    return resource;
  }

  /** The kind of constraint violated. */
  public ConstraintType type() {
    return type;
  }

  /** The constraint name PostgreSQL reported (null for NOT NULL violations). */
  public String constraint() {
    return constraint;
  }

  /** The table PostgreSQL reported. */
  public String table() {
    return table;
  }

  /** The field errors. */
  public List<FieldError> errors() {
    return errors;
  }

  /** Whether the constraint name matched one the resource generated or declared. */
  public boolean declared() {
    return declared;
  }
}
