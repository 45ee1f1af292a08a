package io.ashpg.migration.introspect;

import java.util.Objects;

/**
 * One check constraint.
 *
 * @param name       constraint name
 * @param expression the predicate as {@code pg_get_expr} prints it
 * @param validated  false for a constraint added {@code NOT VALID} and not validated since
 */
public record CheckCatalog(String name, String expression, boolean validated) {

  public CheckCatalog {
    Objects.requireNonNull(name, "check name");
    Objects.requireNonNull(expression, "check expression");
  }
}
