package io.ashpg.maven;

import io.ashpg.migration.run.DatabaseAdmin;
import io.ashpg.migration.run.MigrationException;
import io.ashpg.repo.Repo;
import io.ashpg.resource.Domain;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Execute;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;

/**
 * Drops the database of every repo of the configured Apis ({@code mix ash_postgres.drop}). Asks first when Maven is
 * interactive; in batch mode it needs {@code -Dashpg.force}.
 */
@Mojo(name = "drop", requiresDependencyResolution = ResolutionScope.RUNTIME, threadSafe = true)
@Execute(phase = LifecyclePhase.COMPILE)
public class DropMojo extends AbstractAshpgMojo {

  /** Drop without asking for confirmation. */
  @Parameter(property = "ashpg.force", defaultValue = "false")
  protected boolean force;

  /** Disconnect other sessions and drop anyway ({@code DROP DATABASE … WITH (FORCE)}, PostgreSQL 13+). */
  @Parameter(property = "ashpg.forceDrop", defaultValue = "false")
  protected boolean forceDrop;

  /** Log nothing but warnings and errors. */
  @Parameter(property = "ashpg.quiet", defaultValue = "false")
  protected boolean quiet;

  @Override
  protected boolean createsEmbeddedDatabase() {
    return false;
  }

  @Override
  protected void run() throws MojoExecutionException, MojoFailureException {
    Domain domain = domain();
    boolean interactive = session.getRequest().isInteractiveMode();
    for (Repo repo : domain.repos()) {
      DatabaseTarget db = database(repo);
      if (!force && !interactive) {
        throw new MojoFailureException("ashpg: refusing to drop the database of repo " + repo.name() + " ("
            + db.displayUrl() + ") without confirmation in batch mode; pass -Dashpg.force to drop it");
      }
      DatabaseAdmin.DropOutcome outcome;
      try {
        outcome = DatabaseAdmin.drop(db.url(), db.username(), db.password(),
            new DatabaseAdmin.DropOptions(force, forceDrop, quiet), Prompt::confirmDrop);
      } catch (MigrationException e) {
        throw new MojoFailureException("ashpg: " + e.getMessage(), e);
      }
      if (!quiet) {
        getLog().info("ashpg: database of repo " + repo.name() + switch (outcome) {
          case DROPPED -> " dropped";
          case DID_NOT_EXIST -> " did not exist";
          case CANCELLED -> ": drop cancelled";
        } + " (" + db.displayUrl() + ")");
      }
    }
  }
}
