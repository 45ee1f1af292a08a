package io.ashpg.data;

import io.ashpg.sql.Expr;
import java.util.Objects;

/**
 * One sort key: an attribute (or expression), a direction and where nulls go.
 *
 * @param expr       what to sort by (usually {@link Expr.Attr})
 * @param descending descending order
 * @param nulls      null placement; {@link Nulls#DEFAULT} is PostgreSQL's (last when ascending, first when descending)
 */
public record Sort(Expr expr, boolean descending, Nulls nulls) {

  /** Where nulls sort. */
  public enum Nulls {
    /** PostgreSQL's default for the direction. */
    DEFAULT,
    /** {@code NULLS FIRST}. */
    FIRST,
    /** {@code NULLS LAST}. */
    LAST
  }

  public Sort {
    Objects.requireNonNull(expr, "expr");
    Objects.requireNonNull(nulls, "nulls");
  }

  /** Ascending by attribute. */
  public static Sort asc(String attribute) {
    return new Sort(new Expr.Attr(attribute), false, Nulls.DEFAULT);
  }

  /** Descending by attribute. */
  public static Sort desc(String attribute) {
    return new Sort(new Expr.Attr(attribute), true, Nulls.DEFAULT);
  }

  /** Ascending by an expression. */
  public static Sort asc(Expr expr) {
    return new Sort(expr, false, Nulls.DEFAULT);
  }

  /** Descending by an expression. */
  public static Sort desc(Expr expr) {
    return new Sort(expr, true, Nulls.DEFAULT);
  }

  /** This sort with nulls first. */
  public Sort nullsFirst() {
    return new Sort(expr, descending, Nulls.FIRST);
  }

  /** This sort with nulls last. */
  public Sort nullsLast() {
    return new Sort(expr, descending, Nulls.LAST);
  }

  /** The opposite order (used to page backwards), nulls placement included. */
  Sort reversed() {
    Nulls effective = nulls != Nulls.DEFAULT ? nulls : (descending ? Nulls.FIRST : Nulls.LAST);
    return new Sort(expr, !descending, effective == Nulls.FIRST ? Nulls.LAST : Nulls.FIRST);
  }

  /** The attribute name when sorting by a plain attribute, else null. */
  String attribute() {
    return expr instanceof Expr.Attr a ? a.name() : null;
  }
}
