package io.ashpg.maven;

import io.ashpg.migration.run.MigrationException;
import io.ashpg.migration.run.MigrationResult;
import io.ashpg.migration.run.Migrator;
import io.ashpg.migration.run.MigratorOptions;
import io.ashpg.migration.run.Scope;
import io.ashpg.migration.run.TenantMigrator;
import io.ashpg.repo.Repo;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Execute;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;

/**
 * Reverts applied migrations ({@code mix ash_postgres.rollback}): the newest one by default, {@code -Dashpg.step=n},
 * everything down to and including {@code -Dashpg.to=<version>}, or {@code -Dashpg.all}. {@code -Dashpg.step=0} rolls
 * back nothing.
 */
@Mojo(name = "rollback", requiresDependencyResolution = ResolutionScope.RUNTIME, threadSafe = true)
@Execute(phase = LifecyclePhase.COMPILE)
public class RollbackMojo extends AbstractMigrationMojo {

  /** Revert this many applied migrations ({@code -n} in mix); 0 reverts nothing. */
  @Parameter(property = "ashpg.step", defaultValue = "1")
  protected int step;

  /** Revert every applied migration down to and including this version ({@code -v} in mix). */
  @Parameter(property = "ashpg.to")
  protected Long to;

  /** Revert every applied migration. */
  @Parameter(property = "ashpg.all", defaultValue = "false")
  protected boolean all;

  @Override
  protected void checkParameters() throws MojoFailureException {
    if (step < 0) {
      throw new MojoFailureException("ashpg: ashpg.step is " + step + "; give the number of migrations to roll back,"
          + " 0 or more (or ashpg.to / ashpg.all)");
    }
  }

  @Override
  protected void runFor(Repo repo, DatabaseTarget db, MigratorOptions.Builder options) throws MojoFailureException {
    if (to != null) {
      options.to(to);
    } else if (all) {
      options.scope(Scope.all());
    } else if (step == 0) {
      // 0 is a count like any other: a script computing "how many" must not roll back a migration when it gets 0
      getLog().info("ashpg: " + repo.name() + (tenants ? " tenants" : "") + ": ashpg.step is 0, nothing rolled back");
      return;
    } else {
      options.step(step);
    }
    MigrationResult result;
    try {
      result = tenants
          ? TenantMigrator.create(db.url(), db.username(), db.password(), options.build(), repo::allTenants)
              .withProgressListener(progress(repo)).rollback()
          : Migrator.create(db.url(), db.username(), db.password(), options.build()).rollback();
    } catch (MigrationException e) {
      result = failedRun(e);
    }
    report("rolled back", "nothing to roll back", repo, result);
  }
}
