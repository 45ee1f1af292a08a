package io.ashpg.resource;

import java.util.Objects;
import java.util.Optional;

/**
 * How a resource separates tenants.
 *
 * <p>{@link Strategy#CONTEXT}: one PostgreSQL schema per tenant (tenant migrations); it supersedes the resource's
 * {@code schema} option. {@link Strategy#ATTRIBUTE}: shared tables with a tenant column named by {@code attribute}.
 *
 * @param strategy  the strategy
 * @param attribute the tenant attribute (required for {@code ATTRIBUTE})
 * @param global    whether the resource may also be used without a tenant
 */
public record Multitenancy(Strategy strategy, Optional<String> attribute, boolean global) {

  /** Multitenancy strategies. */
  public enum Strategy {
    /** Schema per tenant. */
    CONTEXT,
    /** Tenant column in shared tables. */
    ATTRIBUTE
  }

  public Multitenancy {
    Objects.requireNonNull(strategy, "strategy");
    Objects.requireNonNull(attribute, "attribute");
  }
}
