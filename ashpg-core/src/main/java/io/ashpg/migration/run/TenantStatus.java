package io.ashpg.migration.run;

import java.util.List;

/**
 * What {@link TenantMigrator#fleetStatus()} found for a tenant fleet: the status of every tenant with a valid name,
 * and the names the tenant lister returned that are not valid schema names (no schema was looked at for those).
 *
 * @param tenants one status per valid tenant, in the lister's order
 * @param invalidNames listed names that are not valid tenant names, in the lister's order
 */
public record TenantStatus(List<MigrationStatus> tenants, List<String> invalidNames) {

  public TenantStatus {
    tenants = List.copyOf(tenants);
    invalidNames = List.copyOf(invalidNames);
  }

  /** Every valid tenant is at head with no file missing, and no listed name was invalid. */
  public boolean clean() {
    return invalidNames.isEmpty()
        && tenants.stream().allMatch(s -> s.upToDate() && s.missingFiles().isEmpty());
  }
}
