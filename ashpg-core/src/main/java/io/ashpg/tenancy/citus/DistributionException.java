package io.ashpg.tenancy.citus;

import io.ashpg.error.AshPgException;

/**
 * {@link CitusTenants#distributeSchemas} finished with failing tenants (the others were distributed);
 * {@link #result()} holds every tenant's outcome. A rerun skips the tenants distributed already.
 */
public final class DistributionException extends AshPgException {
  private static final long serialVersionUID = 1L;

  private final transient DistributionResult result;

  public DistributionException(String message, DistributionResult result) {
    super(message, null, null);
    this.result = result;
  }

  /** Every tenant's outcome, the failures among them. */
  public DistributionResult result() {
    return result;
  }
}
