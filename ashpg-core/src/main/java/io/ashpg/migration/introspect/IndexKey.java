package io.ashpg.migration.introspect;

import io.ashpg.sql.Identifier;
import java.util.Objects;

/**
 * One key part of an index.
 *
 * @param value      column name, or the expression as PostgreSQL prints it
 * @param expression whether {@code value} is an expression
 * @param opclass    operator class when it is not the type's default, else null
 * @param order      null for the default order ({@code ASC NULLS LAST}, or {@code DESC NULLS FIRST} once
 *                   {@code DESC}), else one of {@code DESC}, {@code DESC NULLS LAST}, {@code NULLS FIRST}
 */
public record IndexKey(String value, boolean expression, String opclass, String order) {

  public IndexKey {
    Objects.requireNonNull(value, "index key");
  }

  /** A plain column key in default order. */
  public static IndexKey column(String name) {
    return new IndexKey(name, false, null, null);
  }

  /**
   * The order clause for a key with {@code descending} and {@code nullsFirst} as {@code pg_index.indoption} records
   * them, written only where it differs from the default.
   */
  public static String order(boolean descending, boolean nullsFirst) {
    if (descending) {
      return nullsFirst ? "DESC" : "DESC NULLS LAST";
    }
    return nullsFirst ? "NULLS FIRST" : null;
  }

  /** The key as it reads in an index definition: {@code "col" DESC}, {@code lower(name)}. */
  @Override
  public String toString() {
    String s = expression ? value : Identifier.quote(value);
    if (opclass != null) {
      s += " " + opclass;
    }
    return order == null ? s : s + " " + order;
  }
}
