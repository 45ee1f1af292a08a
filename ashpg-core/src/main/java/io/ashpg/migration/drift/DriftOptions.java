package io.ashpg.migration.drift;

import io.ashpg.migration.run.TenantLister;
import io.ashpg.sql.Identifier;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * What a {@link DriftChecker} compares. Immutable; the {@code with…} methods return modified copies.
 *
 * @param repoName        the repo's snake_case name ({@code blog_repo}): its folder under {@code snapshots}
 * @param snapshots       root of the resource snapshots ({@code src/main/ashpg/resource_snapshots})
 * @param locations       the public migrations (directories or {@code classpath:} locations)
 * @param tenantLocations the tenant migrations; empty: tenant schemas are not checked
 * @param tenants         lists the tenant schemas; required with {@code tenantLocations}
 * @param defaultSchema   where tables without a schema live and the public migrations ran ({@code public}, or the
 *                        migrator's prefix)
 * @param ignore          objects left alone
 * @param unmanaged       tables of resources ashpg does not migrate ({@code migrate(false)}): {@code table} (in any
 *                        schema, as a tenant table is) or {@code schema.table}; they exist without a snapshot, so
 *                        they are not reported as not declared
 * @param sample          check this many tenants, picked at random; 0 checks every tenant
 * @param seed            seed of the sample's pick, so a run can be repeated
 * @param onlyTenants     only these tenants (each must be listed)
 * @param exceptTenants   every listed tenant but these
 * @param parallelism     connections reading the tenants' versions side by side
 */
public record DriftOptions(String repoName, Path snapshots, List<String> locations, List<String> tenantLocations,
    TenantLister tenants, String defaultSchema, IgnorePatterns ignore, Set<String> unmanaged, int sample, long seed,
    Set<String> onlyTenants, Set<String> exceptTenants, int parallelism) {

  public DriftOptions {
    Objects.requireNonNull(repoName, "repoName");
    Objects.requireNonNull(snapshots, "snapshots");
    locations = List.copyOf(locations);
    if (locations.isEmpty()) {
      throw new IllegalArgumentException("no migration location given for repo " + repoName + "; the drift check"
          + " needs the public migrations to know which are applied");
    }
    tenantLocations = List.copyOf(tenantLocations);
    if (!tenantLocations.isEmpty() && tenants == null) {
      throw new IllegalArgumentException("repo " + repoName + ": tenant migrations given without a tenant lister;"
          + " give one with withTenants(locations, lister)");
    }
    Identifier.validate(defaultSchema, "default schema");
    Objects.requireNonNull(ignore, "ignore");
    unmanaged = Set.copyOf(unmanaged);
    if (sample < 0) {
      throw new IllegalArgumentException("drift sample size " + sample + " is negative; give a number of tenants"
          + " to check, or 0 for all");
    }
    onlyTenants = Set.copyOf(onlyTenants);
    exceptTenants = Set.copyOf(exceptTenants);
    if (parallelism < 1) {
      throw new IllegalArgumentException("parallelism " + parallelism + " must be at least 1");
    }
  }

  /** The public schema of {@code repoName} against the snapshots under {@code snapshots}; nothing ignored. */
  public static DriftOptions of(String repoName, Path snapshots, List<String> locations) {
    return new DriftOptions(repoName, snapshots, locations, List.of(), null, "public", IgnorePatterns.none(),
        Set.of(), 0, 0L, Set.of(), Set.of(), 2);
  }

  /** Also every tenant schema {@code lister} lists, with the tenant migrations of {@code locations}. */
  public DriftOptions withTenants(List<String> locations, TenantLister lister) {
    return new DriftOptions(repoName, snapshots, this.locations, locations, lister, defaultSchema, ignore,
        unmanaged, sample, seed, onlyTenants, exceptTenants, parallelism);
  }

  /** Tables without a schema, and the public migrations' bookkeeping, in {@code schema}. */
  public DriftOptions withDefaultSchema(String schema) {
    return new DriftOptions(repoName, snapshots, locations, tenantLocations, tenants, schema, ignore, unmanaged,
        sample, seed, onlyTenants, exceptTenants, parallelism);
  }

  /** Leaves objects matching {@code globs} alone (see {@link IgnorePatterns}). */
  public DriftOptions ignoring(List<String> globs) {
    return new DriftOptions(repoName, snapshots, locations, tenantLocations, tenants, defaultSchema,
        IgnorePatterns.of(globs), unmanaged, sample, seed, onlyTenants, exceptTenants, parallelism);
  }

  /** Does not report {@code tables} as not declared (see {@link #unmanaged()}). */
  public DriftOptions withUnmanagedTables(Set<String> tables) {
    return new DriftOptions(repoName, snapshots, locations, tenantLocations, tenants, defaultSchema, ignore, tables,
        sample, seed, onlyTenants, exceptTenants, parallelism);
  }

  /** Checks {@code size} tenants picked at random with {@code seed} (0: every tenant). */
  public DriftOptions withSample(int size, long seed) {
    return new DriftOptions(repoName, snapshots, locations, tenantLocations, tenants, defaultSchema, ignore,
        unmanaged, size, seed, onlyTenants, exceptTenants, parallelism);
  }

  /** Only these tenants, or every one but {@code except}. */
  public DriftOptions withTenantFilter(Set<String> only, Set<String> except) {
    return new DriftOptions(repoName, snapshots, locations, tenantLocations, tenants, defaultSchema, ignore,
        unmanaged, sample, seed, only, except, parallelism);
  }

  /** Reads on up to {@code parallelism} connections. */
  public DriftOptions withParallelism(int parallelism) {
    return new DriftOptions(repoName, snapshots, locations, tenantLocations, tenants, defaultSchema, ignore,
        unmanaged, sample, seed, onlyTenants, exceptTenants, parallelism);
  }
}
