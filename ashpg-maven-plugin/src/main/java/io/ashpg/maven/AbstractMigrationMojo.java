package io.ashpg.maven;

import io.ashpg.migration.run.MigrationException;
import io.ashpg.migration.run.MigrationResult;
import io.ashpg.migration.run.MigratorOptions;
import io.ashpg.migration.run.SchemaOutcome;
import io.ashpg.repo.Repo;
import io.ashpg.resource.Domain;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Parameter;

/** Options shared by the goals that run migrations: migrate, rollback and status. */
public abstract class AbstractMigrationMojo extends AbstractAshpgMojo {

  /** SQLSTATE invalid_catalog_name: the database the URL names does not exist. */
  private static final String MISSING_DATABASE = "3D000";
  private static final String CREATE_HINT = "\nThe database does not exist yet: run mvn ashpg:create first (with the"
      + " same database settings), then this goal again.";

  /** Work on tenant migrations, in every schema the repo's {@code allTenants} lists, instead of the public ones. */
  @Parameter(property = "ashpg.tenants", defaultValue = "false")
  protected boolean tenants;

  /**
   * With {@code tenants}: only these tenants, e.g. {@code -Dashpg.onlyTenants=org_1,org_2}. A name the repo's
   * {@code allTenants} does not list is an error.
   */
  @Parameter(property = "ashpg.onlyTenants")
  protected List<String> onlyTenants;

  /** With {@code tenants}: every tenant but these (each must be listed by {@code allTenants}). */
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

  /** With {@code tenants}: connections in the pool of the run (default 4). */
  @Parameter(property = "ashpg.poolSize")
  protected Integer poolSize;

  /** With {@code tenants}: tenants migrated at once (default: as many as the pool has connections). */
  @Parameter(property = "ashpg.parallelism")
  protected Integer parallelism;

  /** Run although an applied migration file has changed since it was applied. */
  @Parameter(property = "ashpg.ignoreChecksums", defaultValue = "false")
  protected boolean ignoreChecksums;

  /**
   * The {@code lock_timeout} every migration runs with, e.g. {@code 5s} (the default), {@code 500ms}, {@code 1min};
   * {@code 0} waits for locks as long as it takes. A file can set its own with a line {@code -- ashpg:lock-timeout 30s}
   * before {@code -- ashpg:up}. A migration that times out is rolled back and tried again a few times.
   */
  @Parameter(property = "ashpg.lockTimeout")
  protected String lockTimeout;

  /** How often a migration that hit its lock timeout is tried again, with a doubling pause, before failing (5). */
  @Parameter(property = "ashpg.lockRetries")
  protected Integer lockRetries;

  /** At most this many tenants are listed one by one in the log; the summary counts them all. */
  static final int TENANTS_LISTED = 20;

  /** At most this many failures are described in the build failure. */
  static final int FAILURES_LISTED = 50;

  @Override
  protected final void run() throws MojoExecutionException, MojoFailureException {
    checkTenantParameters();
    checkLockParameters();
    checkParameters();
    Domain domain = domain();
    for (Repo repo : domain.repos()) {
      target(repo); // every repo's database is checked and named before any of them is touched
    }
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

  /** A malformed lock timeout or retry count fails the build before anything connects. */
  private void checkLockParameters() throws MojoFailureException {
    LockTimeoutParameter.parse(lockTimeout);
    if (lockRetries != null && lockRetries < 0) {
      throw new MojoFailureException("ashpg: ashpg.lockRetries must be 0 (no retry) or more, got " + lockRetries);
    }
  }

  /** Tenant options without {@code tenants} (or the prefix with it) would be accepted and do nothing. */
  private void checkTenantParameters() throws MojoFailureException {
    List<String> tenantOnly = new ArrayList<>();
    if (onlyTenants != null && !trimmed(onlyTenants).isEmpty()) {
      tenantOnly.add("ashpg.onlyTenants");
    }
    if (exceptTenants != null && !trimmed(exceptTenants).isEmpty()) {
      tenantOnly.add("ashpg.exceptTenants");
    }
    if (poolSize != null) {
      tenantOnly.add("ashpg.poolSize");
    }
    if (parallelism != null) {
      tenantOnly.add("ashpg.parallelism");
    }
    if (!tenants && !tenantOnly.isEmpty()) {
      throw new MojoFailureException("ashpg: " + String.join(", ", tenantOnly) + " only apply to tenant runs; add"
          + " -Dashpg.tenants to work on the tenant migrations, or leave " + (tenantOnly.size() == 1 ? "it" : "them")
          + " out (public migrations run in one schema on one connection)");
    }
    if (tenants && prefix != null && !prefix.isBlank()) {
      throw new MojoFailureException("ashpg: ashpg.prefix (" + prefix + ") does not apply to tenant runs, which"
          + " work in the schemas allTenants lists; leave it out, or drop -Dashpg.tenants to migrate that schema");
    }
  }

  /** The goal's work on one repo. */
  protected abstract void runFor(Repo repo, DatabaseTarget db, MigratorOptions.Builder options)
      throws MojoExecutionException, MojoFailureException;

  private MigratorOptions.Builder options(Repo repo, List<String> locations) throws MojoFailureException {
    MigratorOptions.Builder b = MigratorOptions.builder()
        .repoName(repo.name())
        .locations(locations)
        .citus(repo.citus())
        .logSql(logSql)
        .quiet(quiet)
        .ignoreChecksums(ignoreChecksums);
    LockTimeoutParameter.parse(lockTimeout).ifPresent(b::statementLockTimeout);
    if (lockRetries != null) {
      b.lockRetries(lockRetries);
    }
    if (poolSize != null) {
      b.poolSize(poolSize);
    }
    if (parallelism != null) {
      b.parallelism(parallelism);
    }
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
    return locations(repo, tenants);
  }

  /**
   * The locations of {@code repo}'s public or ({@code tenant}) tenant migrations: the configured ones
   * (ashpg.migrationsPaths, which name those of this run), or the repo's directory under the project's resources when
   * it exists; empty when there is none.
   */
  protected List<String> locations(Repo repo, boolean tenant) {
    if (tenant == tenants && migrationsPaths != null && !migrationsPaths.isEmpty()) {
      List<String> out = new ArrayList<>();
      for (String p : trimmed(migrationsPaths)) {
        out.add(p.startsWith("classpath:") ? p : project.getBasedir().toPath().resolve(p).toString());
      }
      return out;
    }
    return ResourceFolders.existing(project, tenant ? repo.tenantMigrationsPath() : repo.migrationsPath())
        .map(dir -> List.of(dir.toString())).orElse(List.of());
  }

  private Path defaultDirectory(Repo repo) {
    return ResourceFolders.defaultRoot(project).resolve(tenants ? repo.tenantMigrationsPath() : repo.migrationsPath());
  }

  /** The progress listener of a tenant run on {@code repo}. */
  protected MavenProgress progress(Repo repo) {
    return new MavenProgress(getLog(), repo.name() + " tenants", quiet);
  }

  /**
   * Logs what a run did and fails the build when anything failed, listing the failures (tenant or schema, file,
   * statement). A tenant run lists the first {@value #TENANTS_LISTED} changed tenants (every one with -X); its
   * progress listener prints the summary.
   */
  protected void report(String verb, String nothingToDo, Repo repo, MigrationResult result)
      throws MojoFailureException {
    int listed = 0;
    for (SchemaOutcome outcome : result.schemas()) {
      if (outcome.versions().isEmpty() || quiet) {
        continue;
      }
      String line = "ashpg: " + repo.name() + " schema " + outcome.schema() + ": " + verb + " " + outcome.versions();
      if (!tenants || listed++ < TENANTS_LISTED) {
        getLog().info(line);
      } else {
        getLog().debug(line);
      }
    }
    if (listed > TENANTS_LISTED) {
      getLog().info("ashpg: … and " + (listed - TENANTS_LISTED) + " more tenant(s); run with -X to list each");
    }
    if (tenants) {
      String summary = "ashpg: " + repo.name() + " tenants: " + result.summary() + String.format(Locale.ROOT,
          " (%d tenant(s), %.1f s)", result.schemas().size(), result.elapsed().toMillis() / 1000.0);
      if (!result.succeeded()) {
        getLog().error(summary);
      } else if (!quiet) {
        getLog().info(summary);
      }
    }
    if (!quiet && result.changedSchemas() == 0 && result.succeeded()) {
      getLog().info("ashpg: " + repo.name() + (tenants ? " tenants" : "") + ": " + nothingToDo);
    }
    if (!result.succeeded()) {
      StringBuilder message = new StringBuilder("ashpg: " + result.failures().size() + " migration failure(s) in "
          + repo.name() + (tenants ? " tenants (" + result.summary() + ")" : "") + ":");
      result.failures().stream().limit(FAILURES_LISTED)
          .forEach(failure -> message.append("\n  - ").append(failure.describe()));
      if (result.failures().size() > FAILURES_LISTED) {
        message.append("\n  … and ").append(result.failures().size() - FAILURES_LISTED)
            .append(" more, each logged above as it happened");
      }
      if (result.failures().stream().anyMatch(f -> MISSING_DATABASE.equals(f.sqlState()))) {
        message.append(CREATE_HINT);
      }
      message.append("\nFix the cause and run again: what succeeded stays applied and is skipped.");
      throw new MojoFailureException(message.toString());
    }
  }

  /**
   * The result of a run that started and failed (the core migrators throw it), for {@link #report} to list; an
   * error found before anything ran becomes a build failure at once.
   */
  protected static MigrationResult failedRun(MigrationException e) throws MojoFailureException {
    if (e.result() == null) {
      throw failure(e);
    }
    return e.result();
  }

  /** Turns an error found before anything ran into a build failure that says what to do. */
  protected static MojoFailureException failure(MigrationException e) {
    return new MojoFailureException("ashpg: " + e.getMessage() + (missingDatabase(e) ? CREATE_HINT : ""), e);
  }

  private static boolean missingDatabase(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof SQLException sql && MISSING_DATABASE.equals(sql.getSQLState())) {
        return true;
      }
    }
    return false;
  }
}
