package io.ashpg.migration.generate;

import io.ashpg.repo.Repo;
import java.nio.file.Path;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

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
 * @param repoDirectories     per repo name, folders that win over the roots' layout (see {@link #withRepoPaths})
 * @param safe                safe mode for every repo: DDL that does not block writes to tables holding data, and
 *                            warnings for what cannot be made safe (see {@link io.ashpg.migration.ddl.MigrationWriter})
 * @param safeRepos           names of repos in safe mode whatever {@code safe} says ({@code Repo.safeMigrations()})
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
    boolean dev,
    Map<String, RepoDirectories> repoDirectories,
    boolean safe,
    Set<String> safeRepos) {

  /**
   * The folders one repo's migrations go to, instead of {@code <migrationPath>/<repo>/migrations} and
   * {@code <tenantMigrationPath>/<repo>/tenant_migrations}.
   *
   * @param migrations       folder of the public migrations
   * @param tenantMigrations folder of the tenant migrations
   */
  public record RepoDirectories(Path migrations, Path tenantMigrations) {
    public RepoDirectories {
      Objects.requireNonNull(migrations, "migrations");
      Objects.requireNonNull(tenantMigrations, "tenantMigrations");
    }
  }

  /** Options without per-repo folders: every repo's files go under the two roots. */
  public GeneratorOptions(Path snapshotPath, Path migrationPath, Path tenantMigrationPath, boolean dropColumns,
      String name, boolean quiet, boolean dryRun, boolean checkMigrated, List<String> renames,
      boolean concurrentIndexes, boolean dev) {
    this(snapshotPath, migrationPath, tenantMigrationPath, dropColumns, name, quiet, dryRun, checkMigrated, renames,
        concurrentIndexes, dev, Map.of(), false, Set.of());
  }

  public GeneratorOptions {
    Objects.requireNonNull(snapshotPath, "snapshotPath");
    Objects.requireNonNull(migrationPath, "migrationPath");
    Objects.requireNonNull(tenantMigrationPath, "tenantMigrationPath");
    renames = renames == null ? List.of() : List.copyOf(renames);
    repoDirectories = repoDirectories == null ? Map.of() : Map.copyOf(repoDirectories);
    safeRepos = safeRepos == null ? Set.of() : Set.copyOf(safeRepos);
  }

  /** The DESIGN layout under {@code projectDir}, everything else off. */
  public static GeneratorOptions defaults(Path projectDir) {
    Path db = projectDir.resolve("src/main/resources/db");
    return new GeneratorOptions(projectDir.resolve("src/main/ashpg/resource_snapshots"), db, db, false, null,
        false, false, false, List.of(), false, false);
  }

  public GeneratorOptions withDropColumns(boolean b) {
    return new GeneratorOptions(snapshotPath, migrationPath, tenantMigrationPath, b, name, quiet, dryRun,
        checkMigrated, renames, concurrentIndexes, dev, repoDirectories, safe, safeRepos);
  }

  public GeneratorOptions withName(String n) {
    return new GeneratorOptions(snapshotPath, migrationPath, tenantMigrationPath, dropColumns, n, quiet, dryRun,
        checkMigrated, renames, concurrentIndexes, dev, repoDirectories, safe, safeRepos);
  }

  public GeneratorOptions withDryRun(boolean b) {
    return new GeneratorOptions(snapshotPath, migrationPath, tenantMigrationPath, dropColumns, name, quiet, b,
        checkMigrated, renames, concurrentIndexes, dev, repoDirectories, safe, safeRepos);
  }

  public GeneratorOptions withCheckMigrated(boolean b) {
    return new GeneratorOptions(snapshotPath, migrationPath, tenantMigrationPath, dropColumns, name, quiet, dryRun,
        b, renames, concurrentIndexes, dev, repoDirectories, safe, safeRepos);
  }

  public GeneratorOptions withRenames(List<String> r) {
    return new GeneratorOptions(snapshotPath, migrationPath, tenantMigrationPath, dropColumns, name, quiet, dryRun,
        checkMigrated, r, concurrentIndexes, dev, repoDirectories, safe, safeRepos);
  }

  public GeneratorOptions withQuiet(boolean b) {
    return new GeneratorOptions(snapshotPath, migrationPath, tenantMigrationPath, dropColumns, name, b, dryRun,
        checkMigrated, renames, concurrentIndexes, dev, repoDirectories, safe, safeRepos);
  }

  public GeneratorOptions withConcurrentIndexes(boolean b) {
    return new GeneratorOptions(snapshotPath, migrationPath, tenantMigrationPath, dropColumns, name, quiet, dryRun,
        checkMigrated, renames, b, dev, repoDirectories, safe, safeRepos);
  }

  public GeneratorOptions withDev(boolean b) {
    return new GeneratorOptions(snapshotPath, migrationPath, tenantMigrationPath, dropColumns, name, quiet, dryRun,
        checkMigrated, renames, concurrentIndexes, b, repoDirectories, safe, safeRepos);
  }

  /**
   * These options writing each of {@code repos}' migrations where the migrator reads them: to
   * {@code <resourcesRoot>/<Repo.migrationsPath()>} and {@code <resourcesRoot>/<Repo.tenantMigrationsPath()>}, the
   * folders behind the {@code classpath:} locations {@link io.ashpg.migration.run.MigrationTarget#of(Repo)} uses. So
   * a repo that overrides those paths gets its generated files where {@code migrate} looks for them.
   *
   * @param resourcesRoot the project's resource folder, e.g. {@code src/main/resources}
   */
  public GeneratorOptions withRepoPaths(Path resourcesRoot, Collection<? extends Repo> repos) {
    Map<String, RepoDirectories> dirs = new LinkedHashMap<>(repoDirectories);
    for (Repo repo : repos) {
      dirs.put(repo.name(), new RepoDirectories(resourcesRoot.resolve(repo.migrationsPath()),
          resourcesRoot.resolve(repo.tenantMigrationsPath())));
    }
    return withRepoDirectories(dirs);
  }

  /** These options with the folders of {@code directories} (by repo name) instead of the roots' layout. */
  public GeneratorOptions withRepoDirectories(Map<String, RepoDirectories> directories) {
    return new GeneratorOptions(snapshotPath, migrationPath, tenantMigrationPath, dropColumns, name, quiet, dryRun,
        checkMigrated, renames, concurrentIndexes, dev, directories, safe, safeRepos);
  }

  /** These options with safe mode on or off for every repo ({@code -Dashpg.safe}). */
  public GeneratorOptions withSafe(boolean b) {
    return new GeneratorOptions(snapshotPath, migrationPath, tenantMigrationPath, dropColumns, name, quiet, dryRun,
        checkMigrated, renames, concurrentIndexes, dev, repoDirectories, b, safeRepos);
  }

  /** These options with safe mode for the repos named in {@code repos} (those whose setting asks for it). */
  public GeneratorOptions withSafeRepos(Collection<String> repos) {
    return new GeneratorOptions(snapshotPath, migrationPath, tenantMigrationPath, dropColumns, name, quiet, dryRun,
        checkMigrated, renames, concurrentIndexes, dev, repoDirectories, safe, Set.copyOf(repos));
  }

  /** Whether {@code repo}'s migrations are generated in safe mode. */
  public boolean safeFor(String repo) {
    return safe || safeRepos.contains(repo);
  }

  /** Folder of the public migrations of {@code repo}. */
  public Path migrationDir(String repo) {
    RepoDirectories own = repoDirectories.get(repo);
    return own != null ? own.migrations() : migrationPath.resolve(repo).resolve("migrations");
  }

  /** Folder of the tenant migrations of {@code repo}. */
  public Path tenantMigrationDir(String repo) {
    RepoDirectories own = repoDirectories.get(repo);
    return own != null ? own.tenantMigrations() : tenantMigrationPath.resolve(repo).resolve("tenant_migrations");
  }
}
