package io.ashpg.migration.snapshot;

/**
 * Multitenancy of a table.
 *
 * @param strategy  null (none), {@code "attribute"} (a tenant column) or {@code "context"} (schema per tenant)
 * @param attribute the tenant column for the attribute strategy, else null
 * @param global    whether tenant-less access is allowed (null when unknown)
 */
public record MultitenancySnapshot(String strategy, String attribute, Boolean global) {

  /** No multitenancy. */
  public static final MultitenancySnapshot NONE = new MultitenancySnapshot(null, null, null);

  public MultitenancySnapshot {
    if (strategy != null && !strategy.equals("attribute") && !strategy.equals("context")) {
      throw new IllegalArgumentException("multitenancy strategy '" + strategy
          + "' is unknown; use null, \"attribute\" or \"context\"");
    }
  }

  /** Schema-per-tenant: the table lives in every tenant schema and goes into tenant migrations. */
  public boolean isContext() {
    return "context".equals(strategy);
  }

  /** Tenant column strategy. */
  public boolean isAttribute() {
    return "attribute".equals(strategy);
  }
}
