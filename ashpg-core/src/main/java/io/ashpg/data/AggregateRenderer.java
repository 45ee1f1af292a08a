package io.ashpg.data;

import io.ashpg.error.InvalidQueryException;
import io.ashpg.resource.ManyToMany;
import io.ashpg.resource.Relationship;
import io.ashpg.resource.Resource;
import io.ashpg.resource.Type;
import io.ashpg.sql.Expr;
import io.ashpg.sql.ExprRenderer;
import io.ashpg.sql.PgTypes;
import io.ashpg.sql.RenderContext;
import io.ashpg.sql.SqlBuilder;
import java.util.List;
import java.util.Optional;

/**
 * Renders the body of one aggregate's subquery. Lateral, once per row: {@code SELECT <agg> AS v FROM destination AS
 * r1 WHERE <link> [AND <tenant>] [AND <filter>]} — without GROUP BY, so there is always exactly one row (NULL or 0
 * when there are no related records), which the outer {@code coalesce} turns into the default. Grouped, for counts
 * that allow it ({@link QueryScope#aggregateJoins}): one row per parent that has related records.
 */
final class AggregateRenderer {
  private AggregateRenderer() {}

  static void render(String name, Aggregate a, QueryScope scope, SqlBuilder b) {
    try {
      RenderContext.Related related = over(a, scope);
      RenderContext dest = related.destination();
      if (a.kind() == Aggregate.Kind.EXISTS) {
        b.append("SELECT EXISTS (SELECT 1");
        fromAndFilter(a, related, b);
        b.append(") AS v");
        return;
      }
      b.append("SELECT ");
      function(a, dest, b);
      b.append(" AS v");
      fromAndFilter(a, related, b);
    } catch (InvalidQueryException | IllegalArgumentException e) {
      throw error(name, a, scope, e);
    }
  }

  /**
   * Renders the body of a grouped aggregate join (see {@link QueryScope#aggregateJoins}): {@code SELECT <key> AS k,
   * <agg> AS v FROM destination AS r1 [WHERE …] GROUP BY <key>} — one row per parent that has related rows.
   */
  static void renderGrouped(String name, Aggregate a, QueryScope scope, SqlBuilder b) {
    try {
      QueryScope.Grouped grouped = scope.grouped(a);
      b.append("SELECT ").append(grouped.key()).append(" AS k, ");
      function(a, grouped.destination(), b);
      b.append(" AS v");
      grouped.from().accept(b);
      b.append(" GROUP BY ").append(grouped.key());
    } catch (InvalidQueryException | IllegalArgumentException e) {
      throw error(name, a, scope, e);
    }
  }

  /**
   * Renders the body of a simple-join first aggregate: {@code SELECT <key> AS k, <field> AS v FROM destination AS r1
   * [WHERE …]} — the related rows themselves, no aggregation, which PostgreSQL joins to the parents like a table.
   */
  static void renderSimpleJoin(String name, Aggregate a, QueryScope scope, SqlBuilder b) {
    try {
      QueryScope.Grouped joined = scope.grouped(a, false);
      b.append("SELECT ").append(joined.key()).append(" AS k, ").append(joined.destination().column(a.field()))
          .append(" AS v");
      joined.from().accept(b);
    } catch (InvalidQueryException | IllegalArgumentException e) {
      throw error(name, a, scope, e);
    }
  }

  /**
   * Whether aggregate {@code name} joins its related row plainly (AshPostgres' {@code simple_join_first_aggregates}):
   * the resource lists it, and it must then be a first aggregate over a relationship linked by one attribute. The
   * join is faster than the lateral {@code (array_agg(…))[1]} per row, and means the same as long as at most one
   * related row matches each parent — which is what listing it promises (more would repeat the parent row).
   *
   * @throws InvalidQueryException when a listed name is another kind of aggregate or runs over a many-to-many
   */
  static boolean simpleJoin(String name, Aggregate a, Resource resource) {
    if (a.relationship() == null) {
      return false; // an unrelated aggregate has no key to join on
    }
    Optional<Relationship> rel = resource.relationship(a.relationship());
    if (!resource.postgres().simpleJoinFirstAggregates().contains(name) || rel.isEmpty()) {
      return false; // an unknown relationship is reported by the lateral rendering
    }
    if (a.kind() != Aggregate.Kind.FIRST) {
      throw new InvalidQueryException("aggregate '" + name + "' of " + resource.name() + " is a "
          + a.kind().name().toLowerCase(java.util.Locale.ROOT) + " aggregate, but the resource lists it in"
          + " simpleJoinFirstAggregates, which only first aggregates can use; rename the aggregate or drop it from"
          + " the list", null);
    }
    if (rel.get() instanceof ManyToMany) {
      throw new InvalidQueryException("aggregate '" + name + "' of " + resource.name() + " runs over the"
          + " many-to-many relationship " + a.relationship() + ", which cannot be joined plainly; drop it from"
          + " simpleJoinFirstAggregates", null);
    }
    return true;
  }

  /**
   * Whether aggregate {@code a} of query {@code q} (on {@code resource}) joins grouped rather than laterally. Only
   * when both give the same values: a count (no related rows is 0 either way) without a default of its own (which a
   * missing group would show but a lateral count never does), over a relationship linked by one attribute (many to
   * many stays an EXISTS per row), in a query that reads every row its filter selects (no limit, offset or cursor)
   * and whose filter can be repeated to choose the parents (no aggregates, calculations or raw SQL fragments, which
   * may be volatile, in it).
   */
  static boolean groupable(Aggregate a, Resource resource, Query q) {
    if (a.kind() != Aggregate.Kind.COUNT || a.defaultValue() != null || a.relationship() == null) {
      return false;
    }
    Optional<Relationship> rel = resource.relationship(a.relationship());
    return rel.isPresent() && !(rel.get() instanceof ManyToMany) && q.limit().isEmpty() && q.offset().isEmpty()
        && !q.keyset() && q.filter().map(AggregateRenderer::repeatable).orElse(true);
  }

  /** Whether {@code e} means the same wherever it is evaluated: no aggregate or calculation, no raw SQL. */
  static boolean repeatable(Expr e) {
    if (e instanceof Expr.Ref || e instanceof Expr.Fragment || e instanceof Expr.Parent) {
      return false;
    }
    if (e instanceof Expr.Exists x) {
      return x.filter() == null || repeatable(x.filter());
    }
    return e.operands().stream().allMatch(AggregateRenderer::repeatable);
  }

  /** The type of the aggregate's value: counts are integers, averages floats, lists arrays of the field's type. */
  static Type type(String name, Aggregate a, QueryScope scope) {
    try {
      return switch (a.kind()) {
        case COUNT -> Type.INTEGER;
        case EXISTS -> Type.BOOLEAN;
        case AVG -> Type.FLOAT;
        case LIST -> Type.arrayOf(over(a, scope).destination().type(a.field()));
        case SUM, MIN, MAX, FIRST -> over(a, scope).destination().type(a.field());
      };
    } catch (InvalidQueryException | IllegalArgumentException e) {
      throw error(name, a, scope, e);
    }
  }

  /** Errors name the aggregate, its kind and the relationship it runs over. */
  private static InvalidQueryException error(String name, Aggregate a, QueryScope scope, RuntimeException e) {
    return new InvalidQueryException("aggregate '" + name + "' (" + a.kind().name().toLowerCase(java.util.Locale.ROOT)
        + " over " + (a.relationship() != null ? scope.model().name() + "." + a.relationship() : a.over()) + "): "
        + e.getMessage(), e);
  }

  /** The rows the aggregate runs over: its relationship's destination, or the unrelated resource's table. */
  private static RenderContext.Related over(Aggregate a, QueryScope scope) {
    return a.relationship() != null ? scope.related(a.relationship()) : scope.unrelated(a.resource());
  }

  private static void fromAndFilter(Aggregate a, RenderContext.Related related, SqlBuilder b) {
    related.from().accept(b);
    if (a.filter() != null) {
      b.append(" AND (");
      ExprRenderer.render(a.filter(), b, related.destination(), Type.BOOLEAN);
      b.append(')');
    }
  }

  private static void function(Aggregate a, RenderContext dest, SqlBuilder b) {
    String distinct = a.distinctValues() ? "DISTINCT " : "";
    switch (a.kind()) {
      case COUNT -> {
        if (a.field() == null) {
          b.append("count(*)");
        } else {
          b.append("count(").append(distinct).append(dest.column(a.field())).append(')');
        }
      }
      // sum(bigint) is numeric in PostgreSQL; cast back so the value reads as the field's type (as in Ash).
      case SUM -> b.append("(sum(").append(distinct).append(dest.column(a.field())).append("))::")
          .append(PgTypes.exact(dest.type(a.field())));
      case MIN -> b.append("min(").append(dest.column(a.field())).append(')');
      case MAX -> b.append("max(").append(dest.column(a.field())).append(')');
      case AVG -> b.append("(avg(").append(distinct).append(dest.column(a.field())).append("))::float8");
      case FIRST -> {
        b.append('(');
        arrayAgg(a, dest, b);
        b.append(")[1]");
      }
      case LIST -> arrayAgg(a, dest, b);
      case EXISTS -> throw new IllegalStateException("exists is rendered as EXISTS (…)");
    }
  }

  /** {@code array_agg([DISTINCT] x [ORDER BY …]) [FILTER (WHERE x IS NOT NULL)]}. */
  private static void arrayAgg(Aggregate a, RenderContext dest, SqlBuilder b) {
    String column = dest.column(a.field());
    b.append("array_agg(").append(a.distinctValues() ? "DISTINCT " : "").append(column);
    List<Sort> sort = a.sort();
    if (!sort.isEmpty()) {
      b.append(" ORDER BY ");
      for (int i = 0; i < sort.size(); i++) {
        if (i > 0) {
          b.append(", ");
        }
        QueryRenderer.sortKey(b, dest, sort.get(i));
      }
    }
    b.append(')');
    if (!a.keepNil()) {
      b.append(" FILTER (WHERE ").append(column).append(" IS NOT NULL)");
    }
  }
}
