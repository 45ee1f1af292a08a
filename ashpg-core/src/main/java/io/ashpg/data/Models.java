package io.ashpg.data;

import io.ashpg.error.ConstraintErrorMapper;
import io.ashpg.error.InvalidQueryException;
import io.ashpg.repo.Repo;
import io.ashpg.resource.Domain;
import io.ashpg.resource.Multitenancy;
import io.ashpg.resource.RepoPurpose;
import io.ashpg.resource.Resource;
import io.ashpg.sql.Identifier;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** The {@link Model}s of a domain's resources, one per table they live in (tenant schema, context table), cached. */
final class Models {
  private final Domain domain;
  private final Map<Key, Model> cache = new ConcurrentHashMap<>();

  /** The cache key of a model: resource identity plus where it lives. */
  private record Key(Resource resource, String schema, String table) {}

  Models(Domain domain) {
    this.domain = domain;
  }

  /** The model of {@code resource} in the tenant's schema (if any) and table; {@code layer} resolves relationships. */
  Model model(Resource resource, Optional<String> tenant, Optional<String> contextTable, DataLayer layer) {
    if (domain.resource(resource.name()).orElse(null) != resource) {
      throw new InvalidQueryException("resource " + resource.name() + " is not part of this data layer's domain",
          null);
    }
    Repo repo = repo(resource);
    String table = contextTable.or(resource::table).orElseThrow(() -> new InvalidQueryException("resource "
        + resource.name() + " is polymorphic (no table); give a context table", null));
    String schema = schema(resource, repo, tenant.orElse(null));
    Key key = new Key(resource, schema, table);
    Model model = cache.get(key);
    if (model != null) {
      return model;
    }
    try {
      return cache.computeIfAbsent(key, k -> new Model(resource, new TableTarget(schema, table),
          repo == null ? Set.of() : Set.copyOf(repo.installedExtensions()),
          repo == null ? null : repo.getClass().getSimpleName(), ConstraintErrorMapper.of(domain, resource, table),
          layer));
    } catch (IllegalArgumentException e) {
      throw new InvalidQueryException("resource " + resource.name() + ": " + e.getMessage(), e);
    }
  }

  /**
   * The repo whose migrations made the resource's table (its schema, extensions): the one it is written through. A
   * read replica is a copy of that database, so reads render the same SQL.
   */
  Repo repo(Resource resource) {
    try {
      return domain.repo(resource, RepoPurpose.MUTATE);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  /**
   * The schema: the tenant for schema-multitenant resources (validated strictly: it becomes an identifier), else the
   * {@code schema} option, else the repo's default prefix.
   */
  private static String schema(Resource resource, Repo repo, String tenant) {
    Multitenancy mt = resource.multitenancy().orElse(null);
    TenantScope.require(resource, Optional.ofNullable(tenant));
    if (mt != null && mt.strategy() == Multitenancy.Strategy.CONTEXT && tenant != null) {
      try {
        return Identifier.validateTenant(tenant);
      } catch (IllegalArgumentException e) {
        throw new InvalidQueryException("resource " + resource.name() + ": " + e.getMessage(), e);
      }
    } else if (tenant != null && mt == null) {
      throw new InvalidQueryException("resource " + resource.name() + " is not multitenant; do not give a tenant",
          null);
    }
    return resource.postgres().schema().orElse(repo == null ? "public" : repo.defaultPrefix());
  }
}
