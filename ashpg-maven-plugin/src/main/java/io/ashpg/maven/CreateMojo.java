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

/** Creates the database of every repo of the configured Apis ({@code mix ash_postgres.create}). */
@Mojo(name = "create", requiresDependencyResolution = ResolutionScope.RUNTIME, threadSafe = true)
@Execute(phase = LifecyclePhase.COMPILE)
public class CreateMojo extends AbstractAshpgMojo {

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
    for (Repo repo : domain.repos()) {
      DatabaseTarget db = database(repo);
      DatabaseAdmin.CreateOutcome outcome;
      try {
        outcome = DatabaseAdmin.create(db.url(), db.username(), db.password(), quiet);
      } catch (MigrationException e) {
        throw new MojoFailureException("ashpg: " + e.getMessage(), e);
      }
      if (!quiet) {
        getLog().info("ashpg: database of repo " + repo.name() + (outcome == DatabaseAdmin.CreateOutcome.CREATED
            ? " created" : " already exists") + " (" + db.displayUrl() + ")");
      }
    }
  }
}
