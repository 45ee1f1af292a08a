package io.ashpg.data;

import io.ashpg.error.InvalidQueryException;
import io.ashpg.resource.Attribute;
import io.ashpg.resource.Domain;
import io.ashpg.resource.ManageTenant;
import io.ashpg.resource.Multitenancy;
import io.ashpg.resource.Resource;
import java.util.List;

/**
 * Maps one tenant value — a tenant-owning record, its id, or a string — to what each multitenant resource needs
 * (AshPostgres's {@code Ash.ToTenant}): the schema name for {@code context} multitenancy, the tenant attribute's value
 * for {@code attribute} multitenancy. So one {@code dl.withTenant(org)} serves both kinds of resources in a request.
 *
 * <p>The {@linkplain #standard(Domain) standard} resolver knows the domain's tenant-owning resource (the one with
 * {@code manage_tenant}): for a record or id of it, the schema comes from its template ({@code org_} + id gives
 * {@code org_7}) and the attribute value is the id ({@code 7}). A string is used as given for both. Register another
 * with {@link DataLayer#withTenantResolver} for other mappings.
 */
@FunctionalInterface
public interface TenantResolver {

  /**
   * The tenant of {@code resource} (which is multitenant) for {@code tenant}: a schema name for context
   * multitenancy, the tenant attribute's value as text for attribute multitenancy.
   *
   * @throws IllegalArgumentException when the value cannot be mapped (the data layer reports it naming the resource)
   */
  String toTenant(Object tenant, Resource resource);

  /** The standard mapping for {@code domain} (see the class comment). */
  static TenantResolver standard(Domain domain) {
    return (tenant, resource) -> {
      if (tenant instanceof String s) {
        return s;
      }
      List<Resource> owners = domain.resources().stream()
          .filter(r -> r.postgres().manageTenant().isPresent()).toList();
      if (owners.size() != 1) {
        throw new IllegalArgumentException("a tenant of type " + tenant.getClass().getSimpleName() + " needs "
            + (owners.isEmpty() ? "a tenant-owning (manage_tenant) resource in the domain"
            : "a single tenant-owning resource in the domain, which has " + owners.stream().map(Resource::name)
            .toList()) + " to map it; give the tenant as a string or register DataLayer.withTenantResolver(...)");
      }
      Resource owner = owners.get(0);
      List<Attribute> pk = owner.primaryKey();
      if (pk.size() != 1) {
        throw new IllegalArgumentException("tenant-owning resource " + owner.name() + " has a composite primary key;"
            + " register DataLayer.withTenantResolver(...) to map its records to tenants");
      }
      String key = pk.get(0).name();
      Object id = tenant instanceof Row row ? row.get(key) : tenant;
      if (id == null) {
        throw new IllegalArgumentException("the tenant record has no value for " + owner.name() + "." + key);
      }
      boolean context = resource.multitenancy().map(Multitenancy::strategy)
          .orElse(Multitenancy.Strategy.CONTEXT) == Multitenancy.Strategy.CONTEXT;
      if (!context) {
        return id.toString();
      }
      ManageTenant mt = owner.postgres().manageTenant().orElseThrow();
      return mt.tenantName(attribute -> {
        if (tenant instanceof Row row && row.has(attribute)) {
          return row.get(attribute);
        }
        if (attribute.equals(key)) {
          return id;
        }
        throw new IllegalArgumentException("the tenant template of " + owner.name() + " uses '" + attribute
            + "', which an id alone does not give; pass the " + owner.name() + " record as the tenant");
      });
    };
  }

  /**
   * The tenant of {@code resource} for {@code tenant} through {@code resolver}, its failures reported as an
   * {@link InvalidQueryException} naming the resource.
   */
  static String resolve(TenantResolver resolver, Object tenant, Resource resource) {
    try {
      String t = resolver.toTenant(tenant, resource);
      if (t == null) {
        throw new IllegalArgumentException("the tenant resolver gave no tenant for " + tenant);
      }
      return t;
    } catch (IllegalArgumentException | NullPointerException e) {
      throw new InvalidQueryException("resource " + resource.name() + ": " + e.getMessage(), e);
    }
  }
}
