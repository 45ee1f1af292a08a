package io.ashpg.maven;

import io.ashpg.migration.run.ChecksumMismatch;
import io.ashpg.migration.run.MigrationException;
import io.ashpg.migration.run.MigrationStatus;
import io.ashpg.migration.run.Migrator;
import io.ashpg.migration.run.MigratorOptions;
import io.ashpg.migration.run.TenantMigrator;
import io.ashpg.migration.run.TenantStatus;
import io.ashpg.repo.Repo;
import java.util.ArrayList;
import java.util.List;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Execute;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;

/**
 * Lists applied and pending migrations and changed files, per repo (and per tenant with {@code -Dashpg.tenants}:
 * the tenants that are not up to date, and a count of all). With {@code -Dashpg.failOnPending} it fails the build
 * when anything is pending or an applied file changed — a check for CI before a deploy.
 */
@Mojo(name = "status", requiresDependencyResolution = ResolutionScope.RUNTIME, threadSafe = true)
@Execute(phase = LifecyclePhase.COMPILE)
public class StatusMojo extends AbstractMigrationMojo {

  /**
   * Fail the build when a migration is pending, an applied migration's file changed since it was applied, or an
   * applied migration has no file any more (in any schema or tenant looked at).
   */
  @Parameter(property = "ashpg.failOnPending", defaultValue = "false")
  protected boolean failOnPending;

  @Override
  protected void runFor(Repo repo, DatabaseTarget db, MigratorOptions.Builder options) throws MojoFailureException {
    List<MigrationStatus> statuses;
    List<String> invalidNames = List.of();
    try {
      if (tenants) {
        TenantStatus fleet = TenantMigrator.create(db.url(), db.username(), db.password(), options.build(),
            repo::allTenants).fleetStatus();
        statuses = fleet.tenants();
        invalidNames = fleet.invalidNames();
      } else {
        statuses = List.of(Migrator.create(db.url(), db.username(), db.password(), options.build()).status());
      }
    } catch (MigrationException e) {
      throw failure(e);
    }
    int shown = 0;
    List<String> problems = new ArrayList<>();
    for (String name : invalidNames) {
      getLog().warn("  invalid  tenant name '" + name + "': not looked at (fix the tenant lister, or leave it out"
          + " with -Dashpg.exceptTenants)");
      problems.add("tenant '" + name + "': not a valid tenant name, so its schema was not looked at");
    }
    for (MigrationStatus status : statuses) {
      boolean clean = status.upToDate() && status.missingFiles().isEmpty();
      if (!clean) {
        problems.add(problem(status));
      }
      // tenant runs may have thousands of tenants: only those not up to date are listed, and at most a few
      if (tenants && (clean || shown++ >= TENANTS_LISTED)) {
        continue;
      }
      print(repo, status);
    }
    if (tenants && !quiet) {
      getLog().info("ashpg: " + repo.name() + " tenants: " + (statuses.size() + invalidNames.size())
          + " tenant(s), " + (statuses.size() + invalidNames.size() - problems.size()) + " up to date, "
          + problems.size() + " not" + (invalidNames.isEmpty() ? "" : " (" + invalidNames.size() + " invalid name(s))")
          + (shown > TENANTS_LISTED ? " (the first " + TENANTS_LISTED + " listed above)" : ""));
    }
    if (failOnPending && !problems.isEmpty()) {
      StringBuilder message = new StringBuilder("ashpg: " + repo.name() + (tenants ? " tenants" : "")
          + " not up to date (ashpg.failOnPending):");
      problems.stream().limit(FAILURES_LISTED).forEach(p -> message.append("\n  - ").append(p));
      if (problems.size() > FAILURES_LISTED) {
        message.append("\n  … and ").append(problems.size() - FAILURES_LISTED).append(" more");
      }
      message.append("\nRun ashpg:migrate").append(tenants ? " -Dashpg.tenants" : "")
          .append(" for pending migrations; restore changed files and put the change in a new migration.");
      throw new MojoFailureException(message.toString());
    }
  }

  private void print(Repo repo, MigrationStatus status) {
    if (!quiet) {
      getLog().info("ashpg: " + repo.name() + " schema " + status.schema() + ": " + status.applied().size()
          + " applied, " + status.pending().size() + " pending" + (status.upToDate() ? " (up to date)" : ""));
      status.applied().forEach(a -> getLog().info("  applied  " + a.version()));
      status.pending().forEach(p -> getLog().info("  pending  " + p.version() + " " + p.name()));
    }
    for (ChecksumMismatch m : status.checksumMismatches()) {
      getLog().warn("  changed  " + m.describe());
    }
    status.missingFiles().forEach(v -> getLog().warn("  missing  " + v + ": applied, but no file has it"));
  }

  /** One line on what is not up to date in {@code status}. */
  private static String problem(MigrationStatus status) {
    List<String> parts = new ArrayList<>();
    if (!status.pending().isEmpty()) {
      parts.add(status.pending().size() + " pending");
    }
    status.checksumMismatches().forEach(m -> parts.add("changed after it was applied: " + m.file().location()));
    if (!status.missingFiles().isEmpty()) {
      parts.add("applied without a file: " + status.missingFiles());
    }
    return "schema " + status.schema() + ": " + String.join("; ", parts);
  }
}
