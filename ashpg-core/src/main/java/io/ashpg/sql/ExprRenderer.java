package io.ashpg.sql;

import io.ashpg.resource.Type;
import java.util.List;

/**
 * Renders {@link Expr} trees into a {@link SqlBuilder}. Values become bind parameters converted to the type of the
 * attribute (or cast) they meet; the text depends only on the tree's shape (and on which values are null), so the
 * same query shape always yields the same SQL and pgjdbc reuses its server-side prepared statement.
 */
public final class ExprRenderer {
  private final SqlBuilder out;
  private final RenderContext ctx;

  private ExprRenderer(SqlBuilder out, RenderContext ctx) {
    this.out = out;
    this.ctx = ctx;
  }

  /** Appends {@code expr} to {@code out}. */
  public static void render(Expr expr, SqlBuilder out, RenderContext ctx) {
    new ExprRenderer(out, ctx).expr(expr, null);
  }

  /** Appends {@code expr} to {@code out}, converting a bare value at the top to {@code type}. */
  public static void render(Expr expr, SqlBuilder out, RenderContext ctx, Type type) {
    new ExprRenderer(out, ctx).expr(expr, type);
  }

  /** The type a value compared with {@code expr} is converted to, or null when unknown. */
  public static Type typeOf(Expr expr, RenderContext ctx) {
    if (expr instanceof Expr.Attr a) {
      return ctx.type(a.name());
    }
    if (expr instanceof Expr.Cast c) {
      return c.type();
    }
    if (expr instanceof Expr.Arith a) {
      return a.op() == Expr.ArithOp.CONCAT ? Type.STRING
          : firstNonNull(typeOf(a.left(), ctx), typeOf(a.right(), ctx));
    }
    if (expr instanceof Expr.TrigramSimilarity) {
      return Type.FLOAT;
    }
    if (expr instanceof Expr.Path p) {
      return typeOf(p.rest(), ctx.related(p.relationships().get(0)).destination());
    }
    if (expr instanceof Expr.Ref r) {
      return ctx.refType(r.name());
    }
    if (expr instanceof Expr.Excluded x) {
      return ctx.type(x.attribute());
    }
    if (expr instanceof Expr.Call c) {
      return switch (c.function()) {
        case LENGTH -> Type.INTEGER;
        case LOWER, UPPER -> firstNonNull(typeOf(c.args().get(0), ctx), Type.STRING);
        case CONCAT -> Type.STRING;
        case STARTS_WITH -> Type.BOOLEAN;
        case COALESCE -> firstType(c.args(), ctx);
        case NOW, AGO, FROM_NOW -> Type.TIMESTAMPTZ;
      };
    }
    if (expr instanceof Expr.Cond c) {
      List<Expr> values = new java.util.ArrayList<>(c.values());
      values.add(c.otherwise());
      return firstType(values, ctx);
    }
    if (expr instanceof Expr.JsonPath j) {
      return j.asText() ? Type.STRING : Type.MAP;
    }
    return null;
  }

  /** The first known type among {@code exprs}, or null. */
  private static Type firstType(List<Expr> exprs, RenderContext ctx) {
    for (Expr e : exprs) {
      Type t = typeOf(e, ctx);
      if (t != null) {
        return t;
      }
    }
    return null;
  }

  private static Type firstNonNull(Type a, Type b) {
    return a != null ? a : b;
  }

  /** Renders {@code e}; {@code hint} is the type a bare value here is converted to. */
  private void expr(Expr e, Type hint) {
    if (e instanceof Expr.Attr a) {
      out.append(ctx.column(a.name()));
    } else if (e instanceof Expr.Value v) {
      value(v.value(), hint);
    } else if (e instanceof Expr.Compare c) {
      compare(c);
    } else if (e instanceof Expr.Arith a) {
      Type t = typeOf(a, ctx);
      out.append('(');
      expr(a.left(), t);
      out.append(' ').append(a.op().sql()).append(' ');
      expr(a.right(), t);
      out.append(')');
    } else if (e instanceof Expr.And a) {
      junction(a.parts(), " AND ", "TRUE");
    } else if (e instanceof Expr.Or o) {
      junction(o.parts(), " OR ", "FALSE");
    } else if (e instanceof Expr.Not n) {
      out.append("NOT (");
      expr(n.expr(), Type.BOOLEAN);
      out.append(')');
    } else if (e instanceof Expr.IsNil n) {
      operand(n.expr(), null);
      out.append(n.nil() ? " IS NULL" : " IS NOT NULL");
    } else if (e instanceof Expr.In in) {
      in(in);
    } else if (e instanceof Expr.Contains c) {
      Type t = firstNonNull(typeOf(c.text(), ctx), Type.STRING);
      out.append("(strpos(");
      expr(c.text(), t);
      out.append(", ");
      expr(c.part(), t);
      out.append(") > 0)");
    } else if (e instanceof Expr.Like l) {
      Type t = firstNonNull(typeOf(l.text(), ctx), Type.STRING);
      operand(l.text(), t);
      out.append(l.caseInsensitive() ? " ILIKE " : " LIKE ");
      operand(l.pattern(), t);
    } else if (e instanceof Expr.Fragment f) {
      fragment(f);
    } else if (e instanceof Expr.Cast c) {
      out.append('(');
      expr(c.expr(), c.type());
      out.append(")::").append(PgTypes.exact(c.type()));
    } else if (e instanceof Expr.TrigramSimilarity t) {
      if (!ctx.extensionInstalled("pg_trgm")) {
        throw new IllegalArgumentException("trigramSimilarity needs the pg_trgm extension, which the repo of "
            + ctx.describe() + " does not install; add \"pg_trgm\" to its installedExtensions()");
      }
      Type text = firstNonNull(typeOf(t.left(), ctx), firstNonNull(typeOf(t.right(), ctx), Type.STRING));
      out.append("similarity(");
      expr(t.left(), text);
      out.append(", ");
      expr(t.right(), text);
      out.append(')');
    } else if (e instanceof Expr.Path p) {
      path(p, hint);
    } else if (e instanceof Expr.Exists x) {
      exists(x);
    } else if (e instanceof Expr.Ref r) {
      ctx.ref(r.name(), out);
    } else if (e instanceof Expr.Excluded x) {
      out.append(ctx.excluded(x.attribute()));
    } else if (e instanceof Expr.Call c) {
      call(c, hint);
    } else if (e instanceof Expr.Cond c) {
      cond(c, hint);
    } else if (e instanceof Expr.JsonPath j) {
      out.append('(');
      operand(j.json(), Type.MAP);
      out.append(j.asText() ? " #>> " : " #> ");
      out.bind(SqlValues.array(j.path(), Type.STRING), "text[]");
      out.append(')');
    }
  }

  /** Units of {@code ago}/{@code from_now}, as PostgreSQL interval text for one of them. */
  private static final java.util.Map<String, String> UNITS = java.util.Map.of("year", "1 year", "month", "1 month",
      "week", "7 days", "day", "1 day", "hour", "1 hour", "minute", "1 minute", "second", "1 second",
      "millisecond", "1 millisecond", "microsecond", "1 microsecond");

  private void call(Expr.Call c, Type hint) {
    List<Expr> args = c.args();
    switch (c.function()) {
      case LENGTH, LOWER, UPPER -> {
        out.append(c.function().name().toLowerCase(java.util.Locale.ROOT)).append('(');
        textArg(args.get(0));
        out.append(')');
      }
      case CONCAT, STARTS_WITH -> {
        out.append(c.function().name().toLowerCase(java.util.Locale.ROOT)).append('(');
        for (int i = 0; i < args.size(); i++) {
          if (i > 0) {
            out.append(", ");
          }
          textArg(args.get(i));
        }
        out.append(')');
      }
      case COALESCE -> {
        Type t = firstNonNull(typeOf(c, ctx), hint);
        out.append("coalesce(");
        for (int i = 0; i < args.size(); i++) {
          if (i > 0) {
            out.append(", ");
          }
          expr(args.get(i), t);
        }
        out.append(')');
      }
      case NOW -> out.append("now()");
      case AGO, FROM_NOW -> {
        // now() -/+ amount * '1 unit'::interval: the amount and the unit's interval are both bind parameters
        if (!(args.get(1) instanceof Expr.Value v) || !(v.value() instanceof String unit)
            || !UNITS.containsKey(unit)) {
          throw new IllegalArgumentException(c.function().name().toLowerCase(java.util.Locale.ROOT) + " takes a unit"
              + " among " + new java.util.TreeSet<>(UNITS.keySet()) + ", got " + args.get(1) + " (" + ctx.describe()
              + ")");
        }
        out.append("(now() ").append(c.function() == Expr.Function.AGO ? "-" : "+").append(" (");
        expr(args.get(0), Type.FLOAT);
        out.append(" * ");
        out.bind(UNITS.get(unit), "interval");
        out.append("))");
      }
    }
  }

  /** An argument of a string function: values are bound as text (so a null is typed too). */
  private void textArg(Expr arg) {
    if (arg instanceof Expr.Value v) {
      Object jdbc;
      try {
        jdbc = v.value() == null ? null : SqlValues.toJdbc(v.value(), Type.STRING);
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(ctx.describe() + ": " + e.getMessage(), e);
      }
      out.bind(jdbc, "text");
      return;
    }
    expr(arg, Type.STRING);
  }

  private void cond(Expr.Cond c, Type hint) {
    Type t = firstNonNull(typeOf(c, ctx), hint);
    out.append("CASE");
    for (int i = 0; i < c.conditions().size(); i++) {
      out.append(" WHEN ");
      expr(c.conditions().get(i), Type.BOOLEAN);
      out.append(" THEN ");
      expr(c.values().get(i), t);
    }
    out.append(" ELSE ");
    expr(c.otherwise(), t);
    out.append(" END");
  }

  /** A to-one path as a correlated scalar subquery: NULL when there is no related record. */
  private void path(Expr.Path p, Type hint) {
    String first = p.relationships().get(0);
    RenderContext.Related related = ctx.related(first);
    if (related.toMany()) {
      throw new IllegalArgumentException("the path " + String.join(".", p.relationships()) + "." + p.attribute()
          + " on " + ctx.describe() + " goes through to-many relationship '" + first
          + "'; use exists(...) or an aggregate instead");
    }
    out.append("(SELECT ");
    new ExprRenderer(out, related.destination()).expr(p.rest(), hint);
    related.from().accept(out);
    // has_one may match several rows; the scalar subquery must not fail on them.
    out.append(" LIMIT 1)");
  }

  private void exists(Expr.Exists x) {
    RenderContext.Related related = ctx.related(x.relationship());
    out.append("EXISTS (SELECT 1");
    related.from().accept(out);
    if (x.filter() != null) {
      out.append(" AND (");
      new ExprRenderer(out, related.destination()).expr(x.filter(), Type.BOOLEAN);
      out.append(')');
    }
    out.append(')');
  }

  /** A sub-expression that sits next to an operator: compound ones get parentheses. */
  private void operand(Expr e, Type hint) {
    boolean wrap = e instanceof Expr.Compare || e instanceof Expr.And || e instanceof Expr.Or
        || e instanceof Expr.Like || e instanceof Expr.IsNil || e instanceof Expr.In;
    if (wrap) {
      out.append('(');
    }
    expr(e, hint);
    if (wrap) {
      out.append(')');
    }
  }

  private void compare(Expr.Compare c) {
    boolean leftNull = c.left() instanceof Expr.Value v && v.value() == null;
    boolean rightNull = c.right() instanceof Expr.Value v && v.value() == null;
    if ((leftNull || rightNull) && (c.op() == Expr.CompareOp.EQ || c.op() == Expr.CompareOp.NE)) {
      // "= NULL" is never true in SQL; Ash's `x == nil` means IS NULL.
      operand(rightNull ? c.left() : c.right(), null);
      out.append(c.op() == Expr.CompareOp.EQ ? " IS NULL" : " IS NOT NULL");
      return;
    }
    Type t = firstNonNull(typeOf(c.left(), ctx), typeOf(c.right(), ctx));
    operand(c.left(), t);
    out.append(' ').append(c.op().sql()).append(' ');
    operand(c.right(), t);
  }

  private void junction(List<Expr> parts, String op, String empty) {
    if (parts.isEmpty()) {
      out.append(empty);
      return;
    }
    if (parts.size() == 1) {
      expr(parts.get(0), Type.BOOLEAN);
      return;
    }
    for (int i = 0; i < parts.size(); i++) {
      if (i > 0) {
        out.append(op);
      }
      Expr p = parts.get(i);
      // AND inside AND (and OR inside OR) is associative: no parentheses, so repeated filter() calls read flat.
      boolean wrap = (p instanceof Expr.And && !" AND ".equals(op)) || (p instanceof Expr.Or && !" OR ".equals(op));
      if (wrap) {
        out.append('(');
      }
      expr(p, Type.BOOLEAN);
      if (wrap) {
        out.append(')');
      }
    }
  }

  private void in(Expr.In in) {
    if (in.values().isEmpty()) {
      out.append("FALSE");
      return;
    }
    Type t = typeOf(in.expr(), ctx);
    operand(in.expr(), t);
    out.append(" = ANY(");
    SqlArray array = SqlValues.array(in.values(), t);
    out.bind(array, t != null && PgTypes.needsCast(t) ? PgTypes.exact(t) + "[]" : null);
    out.append(')');
  }

  private void value(Object value, Type hint) {
    Object jdbc;
    try {
      jdbc = SqlValues.toJdbc(value, hint);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(ctx.describe() + ": " + e.getMessage(), e);
    }
    out.bind(jdbc, hint != null && PgTypes.needsCast(hint) ? PgTypes.exact(hint) : null);
  }

  private void fragment(Expr.Fragment f) {
    List<RawSql.Part> parts = RawSql.parse(f.sql());
    long placeholders = parts.stream().filter(p -> p instanceof RawSql.Placeholder).count();
    if (placeholders != f.args().size()) {
      throw new IllegalArgumentException("fragment \"" + f.sql() + "\" has " + placeholders
          + " placeholder(s) but " + f.args().size() + " argument(s) (" + ctx.describe()
          + "); write \\\\? in Java source for a literal question mark");
    }
    out.append('(');
    int arg = 0;
    for (RawSql.Part part : parts) {
      if (part instanceof RawSql.Text t) {
        out.append(t.sql());
      } else {
        expr(f.args().get(arg++), null);
      }
    }
    out.append(')');
  }
}
