package io.ashpg.tenancy.citus;

import java.time.Duration;
import java.util.List;

/**
 * The result of {@link CitusTenants#distributeSchemas}: one entry per tenant, in the order given.
 *
 * @param tenants what happened to each tenant schema
 * @param elapsed wall time of the run
 */
public record DistributionResult(List<TenantDistribution> tenants, Duration elapsed) {

  public DistributionResult {
    tenants = List.copyOf(tenants);
  }

  /** The tenants that failed. */
  public List<TenantDistribution> failures() {
    return tenants.stream().filter(TenantDistribution::failed).toList();
  }

  /** Whether every tenant is distributed now. */
  public boolean succeeded() {
    return tenants.stream().noneMatch(TenantDistribution::failed);
  }

  /** One line, e.g. {@code 97 distributed, 2 already distributed, 1 failed}. */
  public String summary() {
    long done = count(TenantDistribution.Outcome.DISTRIBUTED);
    long already = count(TenantDistribution.Outcome.ALREADY_DISTRIBUTED);
    return done + " distributed, " + already + " already distributed, " + count(TenantDistribution.Outcome.FAILED)
        + " failed";
  }

  private long count(TenantDistribution.Outcome outcome) {
    return tenants.stream().filter(t -> t.outcome() == outcome).count();
  }
}
