package io.ashpg.maven;

import io.ashpg.migration.diff.AmbiguousRenameException;
import io.ashpg.migration.diff.NeverRename;
import io.ashpg.migration.diff.RenameDecider;
import io.ashpg.migration.generate.AmbiguousPrimaryKeyException;
import io.ashpg.migration.generate.DevMigrations;
import io.ashpg.migration.generate.GenerationResult;
import io.ashpg.migration.generate.GeneratorOptions;
import io.ashpg.migration.generate.GlobalKeyInUseException;
import io.ashpg.migration.generate.MigrationGenerator;
import io.ashpg.migration.generate.PendingChange;
import io.ashpg.migration.generate.PrimaryKeyChooser;
import io.ashpg.migration.generate.PrimaryKeyHints;
import io.ashpg.migration.run.MigrationException;
import io.ashpg.migration.run.MigrationResult;
import io.ashpg.migration.run.MigrationTarget;
import io.ashpg.migration.run.SchemaOutcome;
import io.ashpg.migration.snapshot.SnapshotFormatException;
import io.ashpg.migration.snapshot.VersionClock;
import io.ashpg.repo.Repo;
import io.ashpg.resource.DefinitionException;
import io.ashpg.resource.Domain;
import java.io.File;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Parameter;

/** What generate-migrations and check-migrated share: where snapshots and migrations live, and running the generator. */
public abstract class AbstractGeneratorMojo extends AbstractAshpgMojo {

  /** Root of the resource snapshots. */
  @Parameter(property = "ashpg.snapshotPath", defaultValue = "${project.basedir}/src/main/ashpg/resource_snapshots")
  protected File snapshotPath;

  /**
   * Root of the public migrations; files go to {@code <migrationPath>/<repo>/migrations}. Unset (the default), each
   * repo's files go to its {@code Repo.migrationsPath()} under the project's resources ({@code
   * src/main/resources/db/<repo>/migrations} unless the repo overrides it): where {@code migrate} reads them.
   */
  @Parameter(property = "ashpg.migrationPath")
  protected File migrationPath;

  /**
   * Root of the tenant migrations; files go to {@code <tenantMigrationPath>/<repo>/tenant_migrations}. Unset (the
   * default), each repo's files go to its {@code Repo.tenantMigrationsPath()} under the project's resources.
   */
  @Parameter(property = "ashpg.tenantMigrationPath")
  protected File tenantMigrationPath;

  /**
   * Rename decisions for batch mode: {@code table.old_column:new_column}, {@code table.old_column:-} (really
   * removed), {@code old_table:new_table}, {@code old_table:-} (really dropped). Comma-separated on the command line.
   */
  @Parameter(property = "ashpg.renames")
  protected List<String> renames;

  /**
   * Primary key decisions for tables shared by resources with different keys: {@code table:col1+col2}.
   */
  @Parameter(property = "ashpg.primaryKeys")
  protected List<String> primaryKeys;

  @Override
  protected boolean createsEmbeddedDatabase() {
    return false;
  }

  /**
   * The generator's options from this goal's parameters. The core generator runs quiet: the goal reports the result
   * itself, with project-relative paths, so nothing is printed twice.
   */
  protected GeneratorOptions options(boolean dropColumns, String name, boolean dryRun, boolean checkMigrated) {
    Path defaultRoot = ResourceFolders.defaultRoot(project).resolve("db");
    return new GeneratorOptions(snapshotPath.toPath(), migrationPath != null ? migrationPath.toPath() : defaultRoot,
        tenantMigrationPath != null ? tenantMigrationPath.toPath() : defaultRoot, dropColumns, name, true, dryRun,
        checkMigrated, renames == null ? List.of() : renames, false, false);
  }

  /**
   * {@code options} with each repo's folders: its {@code Repo.migrationsPath()} / {@code tenantMigrationsPath()}
   * under the project's resources — found the way {@code migrate} finds them — unless ashpg.migrationPath /
   * ashpg.tenantMigrationPath name a root.
   */
  private GeneratorOptions withRepoFolders(GeneratorOptions options, Domain domain) {
    Map<String, GeneratorOptions.RepoDirectories> dirs = new LinkedHashMap<>();
    for (Repo repo : domain.repos()) {
      dirs.put(repo.name(), new GeneratorOptions.RepoDirectories(
          migrationPath != null ? options.migrationDir(repo.name())
              : ResourceFolders.forWriting(project, repo.migrationsPath()),
          tenantMigrationPath != null ? options.tenantMigrationDir(repo.name())
              : ResourceFolders.forWriting(project, repo.tenantMigrationsPath())));
    }
    return options.withRepoDirectories(dirs);
  }

  /**
   * Runs the generator. Questions go to the hints first, then (interactive Maven only) to the user; an unanswered
   * question fails the build with the candidates and the hint to give.
   */
  protected GenerationResult generate(GeneratorOptions requested) throws MojoExecutionException,
      MojoFailureException {
    Domain domain = domain();
    GeneratorOptions options = withRepoFolders(requested, domain);
    boolean interactive = session.getRequest().isInteractiveMode() && !options.checkMigrated();
    InteractiveDecisions prompt = new InteractiveDecisions();
    // the generator asks the options' rename hints first, this only what they leave open; a check only lists what
    // differs, so it answers every question the way that shows the most change
    RenameDecider fallback = options.checkMigrated() ? NeverRename.INSTANCE
        : interactive ? prompt : RenameDecider.strict();
    PrimaryKeyChooser hints;
    try {
      hints = new PrimaryKeyHints(primaryKeys == null ? List.of() : primaryKeys);
    } catch (IllegalArgumentException e) {
      throw new MojoFailureException("ashpg: " + e.getMessage());
    }
    PrimaryKeyChooser keys = (table, candidates) -> {
      Optional<List<String>> hinted = hints.choose(table, candidates);
      return hinted.isPresent() || !interactive ? hinted : prompt.choose(table, candidates);
    };
    try {
      return new MigrationGenerator(VersionClock.system()).withDevRollback(dev -> rollBack(domain, dev))
          .generate(domain, options, fallback, keys);
    } catch (AmbiguousRenameException | AmbiguousPrimaryKeyException | GlobalKeyInUseException | DefinitionException
             | SnapshotFormatException | IllegalArgumentException e) {
      throw new MojoFailureException("ashpg: " + e.getMessage(), e);
    } catch (DevRollbackFailed e) {
      if (e.getCause() instanceof MojoExecutionException m) {
        throw m;
      }
      throw (MojoFailureException) e.getCause();
    }
  }

  /** Carries a checked failure of a dev rollback out of the generator's callback. */
  private static final class DevRollbackFailed extends RuntimeException {
    DevRollbackFailed(Exception cause) {
      super(cause);
    }
  }

  /**
   * Rolls back the applied dev migrations of one repo in its database — found the way {@code migrate} finds it —
   * in every tenant its {@code allTenants} lists, then in the public schema.
   */
  private void rollBack(Domain domain, DevMigrations dev) {
    Repo repo = domain.repos().stream().filter(r -> r.name().equals(dev.repo())).findFirst()
        .orElseThrow(() -> new IllegalStateException("no repo named " + dev.repo() + " among the Apis' repos"));
    getLog().info("ashpg: " + repo.name() + ": squashing " + dev.migrationFiles().size()
        + " dev migration(s); rolling back the applied ones first");
    MigrationResult result;
    try {
      DatabaseTarget db = database(repo);
      result = dev.rollBack(MigrationTarget.of(db.url(), db.username(), db.password(), repo.name())
          .withTenants(repo::allTenants));
    } catch (MojoExecutionException e) {
      throw new DevRollbackFailed(e);
    } catch (MigrationException e) {
      throw new DevRollbackFailed(new MojoFailureException("ashpg: could not roll back the dev migrations of repo "
          + repo.name() + ", so nothing was deleted or generated: " + e.getMessage()
          + "\nMake the database reachable (or fix the failing down section) and run again, or keep working with"
          + " -Dashpg.dev.", e));
    }
    for (SchemaOutcome outcome : result.schemas()) {
      if (!outcome.versions().isEmpty()) {
        getLog().info("ashpg: " + repo.name() + " schema " + outcome.schema() + ": rolled back dev migration(s) "
            + outcome.versions());
      }
    }
  }

  /** Fails the build, listing per table what changed, when resources and snapshots differ. */
  protected void failIfPending(GenerationResult result) throws MojoFailureException {
    if (result.pending().isEmpty()) {
      return;
    }
    StringBuilder message = new StringBuilder(
        "ashpg: the resources changed since migrations were last generated:");
    for (PendingChange change : result.pending()) {
      message.append("\n  ").append(change.repo()).append(change.tenant() ? " (tenant) " : " ")
          .append(change.table()).append(":");
      change.changes().forEach(c -> message.append("\n    - ").append(c));
    }
    message.append("\nRun mvn ashpg:generate-migrations, review the migration and commit it with the snapshots.");
    throw new MojoFailureException(message.toString());
  }
}
