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

  @Override
  protected void run() throws MojoExecutionException, MojoFailureException {
    GeneratorOptions options = options(dropColumns, name, dryRun, checkMigrated);
    GenerationResult result = generate(options);
    result.warnings().forEach(w -> getLog().warn("ashpg: " + w));
    if (checkMigrated) {
      failIfPending(result);
      return;
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
