package io.ashpg.spring.boot;

import io.ashpg.migration.run.AppliedMigration;
import io.ashpg.migration.run.MigrationFile;
import io.ashpg.migration.run.MigrationStatus;
import io.ashpg.migration.run.MigrationTarget;
import io.ashpg.migration.run.Migrations;
import io.ashpg.migration.run.TenantStatus;
import io.ashpg.repo.Repo;
import io.ashpg.resource.Domain;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;

/**
 * The migration status of every repo of a Domain, read from the database (no lock, nothing written), as the details
 * the Actuator health and info contributors show.
 */
public final class MigrationReport {

  private final Domain domain;
  private final DataSource dataSource;
  private final boolean tenants;

  /**
   * @param domain whose repos to report
   * @param dataSource the database
   * @param tenants whether to read every tenant's status too (one catalog query for the fleet)
   */
  public MigrationReport(Domain domain, DataSource dataSource, boolean tenants) {
    this.domain = domain;
    this.dataSource = dataSource;
    this.tenants = tenants;
  }

  /**
   * The status now.
   *
   * @param atHead whether every repo's public schema (and, when reported, every tenant) has applied every
   *     migration file unchanged; versions applied without a file (a newer release already migrated) do not count
   *     against it, as they are what a rolling deploy looks like
   * @param repos details per repo name
   */
  public record Snapshot(boolean atHead, Map<String, Map<String, Object>> repos) {}

  /** Reads the status of every repo. */
  public Snapshot read() {
    boolean atHead = true;
    Map<String, Map<String, Object>> repos = new LinkedHashMap<>();
    for (Repo repo : domain.repos()) {
      MigrationTarget target = MigrationTarget.of(repo, dataSource);
      MigrationStatus status = Migrations.status(target);
      Map<String, Object> details = details(status);
      atHead &= status.upToDate();
      if (tenants && Migrations.hasTenantMigrations(target)) {
        TenantStatus fleet = Migrations.tenantStatus(target);
        long behind = fleet.tenants().stream().filter(s -> !s.upToDate()).count();
        Map<String, Object> t = new LinkedHashMap<>();
        t.put("count", fleet.tenants().size());
        t.put("behind", behind);
        t.put("behindTenants", fleet.tenants().stream().filter(s -> !s.upToDate()).limit(20)
            .map(MigrationStatus::schema).toList());
        if (!fleet.invalidNames().isEmpty()) {
          t.put("invalidNames", fleet.invalidNames());
        }
        details.put("tenants", t);
        atHead &= behind == 0 && fleet.invalidNames().isEmpty();
      }
      repos.put(repo.name(), details);
    }
    return new Snapshot(atHead, repos);
  }

  private static Map<String, Object> details(MigrationStatus status) {
    Map<String, Object> d = new LinkedHashMap<>();
    d.put("schema", status.schema());
    d.put("upToDate", status.upToDate());
    d.put("applied", status.applied().size());
    List<AppliedMigration> applied = status.applied();
    if (!applied.isEmpty()) {
      d.put("current", applied.get(applied.size() - 1).version());
    }
    d.put("pending", status.pending().stream().map(MigrationFile::version).toList());
    if (!status.checksumMismatches().isEmpty()) {
      d.put("changedAfterApplied", status.checksumMismatches().stream().map(m -> m.file().location()).toList());
    }
    if (!status.missingFiles().isEmpty()) {
      d.put("appliedWithoutFile", status.missingFiles());
    }
    return d;
  }
}
