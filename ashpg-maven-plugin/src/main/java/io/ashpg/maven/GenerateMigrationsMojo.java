package io.ashpg.maven;

import io.ashpg.migration.generate.GeneratedFile;
import io.ashpg.migration.generate.GenerationResult;
import io.ashpg.migration.generate.GeneratorOptions;
import java.nio.file.Path;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Execute;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;

/**
 * Generates SQL migrations and resource snapshots from the resources of the configured Apis
 * ({@code mix ash_postgres.generate_migrations}).
 *
 * <p>While a feature is in progress, generate with {@code -Dashpg.dev}: dev migrations and dev snapshots, applied
 * by {@code ashpg:migrate} like any other. The next run without it squashes them: it rolls back the applied dev
 * migrations (newest first, in every tenant schema, then in the public schema — so it needs the repo's database,
 * found as {@code migrate} finds it), deletes the dev files and writes one migration holding the whole change.
 */
@Mojo(name = "generate-migrations", requiresDependencyResolution = ResolutionScope.RUNTIME, threadSafe = true)
@Execute(phase = LifecyclePhase.COMPILE)
public class GenerateMigrationsMojo extends AbstractGeneratorMojo {

  /** Write dropped columns as SQL instead of commented out. */
  @Parameter(property = "ashpg.dropColumns", defaultValue = "false")
  protected boolean dropColumns;

  /** Name of the migration (default {@code migrate_resources_<n>}); the version is prepended. */
  @Parameter(property = "ashpg.name")
  protected String name;

  /** Print nothing but warnings and errors. */
  @Parameter(property = "ashpg.quiet", defaultValue = "false")
  protected boolean quiet;

  /**
   * Accepted for parity with AshPostgres' {@code --no-format}; generated SQL is always laid out the same way, so
   * there is nothing to switch off.
   */
  @Parameter(property = "ashpg.noFormat", defaultValue = "false")
  protected boolean noFormat;

  /** Print the files that would be written, and write nothing. */
  @Parameter(property = "ashpg.dryRun", defaultValue = "false")
  protected boolean dryRun;

  /** Write nothing; fail when the resources and the snapshots differ (what check-migrated does). */
  @Parameter(property = "ashpg.checkMigrated", defaultValue = "false")
  protected boolean checkMigrated;

  /**
   * Build the unique indexes of identities added to existing tables {@code CONCURRENTLY} (AshPostgres's
   * {@code --concurrent-indexes}), so adding one does not block writes to a table holding data. They go into a
   * migration of their own that runs outside a transaction ({@code -- ashpg:no-transaction}), after the main one;
   * what needs them, such as a foreign key to the new unique columns, goes into one more migration after that.
   * Tables created in the same run are empty and get their indexes in the main migration.
   */
  @Parameter(property = "ashpg.concurrentIndexes", defaultValue = "false")
  protected boolean concurrentIndexes;

  /**
   * Generate dev migrations ({@code <version>_<name>_dev.sql}) and dev snapshots ({@code <version>_dev.json}) for a
   * change still in progress (AshPostgres's {@code --dev}); repeated dev runs add more. The next run without this
   * flag rolls back the applied dev migrations in the database, deletes every dev file and generates one migration
   * with the whole change; if the database cannot be reached or a rollback fails, it stops and deletes nothing. Dry
   * runs and {@code check-migrated} never roll back or delete; to {@code check-migrated}, dev files are changes not
   * generated yet, so it fails while they exist.
   */
  @Parameter(property = "ashpg.dev", defaultValue = "false")
  protected boolean dev;

  /**
   * Safe mode, for every repo (a repo can ask for it itself with {@code Repo.safeMigrations()}): migrations that do not
   * block writes to tables holding data. Foreign keys and checks are added {@code NOT VALID} and validated in a
   * follow-up file ({@code <name>_validate}, no transaction); NOT NULL goes through a validated check; indexes are built
   * {@code CONCURRENTLY}; a column with a volatile default is added empty and backfilled in batches. Renames, drops and
   * type changes, which no DDL form makes safe, are warned about.
   */
  @Parameter(property = "ashpg.safe", defaultValue = "false")
  protected boolean safe;

  @Override
  protected void run() throws MojoExecutionException, MojoFailureException {
    GeneratorOptions options = options(dropColumns, name, dryRun, checkMigrated).withDev(dev)
        .withConcurrentIndexes(concurrentIndexes).withSafe(safe);
    GenerationResult result = generate(options);
    result.warnings().forEach(w -> getLog().warn("ashpg: " + w));
    if (checkMigrated) {
      failIfPending(result);
      return;
    }
    for (Path file : result.deletedDevFiles()) {
      if (dryRun) {
        getLog().info("ashpg: would " + (file.toString().endsWith(".sql") ? "roll back (where applied) and " : "")
            + "delete dev file " + relative(file));
      } else if (!quiet) {
        getLog().info("ashpg: deleted dev file " + relative(file));
      }
    }
    if (result.noChanges()) {
      if (!quiet) {
        getLog().info("ashpg: " + GenerationResult.NO_CHANGES);
      }
      return;
    }
    for (GeneratedFile file : result.files()) {
      if (dryRun) {
        getLog().info("ashpg: would write " + relative(file.path()) + ":\n" + file.content());
      } else if (!quiet) {
        getLog().info("ashpg: wrote " + relative(file.path()));
      }
    }
    for (Path dir : result.deletedSnapshotDirs()) {
      if (!quiet) {
        getLog().info("ashpg: " + (dryRun ? "would delete " : "deleted ") + relative(dir));
      }
    }
    if (dryRun) {
      getLog().info("ashpg: dry run, nothing was written");
    }
    if (!quiet) {
      getLog().warn("ashpg: please always review the generated migrations for correctness.");
      if (result.commentedSteps()) {
        getLog().warn("ashpg: some migration steps are commented out and need manual review.");
      }
      if (result.destructive()) {
        getLog().warn("ashpg: this migration includes destructive operations (drops or column removals);"
            + " review carefully before migrating.");
      }
    }
  }
}
