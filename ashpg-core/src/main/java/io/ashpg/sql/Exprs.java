package io.ashpg.sql;

import io.ashpg.resource.Type;
import java.util.Arrays;
import java.util.List;

/**
 * Static factories for {@link Expr}s; import them statically:
 * {@code filter(and(attr("published").eq(true), trigramSimilarity(attr("name"), "geoff").gt(0.4)))}.
 */
public final class Exprs {
  private Exprs() {}

  /** An attribute of the queried resource. */
  public static Expr attr(String name) {
    return new Expr.Attr(name);
  }

  /** A value sent as a bind parameter. */
  public static Expr value(Object value) {
    return new Expr.Value(value);
  }

  /** All of {@code parts}. */
  public static Expr and(Expr... parts) {
    return new Expr.And(List.of(parts));
  }

  /** All of {@code parts}. */
  public static Expr and(List<Expr> parts) {
    return new Expr.And(parts);
  }

  /** Any of {@code parts}. */
  public static Expr or(Expr... parts) {
    return new Expr.Or(List.of(parts));
  }

  /** Any of {@code parts}. */
  public static Expr or(List<Expr> parts) {
    return new Expr.Or(parts);
  }

  /** Negation. */
  public static Expr not(Expr expr) {
    return new Expr.Not(expr);
  }

  /** {@code expr IS NULL}. */
  public static Expr isNil(Expr expr) {
    return new Expr.IsNil(expr, true);
  }

  /**
   * Raw SQL with {@code ?} placeholders for {@code args} (expressions are rendered, other values bound as
   * parameters); write {@code \\?} in Java source for a literal {@code ?}.
   */
  public static Expr fragment(String sql, Object... args) {
    return new Expr.Fragment(sql, Arrays.stream(args).map(Expr::of).toList());
  }

  /** {@code (expr)::type}. */
  public static Expr type(Object expr, Type type) {
    return new Expr.Cast(Expr.of(expr), type);
  }

  /** pg_trgm's {@code similarity(a, b)}; the repo must list "pg_trgm" in its installed extensions. */
  public static Expr trigramSimilarity(Object a, Object b) {
    return new Expr.TrigramSimilarity(Expr.of(a), Expr.of(b));
  }

  /** {@code text LIKE pattern}. */
  public static Expr like(Object text, Object pattern) {
    return new Expr.Like(Expr.of(text), Expr.of(pattern), false);
  }

  /** {@code text ILIKE pattern}. */
  public static Expr ilike(Object text, Object pattern) {
    return new Expr.Like(Expr.of(text), Expr.of(pattern), true);
  }

  /** Whether {@code text} contains {@code part}. */
  public static Expr contains(Object text, Object part) {
    return new Expr.Contains(Expr.of(text), Expr.of(part));
  }

  /**
   * An attribute reached through to-one relationships: {@code path("author", "name")} is the post's author's name;
   * the last name is the attribute, the others are relationships.
   */
  public static Expr path(String... names) {
    if (names.length < 2) {
      throw new IllegalArgumentException("path(...) needs at least a relationship and an attribute, got "
          + Arrays.toString(names));
    }
    return new Expr.Path(Arrays.asList(names).subList(0, names.length - 1), names[names.length - 1]);
  }

  /** Whether the record has any related record over {@code relationship}. */
  public static Expr exists(String relationship) {
    return new Expr.Exists(relationship, null);
  }

  /** Whether the record has a related record over {@code relationship} matching {@code filter}. */
  public static Expr exists(String relationship, Expr filter) {
    return new Expr.Exists(relationship, java.util.Objects.requireNonNull(filter, "filter"));
  }

  /** The value of the query's aggregate {@code name} (see {@code Query.aggregate}). */
  public static Expr aggregate(String name) {
    return new Expr.Ref(name);
  }

  /** The value of the query's expression calculation {@code name} (see {@code Query.calculate}). */
  public static Expr calc(String name) {
    return new Expr.Ref(name);
  }

  /**
   * The value an upsert proposes for {@code attribute}, in an upsert condition (where {@code attr(…)} is the existing
   * row's value): {@code upsertConflict("version").gt(attr("version"))}.
   */
  public static Expr upsertConflict(String attribute) {
    return new Expr.Excluded(attribute);
  }

  /** {@code CASE WHEN condition THEN then ELSE otherwise END} (Ash's {@code if}). */
  public static Expr ifElse(Expr condition, Object then, Object otherwise) {
    return new Expr.Cond(List.of(condition), List.of(Expr.of(then)), Expr.of(otherwise));
  }

  /**
   * {@code CASE WHEN c1 THEN v1 WHEN c2 THEN v2 … ELSE otherwise END} (Ash's {@code cond}): the value of the first
   * condition that holds.
   */
  public static Expr cond(List<Expr> conditions, List<?> values, Object otherwise) {
    return new Expr.Cond(conditions, values.stream().map(Expr::of).toList(), Expr.of(otherwise));
  }

  /** {@code length(text)}, in characters. */
  public static Expr length(Object text) {
    return call(Expr.Function.LENGTH, text);
  }

  /** {@code lower(text)}. */
  public static Expr lower(Object text) {
    return call(Expr.Function.LOWER, text);
  }

  /** {@code upper(text)}. */
  public static Expr upper(Object text) {
    return call(Expr.Function.UPPER, text);
  }

  /** {@code concat(a, b, …)}: text concatenation in which a null counts as empty text. */
  public static Expr concat(Object... parts) {
    return call(Expr.Function.CONCAT, parts);
  }

  /** Whether {@code text} starts with {@code prefix} ({@code starts_with(text, prefix)}). */
  public static Expr startsWith(Object text, Object prefix) {
    return call(Expr.Function.STARTS_WITH, text, prefix);
  }

  /** The first of {@code values} that is not null ({@code coalesce(a, b, …)}). */
  public static Expr coalesce(Object... values) {
    return call(Expr.Function.COALESCE, values);
  }

  /** {@code now()}: the time the transaction started. */
  public static Expr now() {
    return call(Expr.Function.NOW);
  }

  /**
   * {@code amount} {@code unit}s before now, e.g. {@code ago(7, "day")}; units: year, month, week, day, hour,
   * minute, second, millisecond, microsecond.
   */
  public static Expr ago(Object amount, String unit) {
    return call(Expr.Function.AGO, amount, unit);
  }

  /** {@code amount} {@code unit}s after now (see {@link #ago}). */
  public static Expr fromNow(Object amount, String unit) {
    return call(Expr.Function.FROM_NOW, amount, unit);
  }

  /** The jsonb value at {@code path} inside {@code json} ({@code json #> '{a,b}'}; Ash's {@code get_path}). */
  public static Expr getPath(Object json, String... path) {
    return new Expr.JsonPath(Expr.of(json), Arrays.asList(path), false);
  }

  /** The value at {@code path} inside {@code json} as text ({@code json #>> '{a,b}'}). */
  public static Expr getPathText(Object json, String... path) {
    return new Expr.JsonPath(Expr.of(json), Arrays.asList(path), true);
  }

  private static Expr call(Expr.Function function, Object... args) {
    return new Expr.Call(function, Arrays.stream(args).map(Expr::of).toList());
  }
}
