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

  QueryScope(Model m, String alias, Optional<String> tenant, int depth, Map<String, Aggregate> aggregates,
             Map<String, Calculation> calculations) {
    this.m = m;
    this.alias = alias;
    this.tenant = tenant;
    this.depth = depth;
    this.aggregates = aggregates;
    this.calculations = calculations;
  }

  /** The scope of query {@code q} on {@code m} at the top level. */
  static QueryScope of(Model m, Query q, String alias) {
    return new QueryScope(m, alias, q.tenant(), 0, q.aggregates(), q.calculations());
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
    Resource dest = m.layer.domain().destination(m.resource, rel);
    Optional<String> destTenant = tenant.filter(t -> dest.multitenancy().isPresent());
    Model dm = m.layer.model(dest, destTenant, rel.contextTable());
    String destAlias = "r" + (depth + 1);
    QueryScope inner = new QueryScope(dm, destAlias, destTenant, depth + 1, Map.of(), Map.of());
    List<Expr> conditions = new ArrayList<>();
    conditions.add(link(rel, dm, destAlias, destTenant));
    TenantScope.attributeCondition(dest, destTenant).ifPresent(conditions::add);
    return new Related(rel.toMany(), inner, out -> {
      out.append(" FROM ").append(dm.qualifiedTable).append(" AS ").append(destAlias);
      QueryRenderer.where(out, dm, inner, conditions);
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

  /** {@code LEFT JOIN LATERAL (…) AS agN ON TRUE} for every aggregate. */
  void lateralJoins(SqlBuilder b) {
    for (Map.Entry<String, Aggregate> e : aggregates.entrySet()) {
      b.append(" LEFT JOIN LATERAL (");
      AggregateRenderer.render(e.getKey(), e.getValue(), this, b);
      b.append(") AS ").append(aggregateAlias(e.getKey())).append(" ON TRUE");
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
