package io.ashpg.resource;

/** Options of an identity, used inside {@code identity(name, keys, i -> ...)}. */
public final class IdentityBuilder {
  private boolean nullsDistinct = true;
  private boolean allTenants;

  IdentityBuilder() {}

  /** {@code false} makes null keys collide ({@code NULLS NOT DISTINCT}, PostgreSQL 15+). Default true. */
  public IdentityBuilder nullsDistinct(boolean nullsDistinct) {
    this.nullsDistinct = nullsDistinct;
    return this;
  }

  /** With attribute multitenancy, make the identity unique across all tenants. Default false. */
  public IdentityBuilder allTenants(boolean allTenants) {
    this.allTenants = allTenants;
    return this;
  }

  Identity build(String name, java.util.List<String> keys) {
    return new Identity(name, keys, nullsDistinct, allTenants);
  }
}
