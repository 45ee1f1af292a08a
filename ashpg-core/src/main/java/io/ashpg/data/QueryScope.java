package io.ashpg.data;

import io.ashpg.resource.ManyToMany;
import io.ashpg.resource.Relationship;
import io.ashpg.resource.Resource;
import io.ashpg.resource.Type;
import io.ashpg.sql.Expr;
import io.ashpg.sql.ExprRenderer;
import io.ashpg.sql.Identifier;
import io.ashpg.sql.RenderContext;
import io.ashpg.sql.SqlBuilder;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The rendering context of one table in a read: its columns under an alias, its relationships (for paths,
 * {@code exists} and aggregates, each a correlated subquery under the next alias {@code r1}, {@code r2}, …), and the
 * query's aggregates and calculations. Destination tables are resolved exactly as relationship loads resolve them:
 * the relationship's context table (polymorphic resources), the tenant's schema for context multitenancy and
 * {@code tenant_attr = ?} for attribute multitenancy, plus the destination's base filter.
 */
final class QueryScope implements RenderContext {
  private final Model m;
  private final String alias;
  private final Optional<String> tenant;
  private final int depth;
  private final Map<String, Aggregate> aggregates;
  private final Map<String, Calculation> calculations;
  /** The query read in this scope (top level), or null: which rows the aggregates are computed for. */
  private final Query query;
  /** The data layer's tenant value the tenant was mapped from, or null. */
  private final TenantValue tenantValue;

  QueryScope(Model m, String alias, Optional<String> tenant, int depth, Map<String, Aggregate> aggregates,
             Map<String, Calculation> calculations) {
    this(m, alias, tenant, depth, aggregates, calculations, null, null);
  }

  private QueryScope(Model m, String alias, Optional<String> tenant, int depth, Map<String, Aggregate> aggregates,
                     Map<String, Calculation> calculations, Query query, TenantValue tenantValue) {
    this.tenantValue = tenantValue;
    this.m = m;
    this.alias = alias;
    this.tenant = tenant;
    this.depth = depth;
    this.aggregates = aggregates;
    this.calculations = calculations;
    this.query = query;
  }

  /** The scope of query {@code q} on {@code m} at the top level. */
  static QueryScope of(Model m, Query q, String alias) {
    return new QueryScope(m, alias, q.tenant(), 0, q.aggregates(), q.calculations(), q, q.tenantValue());
  }

  Model model() {
    return m;
  }

  @Override
  public String column(String attribute) {
    return m.column(alias, attribute);
  }

  @Override
  public Type type(String attribute) {
    return m.attribute(attribute).type();
  }

  @Override
  public boolean extensionInstalled(String extension) {
    return m.extensionInstalled(extension);
  }

  @Override
  public String describe() {
    return m.describe();
  }

  @Override
  public Related related(String name) {
    Relationship rel = m.resource.relationship(name).orElseThrow(() -> new IllegalArgumentException(
        describe() + " has no relationship '" + name + "'"));
    if (m.layer == null) {
      return RenderContext.super.related(name);
    }
    Destination d = destination(rel);
    List<Expr> conditions = new ArrayList<>();
    conditions.add(link(rel, d.scope().m, d.scope().alias, d.scope().tenant));
    d.tenantCondition().ifPresent(conditions::add);
    return new Related(rel.toMany(), d.scope(), out -> {
      out.append(" FROM ").append(d.scope().m.qualifiedTable).append(" AS ").append(d.scope().alias);
      QueryRenderer.where(out, d.scope().m, d.scope(), conditions);
    });
  }

  /**
   * The destination table of a relationship as subqueries read it: its scope under the next alias {@code rN}, and
   * the tenant attribute condition when it has attribute multitenancy.
   */
  private record Destination(QueryScope scope, Optional<Expr> tenantCondition) {}

  private Destination destination(Relationship rel) {
    Resource dest = m.layer.domain().destination(m.resource, rel);
    // a tenant value maps to each resource by its strategy (a schema here, an attribute value there)
    Optional<String> destTenant = tenantValue != null ? tenantValue.of(dest)
        : tenant.filter(t -> dest.multitenancy().isPresent());
    Model dm = m.layer.model(dest, destTenant, rel.contextTable());
    QueryScope inner = new QueryScope(dm, "r" + (depth + 1), destTenant, depth + 1, Map.of(), Map.of(), null,
        tenantValue);
    return new Destination(inner, TenantScope.attributeCondition(dest, destTenant));
  }

  /**
   * The grouped source of aggregate {@code a} (see {@link #aggregateJoins}): the destination rows of every parent
   * the query reads, grouped by their link attribute.
   *
   * @param destination the destination's rendering context
   * @param key         the link column of the destination, e.g. {@code r1."post_id"}
   * @param from        appends {@code FROM <destination> AS r1 [WHERE …]}: the destination's base filter, the
   *                    parents (when the query filters them), the tenant and the aggregate's filter
   */
  record Grouped(RenderContext destination, String key, Consumer<SqlBuilder> from) {}

  Grouped grouped(Aggregate a) {
    return grouped(a, true);
  }

  /**
   * The source of aggregate {@code a} joined to every row at once; with {@code onlyQueriedParents} restricted to the
   * destination rows of the parents the query reads (worth it before a GROUP BY, not for a plain join).
   */
  Grouped grouped(Aggregate a, boolean onlyQueriedParents) {
    Relationship rel = m.resource.relationship(a.relationship()).orElseThrow();
    Destination d = destination(rel);
    QueryScope dest = d.scope();
    String key = dest.column(rel.destinationAttribute());
    List<Consumer<SqlBuilder>> conditions = new ArrayList<>();
    if (dest.m.baseFilter != null) {
      conditions.add(out -> out.append('(').append(dest.m.baseFilter).append(')'));
    }
    if (onlyQueriedParents && (query.filter().isPresent() || m.baseFilter != null)) {
      // Only the parents the query can read: the same table, filter and tenant under their own alias.
      QueryScope parents = new QueryScope(m, "p" + (depth + 1), tenant, depth + 1, Map.of(), Map.of(), null,
          tenantValue);
      conditions.add(out -> {
        out.append(key).append(" IN (SELECT ").append(parents.column(rel.sourceAttribute())).append(" FROM ")
            .append(m.qualifiedTable).append(" AS ").append(parents.alias);
        QueryRenderer.where(out, m, parents, query.filter().map(List::of).orElse(List.of()));
        out.append(')');
      });
    }
    d.tenantCondition().ifPresent(c -> conditions.add(out -> ExprRenderer.render(c, out, dest)));
    if (a.filter() != null) {
      conditions.add(out -> {
        out.append('(');
        ExprRenderer.render(a.filter(), out, dest, Type.BOOLEAN);
        out.append(')');
      });
    }
    return new Grouped(dest, key, out -> {
      out.append(" FROM ").append(dest.m.qualifiedTable).append(" AS ").append(dest.alias);
      for (int i = 0; i < conditions.size(); i++) {
        out.append(i == 0 ? " WHERE " : " AND ");
        conditions.get(i).accept(out);
      }
    });
  }

  /**
   * How a destination row matches this row: its destination attribute equals our source attribute, or (many to
   * many) a row of the join table links the two. The column references are trusted SQL built from validated,
   * quoted identifiers.
   */
  private Expr link(Relationship rel, Model dm, String destAlias, Optional<String> destTenant) {
    String source = m.column(alias, rel.sourceAttribute());
    if (rel instanceof ManyToMany mm) {
      Resource through = m.layer.domain().through(m.resource, mm);
      Model j = m.layer.model(through, destTenant.filter(t -> through.multitenancy().isPresent()), Optional.empty());
      String joinAlias = "j" + (depth + 1);
      return new Expr.Fragment("EXISTS (SELECT 1 FROM " + j.qualifiedTable + " AS " + joinAlias + " WHERE "
          + j.column(joinAlias, mm.destinationAttributeOnJoinResource()) + " = "
          + dm.column(destAlias, mm.destinationAttribute()) + " AND "
          + j.column(joinAlias, mm.sourceAttributeOnJoinResource()) + " = " + source + ")", List.of());
    }
    return new Expr.Attr(rel.destinationAttribute()).eq(new Expr.Fragment(source, List.of()));
  }

  @Override
  public void ref(String name, SqlBuilder out) {
    Calculation calc = calculations.get(name);
    if (calc != null) {
      out.append('(');
      ExprRenderer.render(calc.expr(), out, this, calc.type());
      out.append(')');
      return;
    }
    Aggregate aggregate = aggregates.get(name);
    if (aggregate == null) {
      RenderContext.super.ref(name, out);
      return;
    }
    // A missing default stays NULL, except that counts are 0 and exists is false without one.
    Object dflt = aggregate.defaultValue() != null ? aggregate.defaultValue()
        : aggregate.kind() == Aggregate.Kind.COUNT ? (Object) 0L
        : aggregate.kind() == Aggregate.Kind.EXISTS ? (Object) Boolean.FALSE : null;
    String value = aggregateAlias(name) + ".v";
    if (dflt == null) {
      out.append(value);
      return;
    }
    out.append("coalesce(").append(value).append(", ");
    ExprRenderer.render(new Expr.Value(dflt), out, this, refType(name));
    out.append(')');
  }

  @Override
  public Type refType(String name) {
    Calculation calc = calculations.get(name);
    if (calc != null) {
      return calc.type() != null ? calc.type() : ExprRenderer.typeOf(calc.expr(), this);
    }
    Aggregate aggregate = aggregates.get(name);
    if (aggregate == null) {
      return null;
    }
    return AggregateRenderer.type(name, aggregate, this);
  }

  /** The alias of an aggregate's lateral subquery: by position, so user names never reach the SQL as aliases. */
  String aggregateAlias(String name) {
    return "ag" + new ArrayList<>(aggregates.keySet()).indexOf(name);
  }

  /**
   * The join of every aggregate: {@code LEFT JOIN LATERAL (…) AS agN ON TRUE}, one subquery per row; for a first
   * aggregate the resource lists in {@code simpleJoinFirstAggregates} a plain join ({@code LEFT JOIN (SELECT <key> AS
   * k, <field> AS v FROM …) AS agN ON agN.k = <source>}, see {@link AggregateRenderer#simpleJoin}); or for a count
   * that can be grouped {@code LEFT JOIN (SELECT <key> AS k, count(…) AS v FROM … GROUP BY <key>) AS agN ON agN.k =
   * <source>}, which PostgreSQL computes for all rows in one pass (a hash aggregate) instead of probing the
   * destination once per row — or, without an index on the key, scanning it once per row.
   */
  void aggregateJoins(SqlBuilder b) {
    for (Map.Entry<String, Aggregate> e : aggregates.entrySet()) {
      String agAlias = aggregateAlias(e.getKey());
      boolean simple = m.layer != null && AggregateRenderer.simpleJoin(e.getKey(), e.getValue(), m.resource);
      if (simple || (query != null && m.layer != null
          && AggregateRenderer.groupable(e.getValue(), m.resource, query))) {
        b.append(" LEFT JOIN (");
        if (simple) {
          AggregateRenderer.renderSimpleJoin(e.getKey(), e.getValue(), this, b);
        } else {
          AggregateRenderer.renderGrouped(e.getKey(), e.getValue(), this, b);
        }
        b.append(") AS ").append(agAlias).append(" ON ").append(agAlias).append(".k = ")
            .append(column(m.resource.relationship(e.getValue().relationship()).orElseThrow().sourceAttribute()));
      } else {
        b.append(" LEFT JOIN LATERAL (");
        AggregateRenderer.render(e.getKey(), e.getValue(), this, b);
        b.append(") AS ").append(agAlias).append(" ON TRUE");
      }
    }
  }

  /** {@code , <value> AS "name"} for every aggregate and calculation, in the order of {@link #extraNames}. */
  void extraSelects(SqlBuilder b) {
    for (String name : extraNames()) {
      b.append(", ");
      ref(name, b);
      b.append(" AS ").append(Identifier.quote(name));
    }
  }

  /** Aggregates then calculations: the extra result columns after the attributes. */
  List<String> extraNames() {
    List<String> names = new ArrayList<>(aggregates.keySet());
    names.addAll(calculations.keySet());
    return names;
  }

  boolean hasExtras() {
    return !aggregates.isEmpty() || !calculations.isEmpty();
  }
}
