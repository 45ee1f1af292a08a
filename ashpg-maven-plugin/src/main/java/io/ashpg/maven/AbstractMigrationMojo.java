package io.ashpg.maven;

import io.ashpg.migration.run.MigrationException;
import io.ashpg.migration.run.MigrationFailure;
import io.ashpg.migration.run.MigrationResult;
import io.ashpg.migration.run.MigratorOptions;
import io.ashpg.migration.run.SchemaOutcome;
import io.ashpg.repo.Repo;
import io.ashpg.resource.Domain;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.maven.model.Resource;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Parameter;

/** Options shared by the goals that run migrations: migrate, rollback and status. */
public abstract class AbstractMigrationMojo extends AbstractAshpgMojo {

  /** Work on tenant migrations, in every schema the repo's {@code allTenants} lists, instead of the public ones. */
  @Parameter(property = "ashpg.tenants", defaultValue = "false")
  protected boolean tenants;

  /** With {@code tenants}: only these tenants, e.g. {@code -Dashpg.onlyTenants=org_1,org_2}. */
  @Parameter(property = "ashpg.onlyTenants")
  protected List<String> onlyTenants;

  /** With {@code tenants}: every tenant but these. */
  @Parameter(property = "ashpg.exceptTenants")
  protected List<String> exceptTenants;

  /** Schema to run the public migrations in instead of {@code public}; ignored with {@code tenants}. */
  @Parameter(property = "ashpg.prefix")
  protected String prefix;

  /** Log nothing but warnings and errors. */
  @Parameter(property = "ashpg.quiet", defaultValue = "false")
  protected boolean quiet;

  /** Log every SQL statement as it runs. */
  @Parameter(property = "ashpg.logSql", defaultValue = "false")
  protected boolean logSql;

  /**
   * Where migrations are read from instead of the repo's default ({@code src/main/resources/db/<repo>/migrations},
   * or {@code tenant_migrations} with {@code tenants}): directories (relative to the project) or
   * {@code classpath:} locations, merged and sorted by version.
   */
  @Parameter(property = "ashpg.migrationsPaths")
  protected List<String> migrationsPaths;

  /** Connections in the pool used for tenant runs. */
  @Parameter(property = "ashpg.poolSize", defaultValue = "4")
  protected int poolSize;

  /** Tenants migrated at once; 0 means as many as the pool has connections. */
  @Parameter(property = "ashpg.parallelism", defaultValue = "0")
  protected int parallelism;

  /** Run although an applied migration file has changed since it was applied. */
  @Parameter(property = "ashpg.ignoreChecksums", defaultValue = "false")
  protected boolean ignoreChecksums;

  @Override
  protected final void run() throws MojoExecutionException, MojoFailureException {
    checkParameters();
    Domain domain = domain();
    for (Repo repo : domain.repos()) {
      List<String> locations = locations(repo);
      if (locations.isEmpty()) {
        if (!quiet) {
          getLog().info("ashpg: repo " + repo.name() + " has no " + (tenants ? "tenant " : "")
              + "migrations directory (" + relative(defaultDirectory(repo)) + "); nothing to do");
        }
        continue;
      }
      runFor(repo, database(repo), options(repo, locations));
    }
  }

  /** Fails on goal parameters that make no sense, before anything connects or runs. */
  protected void checkParameters() throws MojoFailureException {
  }

  /** The goal's work on one repo. */
  protected abstract void runFor(Repo repo, DatabaseTarget db, MigratorOptions.Builder options)
      throws MojoExecutionException, MojoFailureException;

  private MigratorOptions.Builder options(Repo repo, List<String> locations) {
    MigratorOptions.Builder b = MigratorOptions.builder()
        .repoName(repo.name())
        .locations(locations)
        .logSql(logSql)
        .quiet(quiet)
        .ignoreChecksums(ignoreChecksums)
        .poolSize(poolSize)
        .parallelism(parallelism);
    if (!tenants && prefix != null && !prefix.isBlank()) {
      b.prefix(prefix);
    }
    if (onlyTenants != null && !onlyTenants.isEmpty()) {
      b.onlyTenants(Set.copyOf(trimmed(onlyTenants)));
    }
    if (exceptTenants != null && !exceptTenants.isEmpty()) {
      b.exceptTenants(Set.copyOf(trimmed(exceptTenants)));
    }
    return b;
  }

  private static List<String> trimmed(List<String> values) {
    return values.stream().map(String::trim).filter(v -> !v.isEmpty()).toList();
  }

  /** The configured locations, or the repo's directory under the project's resources when it exists. */
  private List<String> locations(Repo repo) {
    if (migrationsPaths != null && !migrationsPaths.isEmpty()) {
      List<String> out = new ArrayList<>();
      for (String p : trimmed(migrationsPaths)) {
        out.add(p.startsWith("classpath:") ? p : project.getBasedir().toPath().resolve(p).toString());
      }
      return out;
    }
    return ResourceFolders.existing(project, tenants ? repo.tenantMigrationsPath() : repo.migrationsPath())
        .map(dir -> List.of(dir.toString())).orElse(List.of());
  }

  private Path defaultDirectory(Repo repo) {
    return ResourceFolders.defaultRoot(project).resolve(tenants ? repo.tenantMigrationsPath() : repo.migrationsPath());
  }

  /** Logs what a run did and fails the build when anything failed. */
  protected void report(String verb, String nothingToDo, Repo repo, MigrationResult result)
      throws MojoFailureException {
    for (SchemaOutcome outcome : result.schemas()) {
      if (!outcome.versions().isEmpty() && !quiet) {
        getLog().info("ashpg: " + repo.name() + " schema " + outcome.schema() + ": " + verb + " "
            + outcome.versions());
      }
    }
    if (!quiet && result.changedSchemas() == 0 && result.succeeded()) {
      getLog().info("ashpg: " + repo.name() + (tenants ? " tenants" : "") + ": " + nothingToDo);
    }
    if (!result.succeeded()) {
      StringBuilder message = new StringBuilder("ashpg: " + result.failures().size() + " migration failure(s) in "
          + repo.name() + ":");
      for (MigrationFailure failure : result.failures()) {
        message.append("\n  - ").append(failure.describe());
      }
      throw new MojoFailureException(message.toString());
    }
  }

  /** Turns an error found before anything ran into a build failure that says what to do. */
  protected static MojoFailureException failure(MigrationException e) {
    return new MojoFailureException("ashpg: " + e.getMessage(), e);
  }
}
