package io.ashpg.sql;

import io.ashpg.resource.Type;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Objects;

/**
 * A filter or value expression: an immutable tree rendered by {@link ExprRenderer} into SQL text whose values are
 * always bind parameters. Build expressions with {@link Exprs} and the fluent methods below, e.g.
 * {@code attr("score").plus(1).gt(10).and(attr("title").ilike("%java%"))}.
 *
 * <p>Plain Java values given to the fluent methods become {@link Value}s; when a value meets an attribute (or a cast)
 * it is converted to that attribute's type before it is bound, so {@code attr("id").eq("…uuid text…")} works.
 */
public sealed interface Expr permits Expr.Attr, Expr.Value, Expr.Compare, Expr.Arith, Expr.And, Expr.Or, Expr.Not,
    Expr.IsNil, Expr.In, Expr.Contains, Expr.Like, Expr.Fragment, Expr.Cast, Expr.TrigramSimilarity, Expr.Path,
    Expr.Exists, Expr.Ref, Expr.Excluded, Expr.Call, Expr.Cond, Expr.JsonPath {

  /**
   * The sub-expressions evaluated on the same row as this one, in order: what a walk over an expression tree descends
   * into. Empty for leaves; an {@link Exists} filter is not one (it is evaluated on the related rows).
   */
  default List<Expr> operands() {
    return List.of();
  }

  /** Comparison operators. */
  enum CompareOp {
    EQ("="), NE("<>"), LT("<"), LE("<="), GT(">"), GE(">=");

    private final String sql;

    CompareOp(String sql) {
      this.sql = sql;
    }

    /** The SQL operator. */
    public String sql() {
      return sql;
    }
  }

  /** Arithmetic and string concatenation operators. */
  enum ArithOp {
    ADD("+"), SUB("-"), MUL("*"), DIV("/"), CONCAT("||");

    private final String sql;

    ArithOp(String sql) {
      this.sql = sql;
    }

    /** The SQL operator. */
    public String sql() {
      return sql;
    }
  }

  /** An attribute of the resource being queried, by attribute name (not column name). */
  record Attr(String name) implements Expr {
    public Attr {
      Objects.requireNonNull(name, "attribute name");
    }
  }

  /** A Java value, always sent as a bind parameter; may be null. */
  record Value(Object value) implements Expr {}

  /** {@code left op right}; comparing with a null value renders {@code IS [NOT] NULL}. */
  record Compare(CompareOp op, Expr left, Expr right) implements Expr {
    public Compare {
      Objects.requireNonNull(op, "op");
      Objects.requireNonNull(left, "left");
      Objects.requireNonNull(right, "right");
    }

    @Override
    public List<Expr> operands() {
      return List.of(left, right);
    }
  }

  /** {@code left op right} for {@code + - * / ||}. */
  record Arith(ArithOp op, Expr left, Expr right) implements Expr {
    public Arith {
      Objects.requireNonNull(op, "op");
      Objects.requireNonNull(left, "left");
      Objects.requireNonNull(right, "right");
    }

    @Override
    public List<Expr> operands() {
      return List.of(left, right);
    }
  }

  /** All of the parts hold; an empty list is {@code TRUE}. */
  record And(List<Expr> parts) implements Expr {
    public And {
      parts = List.copyOf(parts);
    }

    @Override
    public List<Expr> operands() {
      return parts;
    }
  }

  /** Any of the parts holds; an empty list is {@code FALSE}. */
  record Or(List<Expr> parts) implements Expr {
    public Or {
      parts = List.copyOf(parts);
    }

    @Override
    public List<Expr> operands() {
      return parts;
    }
  }

  /** Negation. */
  record Not(Expr expr) implements Expr {
    public Not {
      Objects.requireNonNull(expr, "expr");
    }

    @Override
    public List<Expr> operands() {
      return List.of(expr);
    }
  }

  /** {@code expr IS NULL} ({@code nil = true}) or {@code expr IS NOT NULL}. */
  record IsNil(Expr expr, boolean nil) implements Expr {
    public IsNil {
      Objects.requireNonNull(expr, "expr");
    }

    @Override
    public List<Expr> operands() {
      return List.of(expr);
    }
  }

  /**
   * {@code expr = ANY(?)} with the values bound as one array, so the SQL text does not depend on how many values
   * there are (an empty list renders {@code FALSE}).
   */
  record In(Expr expr, List<Object> values) implements Expr {
    public In {
      Objects.requireNonNull(expr, "expr");
      values = java.util.Collections.unmodifiableList(new ArrayList<>(values));
    }

    @Override
    public List<Expr> operands() {
      return List.of(expr);
    }
  }

  /** Substring test: {@code strpos(text, part) > 0}. */
  record Contains(Expr text, Expr part) implements Expr {
    public Contains {
      Objects.requireNonNull(text, "text");
      Objects.requireNonNull(part, "part");
    }

    @Override
    public List<Expr> operands() {
      return List.of(text, part);
    }
  }

  /** {@code text LIKE pattern} or, case-insensitively, {@code ILIKE}. */
  record Like(Expr text, Expr pattern, boolean caseInsensitive) implements Expr {
    public Like {
      Objects.requireNonNull(text, "text");
      Objects.requireNonNull(pattern, "pattern");
    }

    @Override
    public List<Expr> operands() {
      return List.of(text, pattern);
    }
  }

  /**
   * Raw SQL with {@code ?} placeholders, each replaced by the rendering of the matching argument (values become
   * bind parameters). {@code \?} stands for a literal question mark (e.g. the jsonb {@code ?} operator). Question
   * marks inside quoted strings, quoted identifiers and comments are literal.
   */
  record Fragment(String sql, List<Expr> args) implements Expr {
    public Fragment {
      Objects.requireNonNull(sql, "sql");
      args = List.copyOf(args);
    }

    @Override
    public List<Expr> operands() {
      return args;
    }
  }

  /** {@code (expr)::type}, with the type's exact PostgreSQL name (e.g. {@code timestamp(0)}). */
  record Cast(Expr expr, Type type) implements Expr {
    public Cast {
      Objects.requireNonNull(expr, "expr");
      Objects.requireNonNull(type, "type");
    }

    @Override
    public List<Expr> operands() {
      return List.of(expr);
    }
  }

  /** {@code similarity(left, right)} from pg_trgm; rendering fails unless the repo installs "pg_trgm". */
  record TrigramSimilarity(Expr left, Expr right) implements Expr {
    public TrigramSimilarity {
      Objects.requireNonNull(left, "left");
      Objects.requireNonNull(right, "right");
    }

    @Override
    public List<Expr> operands() {
      return List.of(left, right);
    }
  }

  /**
   * An attribute reached through to-one relationships ({@code belongs_to}, {@code has_one}), e.g. the author's name
   * of a post: {@code path(["author"], "name")}. Rendered as a correlated subquery, so it is NULL when there is no
   * related record; paths through to-many relationships are rejected (use {@link Exists} or an aggregate).
   *
   * @param relationships relationship names, from the queried resource outwards; not empty
   * @param attribute     the attribute of the last relationship's destination
   */
  record Path(List<String> relationships, String attribute) implements Expr {
    public Path {
      relationships = List.copyOf(relationships);
      Objects.requireNonNull(attribute, "attribute");
      if (relationships.isEmpty()) {
        throw new IllegalArgumentException("a relationship path needs at least one relationship; use attr(\""
            + attribute + "\") for an attribute of the queried resource");
      }
    }

    /** This path without its first relationship: an attribute when only one relationship is left. */
    public Expr rest() {
      return relationships.size() == 1 ? new Attr(attribute)
          : new Path(relationships.subList(1, relationships.size()), attribute);
    }
  }

  /**
   * Whether a related record exists (optionally one matching {@code filter}, an expression on the destination
   * resource): {@code EXISTS (SELECT 1 FROM destination WHERE <link> AND <filter>)}. Works for every relationship
   * kind; nest it for deeper paths: {@code exists("posts", exists("comments", attr("likes").gt(3)))}.
   *
   * @param relationship relationship name on the queried resource
   * @param filter       condition on the related records, or null for any
   */
  record Exists(String relationship, Expr filter) implements Expr {
    public Exists {
      Objects.requireNonNull(relationship, "relationship");
    }
  }

  /**
   * A named value the query defines besides its attributes: an aggregate ({@code Query.aggregate}) or an expression
   * calculation ({@code Query.calculate}). Resolved when the query is rendered.
   *
   * @param name the aggregate's or calculation's name
   */
  record Ref(String name) implements Expr {
    public Ref {
      Objects.requireNonNull(name, "name");
    }
  }

  /**
   * The value an upsert proposed for an attribute ({@code EXCLUDED."column"}): only in an upsert condition, where
   * {@link Attr} is the existing row's value (AshPostgres's {@code upsert_conflict(:field)}).
   *
   * @param attribute the attribute name
   */
  record Excluded(String attribute) implements Expr {
    public Excluded {
      Objects.requireNonNull(attribute, "attribute");
    }
  }

  /**
   * A call of one of the functions ashpg knows how to render with bind parameters for every value
   * ({@link Function}): string functions, {@code coalesce}, {@code now()} and time arithmetic.
   *
   * @param function which function
   * @param args     its arguments
   */
  record Call(Function function, List<Expr> args) implements Expr {
    public Call {
      Objects.requireNonNull(function, "function");
      args = List.copyOf(args);
      if (function.arity >= 0 && args.size() != function.arity) {
        throw new IllegalArgumentException(function.name().toLowerCase(java.util.Locale.ROOT) + " takes "
            + function.arity + " argument(s), got " + args.size());
      }
      if (function.arity < 0 && args.isEmpty()) {
        throw new IllegalArgumentException(function.name().toLowerCase(java.util.Locale.ROOT)
            + " takes at least one argument");
      }
    }

    @Override
    public List<Expr> operands() {
      return args;
    }
  }

  /** The functions of {@link Call}; a negative arity means one or more arguments. */
  enum Function {
    /** {@code length(text)}: characters. */
    LENGTH(1),
    /** {@code lower(text)}. */
    LOWER(1),
    /** {@code upper(text)}. */
    UPPER(1),
    /** {@code concat(a, b, …)}: nulls count as empty text (unlike {@code ||}). */
    CONCAT(-1),
    /** {@code starts_with(text, prefix)}. */
    STARTS_WITH(2),
    /** {@code coalesce(a, b, …)}: the first non-null argument. */
    COALESCE(-1),
    /** {@code now()}: the transaction's start time (a {@code timestamptz}). */
    NOW(0),
    /** {@code now() - amount * interval '1 unit'}: a {@code timestamptz} in the past (Ash's {@code ago}). */
    AGO(2),
    /** {@code now() + amount * interval '1 unit'}: a {@code timestamptz} in the future (Ash's {@code from_now}). */
    FROM_NOW(2);

    final int arity;

    Function(int arity) {
      this.arity = arity;
    }
  }

  /**
   * {@code CASE WHEN c1 THEN v1 WHEN c2 THEN v2 … ELSE otherwise END}: Ash's {@code if} (one branch) and
   * {@code cond} (several).
   *
   * @param conditions the conditions, in order
   * @param values     the value of each condition
   * @param otherwise  the value when none holds (a null {@link Value} for SQL NULL)
   */
  record Cond(List<Expr> conditions, List<Expr> values, Expr otherwise) implements Expr {
    public Cond {
      conditions = List.copyOf(conditions);
      values = List.copyOf(values);
      Objects.requireNonNull(otherwise, "otherwise");
      if (conditions.isEmpty() || conditions.size() != values.size()) {
        throw new IllegalArgumentException("cond needs one value per condition and at least one condition, got "
            + conditions.size() + " condition(s) and " + values.size() + " value(s)");
      }
    }

    @Override
    public List<Expr> operands() {
      List<Expr> all = new ArrayList<>(conditions);
      all.addAll(values);
      all.add(otherwise);
      return all;
    }
  }

  /**
   * The value at a path inside a jsonb (map) value, as jsonb ({@code json #> ?::text[]}), or as text with
   * {@code asText} ({@code json #>> ?::text[]}); the path is one bind parameter. Ash's {@code get_path}.
   *
   * @param json   the jsonb expression, e.g. an attribute of type map
   * @param path   keys (and array indexes as text) from the outside in
   * @param asText whether to read the value as text
   */
  record JsonPath(Expr json, List<String> path, boolean asText) implements Expr {
    public JsonPath {
      Objects.requireNonNull(json, "json");
      path = List.copyOf(path);
      if (path.isEmpty()) {
        throw new IllegalArgumentException("get_path needs at least one key");
      }
    }

    @Override
    public List<Expr> operands() {
      return List.of(json);
    }
  }

  /** {@code value} itself if it is an expression, otherwise a {@link Value} holding it. */
  static Expr of(Object value) {
    return value instanceof Expr e ? e : new Value(value);
  }

  /** {@code this = value}. */
  default Expr eq(Object value) {
    return new Compare(CompareOp.EQ, this, of(value));
  }

  /** {@code this <> value}. */
  default Expr ne(Object value) {
    return new Compare(CompareOp.NE, this, of(value));
  }

  /** {@code this < value}. */
  default Expr lt(Object value) {
    return new Compare(CompareOp.LT, this, of(value));
  }

  /** {@code this <= value}. */
  default Expr le(Object value) {
    return new Compare(CompareOp.LE, this, of(value));
  }

  /** {@code this > value}. */
  default Expr gt(Object value) {
    return new Compare(CompareOp.GT, this, of(value));
  }

  /** {@code this >= value}. */
  default Expr ge(Object value) {
    return new Compare(CompareOp.GE, this, of(value));
  }

  /** {@code this = ANY(values)}. */
  default Expr in(Collection<?> values) {
    return new In(this, new ArrayList<>(values));
  }

  /** {@code this = ANY(values)}. */
  default Expr in(Object... values) {
    return new In(this, Arrays.asList(values));
  }

  /** {@code this IS NULL}. */
  default Expr isNil() {
    return new IsNil(this, true);
  }

  /** {@code this IS NOT NULL}. */
  default Expr notNil() {
    return new IsNil(this, false);
  }

  /** Whether this text contains {@code part}. */
  default Expr contains(Object part) {
    return new Contains(this, of(part));
  }

  /** {@code this LIKE pattern}. */
  default Expr like(Object pattern) {
    return new Like(this, of(pattern), false);
  }

  /** {@code this ILIKE pattern}. */
  default Expr ilike(Object pattern) {
    return new Like(this, of(pattern), true);
  }

  /** {@code this + other}. */
  default Expr plus(Object other) {
    return new Arith(ArithOp.ADD, this, of(other));
  }

  /** {@code this - other}. */
  default Expr minus(Object other) {
    return new Arith(ArithOp.SUB, this, of(other));
  }

  /** {@code this * other}. */
  default Expr times(Object other) {
    return new Arith(ArithOp.MUL, this, of(other));
  }

  /** {@code this / other}. */
  default Expr dividedBy(Object other) {
    return new Arith(ArithOp.DIV, this, of(other));
  }

  /** String concatenation {@code this || other}. */
  default Expr concat(Object other) {
    return new Arith(ArithOp.CONCAT, this, of(other));
  }

  /** {@code this AND other}. */
  default Expr and(Expr other) {
    return new And(List.of(this, other));
  }

  /** {@code this OR other}. */
  default Expr or(Expr other) {
    return new Or(List.of(this, other));
  }

  /** {@code NOT this}. */
  default Expr not() {
    return new Not(this);
  }
}
