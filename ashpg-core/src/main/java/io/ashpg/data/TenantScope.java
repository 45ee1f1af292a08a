package io.ashpg.data;

import io.ashpg.error.InvalidQueryException;
import io.ashpg.resource.Multitenancy;
import io.ashpg.resource.Resource;
import io.ashpg.sql.Expr;
import java.util.Optional;

/**
 * Applies a resource's multitenancy to one query or changeset. The tenant is the one given on the query/changeset,
 * else the data layer's ({@link DataLayer#withTenant}); for {@code context} multitenancy it selects the schema (see
 * {@link DataLayer}), for {@code attribute} multitenancy it becomes {@code tenant_attr = ?} on every read, update
 * and destroy and the tenant attribute's value on every create. Without a tenant, only {@code global} resources
 * may be used.
 */
final class TenantScope {
  private TenantScope() {}

  /** The tenant of an operation on {@code resource}: the given one, else the data layer's for multitenant ones. */
  static Optional<String> tenant(Resource resource, Optional<String> given, TenantValue dataLayerTenant) {
    if (given.isPresent() || resource.multitenancy().isEmpty() || dataLayerTenant == null) {
      return given;
    }
    return dataLayerTenant.of(resource);
  }

  /** {@code query} with its tenant resolved and, for attribute multitenancy, the tenant filter added. */
  static Query scope(Query query, TenantValue dataLayerTenant) {
    Optional<String> tenant = tenant(query.resource(), query.tenant(), dataLayerTenant);
    Query q = tenant.isPresent() && query.tenant().isEmpty() ? query.tenant(dataLayerTenant, tenant.get()) : query;
    return attributeCondition(q.resource(), tenant).map(q::filter).orElse(q);
  }

  /**
   * {@code changeset} with its tenant resolved; for attribute multitenancy a create gets the tenant attribute set
   * (overriding any value given) and an update or destroy gets the tenant filter.
   */
  static Changeset scope(Changeset changeset, TenantValue dataLayerTenant) {
    Resource r = changeset.resource();
    Optional<String> tenant = tenant(r, changeset.tenant(), dataLayerTenant);
    Changeset c = tenant.isPresent() && changeset.tenant().isEmpty() ? changeset.tenant(tenant.get()) : changeset;
    Optional<Expr> condition = attributeCondition(r, tenant);
    if (condition.isEmpty()) {
      return c;
    }
    if (c.kind() == Changeset.Kind.CREATE) {
      return c.force(attribute(r).orElseThrow(), tenant.orElseThrow());
    }
    return c.filter(condition.get());
  }

  /** {@code tenant_attr = tenant} for attribute multitenancy with a tenant; empty otherwise. */
  static Optional<Expr> attributeCondition(Resource r, Optional<String> tenant) {
    return attribute(r).flatMap(a -> tenant.map(t -> new Expr.Attr(a).eq(t)));
  }

  /** The tenant attribute of an attribute-multitenant resource. */
  static Optional<String> attribute(Resource r) {
    return r.multitenancy().filter(mt -> mt.strategy() == Multitenancy.Strategy.ATTRIBUTE)
        .flatMap(Multitenancy::attribute);
  }

  /**
   * Fails when {@code r} needs a tenant and has none.
   *
   * @throws InvalidQueryException naming the resource and its strategy
   */
  static void require(Resource r, Optional<String> tenant) {
    Multitenancy mt = r.multitenancy().orElse(null);
    if (mt == null || mt.global() || tenant.isPresent()) {
      return;
    }
    throw new InvalidQueryException("resource " + r.name() + " uses "
        + (mt.strategy() == Multitenancy.Strategy.CONTEXT ? "schema (context) multitenancy"
        : "attribute multitenancy on '" + mt.attribute().orElse("?") + "'")
        + " and is not global; give a tenant (Query.tenant, Changeset.tenant or DataLayer.withTenant)", null);
  }
}
