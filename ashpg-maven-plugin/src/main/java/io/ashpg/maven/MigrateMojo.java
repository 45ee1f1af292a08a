package io.ashpg.maven;

import io.ashpg.migration.run.MigrationException;
import io.ashpg.migration.run.MigrationResult;
import io.ashpg.migration.run.Migrator;
import io.ashpg.migration.run.MigratorOptions;
import io.ashpg.migration.run.TenantMigrator;
import io.ashpg.repo.Repo;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Execute;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;

/**
 * Applies pending migrations of every repo of the configured Apis ({@code mix ash_postgres.migrate}); with
 * {@code -Dashpg.tenants} the tenant migrations, in every tenant schema.
 */
@Mojo(name = "migrate", requiresDependencyResolution = ResolutionScope.RUNTIME, threadSafe = true)
@Execute(phase = LifecyclePhase.COMPILE)
public class MigrateMojo extends AbstractMigrationMojo {

  /** Run every pending migration (the default). */
  @Parameter(property = "ashpg.all", defaultValue = "false")
  protected boolean all;

  /** Run only this many pending migrations ({@code -n} in mix). */
  @Parameter(property = "ashpg.step", defaultValue = "0")
  protected int step;

  /** Run pending migrations up to and including this version. */
  @Parameter(property = "ashpg.to")
  protected Long to;

  /** Refuse to apply a pending migration older than the newest applied one. */
  @Parameter(property = "ashpg.strictVersionOrder", defaultValue = "false")
  protected boolean strictVersionOrder;

  @Override
  protected void checkParameters() throws MojoFailureException {
    if (step < 0) {
      throw new MojoFailureException("ashpg: ashpg.step is " + step + "; give the number of pending migrations to"
          + " run, 1 or more (0 or unset runs all of them)");
    }
  }

  @Override
  protected void runFor(Repo repo, DatabaseTarget db, MigratorOptions.Builder options) throws MojoFailureException {
    if (to != null) {
      options.to(to);
    } else if (step > 0 && !all) {
      options.step(step);
    } else {
      options.all();
    }
    options.strictVersionOrder(strictVersionOrder);
    MigrationResult result;
    try {
      result = tenants
          ? TenantMigrator.create(db.url(), db.username(), db.password(), options.build(), repo::allTenants)
              .withProgressListener(progress(repo)).migrate()
          : Migrator.create(db.url(), db.username(), db.password(), options.build()).migrate();
    } catch (MigrationException e) {
      result = failedRun(e);
    }
    report("applied", "already up to date, nothing to migrate", repo, result);
  }
}
