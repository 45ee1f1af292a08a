package io.ashpg.data;

import io.ashpg.resource.Domain;
import io.ashpg.resource.Multitenancy;
import io.ashpg.resource.Resource;
import java.util.Objects;
import java.util.Optional;

/**
 * The tenant a data layer was given ({@link DataLayer#withTenant(Object)}) and how it maps to each resource.
 *
 * @param value    a string, a tenant-owning record or its id
 * @param resolver the mapping (see {@link TenantResolver})
 */
record TenantValue(Object value, TenantResolver resolver) {
  TenantValue {
    Objects.requireNonNull(value, "tenant");
    Objects.requireNonNull(resolver, "resolver");
  }

  /** The tenant of {@code resource}, empty when it is not multitenant. */
  Optional<String> of(Resource resource) {
    if (resource.multitenancy().isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(TenantResolver.resolve(resolver, value, resource));
  }

  /**
   * The schema a tenant transaction puts first on its {@code search_path}: the mapping for the domain's first
   * schema-multitenant resource, or a string tenant itself when there is none.
   */
  Optional<String> schema(Domain domain) {
    for (Resource r : domain.resources()) {
      if (r.multitenancy().filter(mt -> mt.strategy() == Multitenancy.Strategy.CONTEXT).isPresent()) {
        return Optional.of(TenantResolver.resolve(resolver, value, r));
      }
    }
    return value instanceof String s ? Optional.of(s) : Optional.empty();
  }
}
