package io.ashpg.maven;

import io.ashpg.migration.run.ChecksumMismatch;
import io.ashpg.migration.run.MigrationException;
import io.ashpg.migration.run.MigrationStatus;
import io.ashpg.migration.run.Migrator;
import io.ashpg.migration.run.MigratorOptions;
import io.ashpg.migration.run.TenantMigrator;
import io.ashpg.repo.Repo;
import java.util.List;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Execute;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.ResolutionScope;

/** Lists applied and pending migrations and changed files, per repo (and per tenant with {@code -Dashpg.tenants}). */
@Mojo(name = "status", requiresDependencyResolution = ResolutionScope.RUNTIME, threadSafe = true)
@Execute(phase = LifecyclePhase.COMPILE)
public class StatusMojo extends AbstractMigrationMojo {

  @Override
  protected void runFor(Repo repo, DatabaseTarget db, MigratorOptions.Builder options) throws MojoFailureException {
    List<MigrationStatus> statuses;
    try {
      statuses = tenants
          ? TenantMigrator.create(db.url(), db.username(), db.password(), options.build(), repo::allTenants).status()
          : List.of(Migrator.create(db.url(), db.username(), db.password(), options.build()).status());
    } catch (MigrationException e) {
      throw failure(e);
    }
    for (MigrationStatus status : statuses) {
      getLog().info("ashpg: " + repo.name() + " schema " + status.schema() + ": " + status.applied().size()
          + " applied, " + status.pending().size() + " pending" + (status.upToDate() ? " (up to date)" : ""));
      status.applied().forEach(a -> getLog().info("  applied  " + a.version()));
      status.pending().forEach(p -> getLog().info("  pending  " + p.version() + " " + p.name()));
      for (ChecksumMismatch m : status.checksumMismatches()) {
        getLog().warn("  changed  " + m.describe());
      }
      status.missingFiles().forEach(v -> getLog().warn("  missing  " + v + ": applied, but no file has it"));
    }
  }
}
