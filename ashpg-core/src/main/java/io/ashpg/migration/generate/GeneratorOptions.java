package io.ashpg.migration.generate;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * Options of a generation run.
 *
 * @param snapshotPath        root of the snapshot store ({@code src/main/ashpg/resource_snapshots})
 * @param migrationPath       root of public migrations; files go to {@code <migrationPath>/<repo>/migrations}
 * @param tenantMigrationPath root of tenant migrations; files go to {@code <root>/<repo>/tenant_migrations}
 * @param dropColumns         drop removed columns (otherwise the drops are written commented out)
 * @param name                migration name, or null for {@code migrate_resources_<n>}
 * @param quiet               log nothing but errors
 * @param dryRun              compute and return the files without writing anything
 * @param checkMigrated       only report pending changes per table; write nothing
 * @param renames             rename hints (see {@link io.ashpg.migration.diff.HintRenameDecider})
 * @param concurrentIndexes   build identities' unique indexes on tables that already exist {@code CONCURRENTLY},
 *                            in a no-transaction migration of their own (what depends on them in one after it)
 * @param dev                 write dev migrations and dev snapshots (see {@link DevMigrations}); without it, dev
 *                            migrations left by earlier dev runs are rolled back, deleted and squashed into one
 */
public record GeneratorOptions(
    Path snapshotPath,
    Path migrationPath,
    Path tenantMigrationPath,
    boolean dropColumns,
    String name,
    boolean quiet,
    boolean dryRun,
    boolean checkMigrated,
    List<String> renames,
    boolean concurrentIndexes,
    boolean dev) {

  public GeneratorOptions {
    Objects.requireNonNull(snapshotPath, "snapshotPath");
    Objects.requireNonNull(migrationPath, "migrationPath");
    Objects.requireNonNull(tenantMigrationPath, "tenantMigrationPath");
    renames = renames == null ? List.of() : List.copyOf(renames);
  }

  /** The DESIGN layout under {@code projectDir}, everything else off. */
  public static GeneratorOptions defaults(Path projectDir) {
    Path db = projectDir.resolve("src/main/resources/db");
    return new GeneratorOptions(projectDir.resolve("src/main/ashpg/resource_snapshots"), db, db, false, null,
        false, false, false, List.of(), false, false);
  }

  public GeneratorOptions withDropColumns(boolean b) {
    return new GeneratorOptions(snapshotPath, migrationPath, tenantMigrationPath, b, name, quiet, dryRun,
        checkMigrated, renames, concurrentIndexes, dev);
  }

  public GeneratorOptions withName(String n) {
    return new GeneratorOptions(snapshotPath, migrationPath, tenantMigrationPath, dropColumns, n, quiet, dryRun,
        checkMigrated, renames, concurrentIndexes, dev);
  }

  public GeneratorOptions withDryRun(boolean b) {
    return new GeneratorOptions(snapshotPath, migrationPath, tenantMigrationPath, dropColumns, name, quiet, b,
        checkMigrated, renames, concurrentIndexes, dev);
  }

  public GeneratorOptions withCheckMigrated(boolean b) {
    return new GeneratorOptions(snapshotPath, migrationPath, tenantMigrationPath, dropColumns, name, quiet, dryRun,
        b, renames, concurrentIndexes, dev);
  }

  public GeneratorOptions withRenames(List<String> r) {
    return new GeneratorOptions(snapshotPath, migrationPath, tenantMigrationPath, dropColumns, name, quiet, dryRun,
        checkMigrated, r, concurrentIndexes, dev);
  }

  public GeneratorOptions withQuiet(boolean b) {
    return new GeneratorOptions(snapshotPath, migrationPath, tenantMigrationPath, dropColumns, name, b, dryRun,
        checkMigrated, renames, concurrentIndexes, dev);
  }

  public GeneratorOptions withConcurrentIndexes(boolean b) {
    return new GeneratorOptions(snapshotPath, migrationPath, tenantMigrationPath, dropColumns, name, quiet, dryRun,
        checkMigrated, renames, b, dev);
  }

  public GeneratorOptions withDev(boolean b) {
    return new GeneratorOptions(snapshotPath, migrationPath, tenantMigrationPath, dropColumns, name, quiet, dryRun,
        checkMigrated, renames, concurrentIndexes, b);
  }

  /** Folder of the public migrations of {@code repo}. */
  public Path migrationDir(String repo) {
    return migrationPath.resolve(repo).resolve("migrations");
  }

  /** Folder of the tenant migrations of {@code repo}. */
  public Path tenantMigrationDir(String repo) {
    return tenantMigrationPath.resolve(repo).resolve("tenant_migrations");
  }
}
