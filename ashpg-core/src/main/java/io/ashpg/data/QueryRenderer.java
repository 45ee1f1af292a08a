package io.ashpg.data;

import io.ashpg.error.InvalidQueryException;
import io.ashpg.sql.Expr;
import io.ashpg.sql.ExprRenderer;
import io.ashpg.sql.RenderContext;
import io.ashpg.sql.Sql;
import io.ashpg.sql.SqlBuilder;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;

/**
 * Renders {@link Query}s into SELECT and count statements:
 * {@code SELECT [DISTINCT [ON (…)]] t0."a", … FROM "schema"."table" AS t0 WHERE (<base filter>) AND <filter>
 * [AND <keyset>] ORDER BY … LIMIT n OFFSET ? FOR UPDATE OF t0 [NOWAIT|SKIP LOCKED]}.
 */
final class QueryRenderer {
  static final String ALIAS = "t0";

  private QueryRenderer() {}

  /**
   * A rendered read.
   *
   * @param sql     the statement
   * @param columns the layout of its result rows
   * @param reverse whether the rows come back in reverse order (paging backwards) and must be flipped
   */
  record Select(Sql sql, Columns columns, boolean reverse) {}

  static Select select(Model m, Query q) {
    SqlBuilder b = new SqlBuilder();
    Columns columns = columns(m, q);
    boolean reverse = q.before().isPresent();
    select(b, m, q, columns, true);
    return new Select(b.build(), columns, reverse);
  }

  /** The result layout of {@code q}: its attributes, then its aggregates and calculations by name. */
  static Columns columns(Model m, Query q) {
    if (q.aggregates().isEmpty() && q.calculations().isEmpty()) {
      return m.columns(q.select());
    }
    QueryScope scope = QueryScope.of(m, q, ALIAS);
    List<String> extras = scope.extraNames();
    return m.columns(q.select()).withExtras(extras, extras.stream().map(scope::refType).toList());
  }

  static Sql count(Model m, Query q) {
    SqlBuilder b = new SqlBuilder();
    if (q.isDistinct() || !q.distinctOn().isEmpty() || q.limit().isPresent() || q.offset().isPresent()
        || q.keyset()) {
      b.append("SELECT count(*) FROM (");
      select(b, m, q, m.columns(q.select()), false);
      b.append(") AS c");
    } else {
      b.append("SELECT count(*)");
      from(b, m, QueryScope.of(m, q, ALIAS));
      where(b, m, q);
    }
    return b.build();
  }

  /**
   * A combination: {@code SELECT t0.… FROM ((SELECT …) UNION (SELECT …) …) AS t0 ORDER BY … LIMIT n OFFSET ?}. Every
   * part selects the base part's attribute columns; {@code models} are the parts' tables (tenants may differ).
   */
  static Select combination(List<Model> models, List<Query> parts, Combination c) {
    Model m = models.get(0);
    Columns columns = m.columns(parts.get(0).select());
    SqlBuilder b = new SqlBuilder().append("SELECT ");
    selectList(b, m, columns);
    b.append(" FROM (");
    for (int i = 0; i < parts.size(); i++) {
      if (i > 0) {
        b.append(' ').append(c.parts().get(i).operator().sql()).append(' ');
      }
      b.append('(');
      select(b, models.get(i), parts.get(i), columns, false);
      b.append(')');
    }
    b.append(") AS ").append(ALIAS);
    orderBy(b, m.context(ALIAS), c.sort());
    c.limit().ifPresent(l -> limit(b, l));
    c.offset().ifPresent(o -> b.append(" OFFSET ").bind(o));
    return new Select(b.build(), columns, false);
  }

  /** The primary-key subquery of {@code q}, for updates and deletes of a query with limit, sort or distinct. */
  static void keySubquery(SqlBuilder b, Model m, Query q) {
    List<String> pk = m.primaryKey.stream().map(a -> a.name()).toList();
    select(b, m, q, m.columns(pk), true);
  }

  static void select(SqlBuilder b, Model m, Query q, Columns columns, boolean withLock) {
    select(b, m, q, columns, withLock, null);
  }

  /**
   * What a relationship load adds to a plain select (see {@link RelationshipLoader}): the parent key as one more
   * column after the others, and for many to many the join that brings it in, rendered right after FROM and the
   * aggregates' joins.
   *
   * @param column trusted SQL naming the key, e.g. {@code t0."post_id"}
   * @param join   appends the join (with its bind parameters), or does nothing
   */
  record LoadKey(String column, java.util.function.Consumer<SqlBuilder> join) {}

  /** {@link #select(SqlBuilder, Model, Query, Columns, boolean)} reading {@code key} too, unless it is null. */
  static void select(SqlBuilder b, Model m, Query q, Columns columns, boolean withLock, LoadKey key) {
    QueryScope scope = QueryScope.of(m, q, ALIAS);
    List<Sort> sorts = effectiveSort(q);
    boolean distinctOn = !q.distinctOn().isEmpty();
    if (q.lock().isPresent() && withLock && (q.isDistinct() || distinctOn)) {
      throw new InvalidQueryException("query of resource " + m.name()
          + ": PostgreSQL does not allow row locks together with DISTINCT; drop one of them", null);
    }
    if (distinctOn && !startsWith(sorts, q.distinctOn())) {
      if (key != null) {
        throw new IllegalStateException("loads with DISTINCT ON read per parent, not through a load key");
      }
      if (scope.hasExtras()) {
        throw new InvalidQueryException("query of resource " + m.name() + ": DISTINCT ON with a different sort is"
            + " rendered as a subquery, which does not carry aggregates or calculations; sort by "
            + q.distinctOn() + " first or drop the aggregates/calculations", null);
      }
      // DISTINCT ON keeps the first row per group in ORDER BY order, and ORDER BY must start with the distinct
      // keys; to honour a different sort, pick the rows inside and sort them outside (as AshPostgres does).
      b.append("SELECT ");
      selectList(b, m, columns);
      b.append(" FROM (SELECT DISTINCT ON (");
      attributeList(b, m, q.distinctOn());
      b.append(") ").append(ALIAS).append(".* FROM ").append(m.qualifiedTable).append(" AS ").append(ALIAS);
      where(b, m, q);
      b.append(" ORDER BY ");
      attributeList(b, m, q.distinctOn());
      for (Sort s : sorts) {
        b.append(", ");
        sortKey(b, scope, s);
      }
      b.append(") AS ").append(ALIAS);
      orderBy(b, scope, sorts);
    } else {
      b.append("SELECT ");
      if (distinctOn) {
        b.append("DISTINCT ON (");
        attributeList(b, m, q.distinctOn());
        b.append(") ");
      } else if (q.isDistinct()) {
        b.append("DISTINCT ");
      }
      selectList(b, m, columns);
      if (columns.attributeCount() < columns.size()) {
        scope.extraSelects(b);
      }
      if (key != null) {
        b.append(", ").append(key.column());
      }
      from(b, m, scope);
      if (key != null) {
        key.join().accept(b);
      }
      where(b, m, q);
      orderBy(b, scope, sorts);
    }
    q.limit().ifPresent(l -> limit(b, l));
    q.offset().ifPresent(o -> b.append(" OFFSET ").bind(o));
    if (withLock) {
      q.lock().ifPresent(l -> b.append(' ').append(l.strength().sql()).append(" OF ").append(ALIAS)
          .append(l.waitPolicy().sql()));
    }
  }

  /**
   * {@code LIMIT n} with {@code n} as a literal, not a bind parameter: with {@code LIMIT $n} PostgreSQL's generic plan
   * assumes a large limit, so a prepared statement never switches to it and is re-planned on every execution. The
   * value is a Java int that {@link Query#limit} and {@link Combination#limit} reject below zero (checked again
   * here), so the literal cannot carry SQL; the number of distinct texts is the number of distinct limits.
   */
  private static void limit(SqlBuilder b, int limit) {
    if (limit < 0) {
      throw new IllegalArgumentException("limit must be >= 0, was " + limit);
    }
    b.append(" LIMIT ").append(Integer.toString(limit));
  }

  /** The sort as rendered: the keyset order when paging by cursor, reversed when paging backwards. */
  private static List<Sort> effectiveSort(Query q) {
    if (!q.keyset()) {
      // The key is appended only on request (stable()): the first page of a keyset walk needs the same total order
      // as the pages after it, but a plain sort + limit should use the plan its sort alone gets.
      return q.isStable() ? q.sortWithKey() : q.sort();
    }
    List<Sort> keys = q.keysetSort();
    if (q.before().isEmpty()) {
      return keys;
    }
    List<Sort> reversed = new ArrayList<>(keys.size());
    for (Sort s : keys) {
      reversed.add(s.reversed());
    }
    return reversed;
  }

  private static boolean startsWith(List<Sort> sorts, List<String> attributes) {
    if (sorts.isEmpty()) {
      return true;
    }
    if (sorts.size() < attributes.size()) {
      return false;
    }
    HashSet<String> leading = new HashSet<>();
    for (int i = 0; i < attributes.size(); i++) {
      leading.add(sorts.get(i).attribute());
    }
    return leading.equals(new HashSet<>(attributes));
  }

  /** {@code FROM "schema"."table" AS t0}, then the joins of the query's aggregates. */
  static void from(SqlBuilder b, Model m, QueryScope scope) {
    b.append(" FROM ").append(m.qualifiedTable).append(" AS ").append(ALIAS);
    scope.aggregateJoins(b);
  }

  /** The attribute columns of {@code columns}. */
  static void selectList(SqlBuilder b, Model m, Columns columns) {
    b.append(m.selectList(columns));
  }

  private static void attributeList(SqlBuilder b, Model m, List<String> attributes) {
    for (int i = 0; i < attributes.size(); i++) {
      if (i > 0) {
        b.append(", ");
      }
      b.append(m.column(ALIAS, attributes.get(i)));
    }
  }

  static void where(SqlBuilder b, Model m, Query q) {
    List<Expr> conditions = new ArrayList<>();
    q.filter().ifPresent(conditions::add);
    if (q.keyset()) {
      conditions.add(keysetCondition(m, q));
    }
    where(b, m, QueryScope.of(m, q, ALIAS), conditions);
  }

  /** {@code WHERE (<base filter>) AND c1 AND c2 …}, or nothing. */
  static void where(SqlBuilder b, Model m, List<Expr> conditions) {
    where(b, m, m.context(ALIAS), conditions);
  }

  /** {@code WHERE (<base filter>) AND c1 AND c2 …} with the conditions rendered in {@code ctx}, or nothing. */
  static void where(SqlBuilder b, Model m, RenderContext ctx, List<Expr> conditions) {
    boolean first = true;
    if (m.baseFilter != null) {
      b.append(" WHERE (").append(m.baseFilter).append(')');
      first = false;
    }
    for (Expr c : conditions) {
      b.append(first ? " WHERE " : " AND ");
      first = false;
      boolean wrap = c instanceof Expr.Or;
      if (wrap) {
        b.append('(');
      }
      ExprRenderer.render(c, b, ctx);
      if (wrap) {
        b.append(')');
      }
    }
  }

  private static void orderBy(SqlBuilder b, RenderContext ctx, List<Sort> sorts) {
    if (sorts.isEmpty()) {
      return;
    }
    b.append(" ORDER BY ");
    for (int i = 0; i < sorts.size(); i++) {
      if (i > 0) {
        b.append(", ");
      }
      sortKey(b, ctx, sorts.get(i));
    }
  }

  /** One ORDER BY key: {@code <expr> ASC|DESC [NULLS FIRST|LAST]}. */
  static void sortKey(SqlBuilder b, RenderContext ctx, Sort s) {
    ExprRenderer.render(s.expr(), b, ctx);
    b.append(s.descending() ? " DESC" : " ASC");
    if (s.nulls() != Sort.Nulls.DEFAULT) {
      b.append(s.nulls() == Sort.Nulls.FIRST ? " NULLS FIRST" : " NULLS LAST");
    }
  }

  /**
   * Rows strictly after (or before) the cursor in keyset order:
   * {@code (k1 > ?) OR (k1 = ? AND k2 > ?) OR …}, with {@code <} for descending keys. Values come back from the
   * cursor's text and are converted by attribute type like any filter value.
   */
  private static Expr keysetCondition(Model m, Query q) {
    Cursor cursor = q.after().or(q::before).orElseThrow();
    boolean forward = q.after().isPresent();
    List<Sort> keys = q.keysetSort();
    Map<String, String> values = cursor.values();
    if (!values.keySet().equals(new java.util.LinkedHashSet<>(keys.stream().map(Sort::attribute).toList()))) {
      throw new InvalidQueryException("cursor of resource " + m.name() + " holds " + values.keySet()
          + " but the query's keyset order is " + keys.stream().map(Sort::attribute).toList()
          + "; build the cursor with Cursor.of(row, query) for the same sort", null);
    }
    List<Expr> alternatives = new ArrayList<>();
    for (int i = 0; i < keys.size(); i++) {
      List<Expr> parts = new ArrayList<>();
      for (int j = 0; j <= i; j++) {
        Sort s = keys.get(j);
        String v = values.get(s.attribute());
        if (v == null) {
          throw new InvalidQueryException("keyset pagination of resource " + m.name() + ": the cursor's '"
              + s.attribute() + "' is null; sort keys used for keyset pagination must not be null", null);
        }
        Expr attr = new Expr.Attr(s.attribute());
        if (j < i) {
          parts.add(attr.eq(v));
        } else {
          parts.add(s.descending() == forward ? attr.lt(v) : attr.gt(v));
        }
      }
      alternatives.add(parts.size() == 1 ? parts.get(0) : new Expr.And(parts));
    }
    return alternatives.size() == 1 ? alternatives.get(0) : new Expr.Or(alternatives);
  }
}
