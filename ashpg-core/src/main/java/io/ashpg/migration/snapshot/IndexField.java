package io.ashpg.migration.snapshot;

import java.util.Objects;
import java.util.Set;

/**
 * One key of an index or identity: a column (quoted in SQL) or a raw SQL expression (written verbatim),
 * optionally with a sort direction.
 *
 * @param value      column name or SQL expression
 * @param expression true when {@code value} is SQL, false when it is a column name
 * @param order      null, or one of {@code asc}, {@code desc}, {@code asc_nulls_first}, {@code asc_nulls_last},
 *                   {@code desc_nulls_first}, {@code desc_nulls_last}
 */
public record IndexField(String value, boolean expression, String order) {

  private static final Set<String> ORDERS = Set.of("asc", "desc", "asc_nulls_first", "asc_nulls_last",
      "desc_nulls_first", "desc_nulls_last");

  public IndexField {
    Objects.requireNonNull(value, "index field value");
    if (order != null && !ORDERS.contains(order)) {
      throw new IllegalArgumentException("index field '" + value + "': order '" + order
          + "' is unknown; use one of " + ORDERS);
    }
  }

  /** A plain column key. */
  public static IndexField column(String name) {
    return new IndexField(name, false, null);
  }

  /** A raw SQL expression key, e.g. {@code lower(email)}. */
  public static IndexField expression(String sql) {
    return new IndexField(sql, true, null);
  }

  /** A column key with a direction. */
  public static IndexField directed(String column, String order) {
    return new IndexField(column, false, order);
  }
}
