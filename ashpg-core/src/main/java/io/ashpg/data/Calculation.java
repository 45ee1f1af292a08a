package io.ashpg.data;

import io.ashpg.resource.Type;
import io.ashpg.sql.Expr;
import java.util.Objects;

/**
 * An expression calculation of a query ({@link Query#calculate}): rendered to SQL in the select list (and wherever
 * {@link io.ashpg.sql.Exprs#calc} refers to it in filters and sorts), returned in each {@link Row} by name.
 *
 * @param expr the expression, on the queried resource's attributes, relationship paths and aggregates
 * @param type how the value is read back; null to infer it from the expression (text, numbers and booleans are read
 *             as the driver returns them when it cannot be inferred)
 */
public record Calculation(Expr expr, Type type) {
  public Calculation {
    Objects.requireNonNull(expr, "expr");
  }
}
