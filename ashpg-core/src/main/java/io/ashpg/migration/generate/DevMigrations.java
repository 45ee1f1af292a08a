package io.ashpg.migration.generate;

import io.ashpg.migration.run.Direction;
import io.ashpg.migration.run.MigrationException;
import io.ashpg.migration.run.MigrationResult;
import io.ashpg.migration.run.MigrationTarget;
import io.ashpg.migration.run.Migrations;
import io.ashpg.migration.snapshot.SnapshotStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The dev files of one repo: what {@link GeneratorOptions#dev() dev} runs (AshPostgres's {@code --dev}) wrote while a
 * feature was in progress — migrations {@code <version>_<name>_dev.sql} (public and tenant) and dev snapshots (see
 * {@link SnapshotStore}).
 *
 * <p>The next normal run squashes them: it {@linkplain #rollBack rolls back} those dev migrations that are applied,
 * newest first, in the tenants and then in the public schema; deletes every dev file; and generates, from the last
 * committed snapshots, one migration holding the whole change. {@link MigrationGenerator} does this through a
 * {@link DevRollback}, since only the caller knows the database.
 */
public final class DevMigrations {

  /** Suffix of a dev migration's name: {@code <version>_<name>_dev.sql}. */
  public static final String SUFFIX = "_dev";

  private static final Pattern FILE = Pattern.compile("(\\d{14})_[A-Za-z0-9_.\\-]+" + SUFFIX + "\\.sql");

  private final String repo;
  private final Path migrationDir;
  private final Path tenantMigrationDir;
  private final SortedMap<Long, Path> migrations;
  private final SortedMap<Long, Path> tenantMigrations;
  private final List<Path> snapshots;

  private DevMigrations(String repo, Path migrationDir, Path tenantMigrationDir, SortedMap<Long, Path> migrations,
      SortedMap<Long, Path> tenantMigrations, List<Path> snapshots) {
    this.repo = repo;
    this.migrationDir = migrationDir;
    this.tenantMigrationDir = tenantMigrationDir;
    this.migrations = Collections.unmodifiableSortedMap(migrations);
    this.tenantMigrations = Collections.unmodifiableSortedMap(tenantMigrations);
    this.snapshots = List.copyOf(snapshots);
  }

  /** The dev files of {@code repo} in the folders of {@code options}; reads the disk. */
  public static DevMigrations find(GeneratorOptions options, String repo) {
    Path dir = options.migrationDir(repo);
    Path tenantDir = options.tenantMigrationDir(repo);
    return new DevMigrations(repo, dir, tenantDir, devMigrationsIn(dir), devMigrationsIn(tenantDir),
        new SnapshotStore(options.snapshotPath()).devFiles(repo));
  }

  /** Whether {@code fileName} names a dev migration. */
  public static boolean isDevMigration(String fileName) {
    return FILE.matcher(fileName).matches();
  }

  private static SortedMap<Long, Path> devMigrationsIn(Path dir) {
    SortedMap<Long, Path> out = new TreeMap<>();
    if (!Files.isDirectory(dir)) {
      return out;
    }
    try (Stream<Path> files = Files.list(dir)) {
      for (Path p : files.toList()) {
        Matcher m = FILE.matcher(p.getFileName().toString());
        if (m.matches()) {
          out.put(Long.parseLong(m.group(1)), p);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list migration folder " + dir + ": " + e.getMessage(), e);
    }
    return out;
  }

  /** The repo. */
  public String repo() {
    return repo;
  }

  /** Whether there are no dev files at all. */
  public boolean isEmpty() {
    return migrations.isEmpty() && tenantMigrations.isEmpty() && snapshots.isEmpty();
  }

  /** Versions of the public dev migrations, oldest first. */
  public SortedSet<Long> versions() {
    return new TreeSet<>(migrations.keySet());
  }

  /** Versions of the tenant dev migrations, oldest first. */
  public SortedSet<Long> tenantVersions() {
    return new TreeSet<>(tenantMigrations.keySet());
  }

  /** The dev migration files, public then tenant, oldest first. */
  public List<Path> migrationFiles() {
    List<Path> out = new ArrayList<>(migrations.values());
    out.addAll(tenantMigrations.values());
    return List.copyOf(out);
  }

  /** Every dev file: the migrations, then the dev snapshots. */
  public List<Path> files() {
    List<Path> out = new ArrayList<>(migrationFiles());
    out.addAll(snapshots);
    return List.copyOf(out);
  }

  /**
   * Rolls back the applied dev migrations in {@code target}'s database, newest first: first in every tenant schema
   * the target lists (tenant migrations may use public tables), then in the public schema. Dev migrations that were
   * never applied are skipped. The files are read from the generator's migration folders, whatever locations the
   * target names.
   *
   * @return what was rolled back
   * @throws MigrationException when the database cannot be reached or a rollback fails (the tenants that did roll
   *     back stay rolled back; a rerun skips them); nothing is deleted
   */
  public MigrationResult rollBack(MigrationTarget target) {
    MigrationTarget here = target.withLocations(migrationDir.toString(), tenantMigrationDir.toString());
    MigrationResult result = null;
    if (!tenantMigrations.isEmpty()) {
      result = Migrations.rollbackTenantVersions(here, tenantMigrations.keySet());
    }
    if (!migrations.isEmpty()) {
      MigrationResult pub = Migrations.rollbackVersions(here, migrations.keySet());
      result = result == null ? pub : result.and(pub);
    }
    return result != null ? result
        : new MigrationResult(Direction.DOWN, List.of(), List.of(), Duration.ZERO);
  }

  /**
   * Deletes every dev file, and the table folders that held only dev snapshots; returns the deleted files.
   * Called after {@link #rollBack}: a dev migration applied somewhere and deleted here could not be rolled back.
   */
  List<Path> delete() {
    List<Path> deleted = new ArrayList<>();
    try {
      for (Path p : files()) {
        if (Files.deleteIfExists(p)) {
          deleted.add(p);
        }
        Path dir = p.getParent();
        if (snapshots.contains(p) && Files.isDirectory(dir)) {
          try (Stream<Path> rest = Files.list(dir)) {
            if (rest.findAny().isEmpty()) {
              Files.delete(dir);
            }
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("deleting the dev files of repo " + repo + " failed: " + e.getMessage(), e);
    }
    return deleted;
  }
}
