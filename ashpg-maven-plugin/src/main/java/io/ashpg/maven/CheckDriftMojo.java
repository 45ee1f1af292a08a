package io.ashpg.maven;

import io.ashpg.migration.drift.DriftChecker;
import io.ashpg.migration.drift.DriftOptions;
import io.ashpg.migration.drift.DriftReport;
import io.ashpg.migration.drift.SchemaDrift;
import io.ashpg.migration.run.MigrationException;
import io.ashpg.migration.run.MigrationTarget;
import io.ashpg.migration.run.MigratorOptions;
import io.ashpg.repo.Repo;
import io.ashpg.resource.Domain;
import io.ashpg.resource.Multitenancy;
import io.ashpg.resource.Resource;
import java.io.File;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Execute;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;

/**
 * Fails the build when the database is not what its applied migrations built: compares the public schema — and
 * with {@code -Dashpg.tenants} every tenant schema too, or a sample of them ({@code -Dashpg.drift.sample=N}) — with
 * the snapshots as of each schema's applied migrations, and lists every table, column, index and constraint that
 * is missing, not declared, or different, field by field. A schema with pending migrations is reported as pending,
 * not as drifted. Objects ashpg does not manage are left alone with {@code -Dashpg.drift.ignore=audit_*,posts.tmp_*};
 * {@code -Dashpg.drift.report=target/drift.json} also writes the report as JSON; tables of resources with
 * {@code migrate(false)} are never reported as not declared. Reads only.
 */
@Mojo(name = "check-drift", requiresDependencyResolution = ResolutionScope.RUNTIME, threadSafe = true)
@Execute(phase = LifecyclePhase.COMPILE)
public class CheckDriftMojo extends AbstractMigrationMojo {

  /** Root of the resource snapshots, as generate-migrations writes them. */
  @Parameter(property = "ashpg.snapshotPath", defaultValue = "${project.basedir}/src/main/ashpg/resource_snapshots")
  protected File snapshotPath;

  /**
   * Also write the report as JSON to this file (relative to the project). With several repos, the first repo's
   * report goes to this file and each further one to the file with that repo's name added
   * ({@code drift-shop_repo.json}).
   */
  @Parameter(property = "ashpg.drift.report")
  protected File driftReport;

  /**
   * Names of objects ashpg does not manage, left out of the check: globs ({@code *}, {@code ?}) matched against a
   * table, column, index or constraint name, alone or qualified ({@code audit_*}, {@code posts.legacy_*},
   * {@code org_*.imports}).
   */
  @Parameter(property = "ashpg.drift.ignore")
  protected List<String> driftIgnore;

  /** With {@code tenants}: compare only this many tenants, picked at random (all are still checked for pending). */
  @Parameter(property = "ashpg.drift.sample")
  protected Integer driftSample;

  /** The seed of the sample's pick, to repeat a run's pick (default: a new one each run, logged). */
  @Parameter(property = "ashpg.drift.seed")
  protected Long driftSeed;

  /** Report files already written in this run, so a second repo does not overwrite the first one's. */
  private final Set<Path> written = new HashSet<>();

  @Override
  protected void checkParameters() throws MojoFailureException {
    if (driftSample != null && driftSample < 1) {
      throw new MojoFailureException("ashpg: ashpg.drift.sample is " + driftSample + "; give the number of tenants"
          + " to compare, 1 or more (leave it out to compare every tenant)");
    }
    if ((driftSample != null || driftSeed != null) && !tenants) {
      throw new MojoFailureException("ashpg: ashpg.drift.sample and ashpg.drift.seed pick tenants; add"
          + " -Dashpg.tenants to check the tenant schemas, or leave them out");
    }
  }

  @Override
  protected void runFor(Repo repo, DatabaseTarget db, MigratorOptions.Builder builder)
      throws MojoExecutionException, MojoFailureException {
    MigratorOptions run = builder.build();
    List<String> publicLocations = tenants ? locations(repo, false) : run.locations();
    if (publicLocations.isEmpty()) {
      throw new MojoFailureException("ashpg: repo " + repo.name() + " has no migrations directory ("
          + relative(ResourceFolders.defaultRoot(project).resolve(repo.migrationsPath())) + "): the drift check"
          + " needs the public migrations to know which are applied");
    }
    DriftOptions options = DriftOptions.of(repo.name(), snapshotPath.toPath(), publicLocations)
        .withDefaultSchema(run.schema())
        .ignoring(driftIgnore == null ? List.of() : driftIgnore)
        .withUnmanagedTables(unmanagedTables(repo))
        .withParallelism(run.effectiveParallelism());
    if (tenants) {
      long seed = driftSeed != null ? driftSeed : System.nanoTime();
      options = options.withTenants(run.locations(), repo::allTenants)
          .withTenantFilter(run.onlyTenants(), run.exceptTenants())
          .withSample(driftSample == null ? 0 : driftSample, seed);
      if (driftSample != null && !quiet) {
        getLog().info("ashpg: " + repo.name() + ": comparing a sample of " + driftSample + " tenant(s)"
            + " (-Dashpg.drift.seed=" + seed + " picks the same ones again)");
      }
    }
    DriftReport report;
    try {
      report = DriftChecker.create(MigrationTarget.of(db.url(), db.username(), db.password(), repo.name())
          .connections(), options).check();
    } catch (MigrationException e) {
      throw failure(e);
    } catch (IllegalArgumentException | UncheckedIOException e) {
      throw new MojoFailureException("ashpg: drift check of repo " + repo.name() + ": " + e.getMessage(), e);
    }
    if (driftReport != null) {
      Path file = reportFile(repo);
      try {
        report.writeJson(file);
      } catch (UncheckedIOException e) {
        throw new MojoFailureException("ashpg: " + e.getMessage(), e);
      }
      getLog().info("ashpg: " + repo.name() + ": drift report written to " + relative(file));
    }
    for (String name : report.invalidTenants()) {
      getLog().warn("ashpg: tenant name '" + name + "' is not valid: its schema was not checked");
    }
    List<SchemaDrift> pending = report.schemas().stream()
        .filter(s -> s.status() == SchemaDrift.Status.PENDING).toList();
    if (!quiet) {
      // a fleet may have thousands of tenants behind: the first few are named, the summary counts them all
      pending.stream().limit(TENANTS_LISTED).forEach(s -> getLog().info("ashpg: " + repo.name() + " schema "
          + s.schema() + ": " + s.pending().size() + " migration(s) pending; compared with the snapshots "
          + s.comparedTo() + " (not drift)"));
      if (pending.size() > TENANTS_LISTED) {
        getLog().info("ashpg: … and " + (pending.size() - TENANTS_LISTED) + " more schema(s) with pending migrations");
      }
    }
    if (report.drifted()) {
      StringBuilder message = new StringBuilder("ashpg: drift in " + report.summary() + ":");
      report.lines(FAILURES_LISTED).forEach(line -> message.append("\n  ").append(line));
      message.append("\nThe database differs from what its applied migrations built. Put a wanted change into the")
          .append(" resources and generate a migration, undo an unwanted one, or leave objects ashpg does not")
          .append(" manage out with -Dashpg.drift.ignore=<pattern>.");
      throw new MojoFailureException(message.toString());
    }
    if (!quiet) {
      getLog().info("ashpg: " + report.summary());
    }
  }

  /**
   * The tables of {@code repo}'s resources with {@code migrate(false)}: they exist without snapshots, so the check does
   * not report them as not declared. A tenant table is named alone (it is in every tenant schema).
   */
  private Set<String> unmanagedTables(Repo repo) throws MojoFailureException, MojoExecutionException {
    Domain domain = domain();
    Set<String> out = new TreeSet<>();
    for (Resource resource : domain.resources(repo)) {
      if (resource.postgres().migrate()) {
        continue;
      }
      boolean tenant = resource.multitenancy().map(m -> m.strategy() == Multitenancy.Strategy.CONTEXT)
          .orElse(false);
      Optional<String> schema = tenant ? Optional.empty() : resource.postgres().schema();
      for (String table : domain.tables(resource)) {
        out.add(schema.map(s -> s + "." + table).orElse(table));
      }
    }
    return out;
  }

  /** The report file of {@code repo}: the one given, or with several repos the repo's name added. */
  private Path reportFile(Repo repo) {
    Path given = project.getBasedir().toPath().resolve(driftReport.toPath());
    Path file = given;
    if (!written.add(given)) {
      String name = given.getFileName().toString();
      int dot = name.lastIndexOf('.');
      file = given.resolveSibling(dot < 0 ? name + "-" + repo.name() : name.substring(0, dot) + "-" + repo.name()
          + name.substring(dot));
    }
    return file;
  }
}
