package io.ashpg.migration.snapshot;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Snapshot files on disk.
 *
 * <pre>
 * &lt;root&gt;/&lt;repo&gt;/&lt;table&gt;/&lt;yyyyMMddHHmmss&gt;.json           global table
 * &lt;root&gt;/&lt;repo&gt;/&lt;schema&gt;.&lt;table&gt;/&lt;version&gt;.json     table with a schema
 * &lt;root&gt;/&lt;repo&gt;/tenants/&lt;table&gt;/&lt;version&gt;.json     context-multitenant table
 * &lt;root&gt;/&lt;repo&gt;/extensions.json                  installed extensions
 * </pre>
 *
 * The latest snapshot of a table is the file with the greatest 14-digit name; other files in the folder are
 * ignored. Nothing is cached: each call reads the disk.
 *
 * <p>Dev runs (AshPostgres's {@code --dev}) write {@code <version>_dev.json} instead, {@code extensions_dev.json}
 * for the extensions, and mark a table their dev migration dropped with {@code <version>_dev.dropped} (the folder
 * keeps its committed snapshots: the dev drop is rolled back before the squash). Reads that include dev files see
 * the newest file of either kind; the others ignore dev files, so a normal run diffs against the last committed
 * state.
 */
public final class SnapshotStore {

  private static final String TENANTS = "tenants";
  /** Name suffix of dev snapshots ({@code <version>_dev.json}). */
  public static final String DEV = "_dev";
  private static final String DEV_DROPPED = DEV + ".dropped";
  private static final Pattern DEV_FILE = Pattern.compile("(\\d{14})" + DEV + "\\.(json|dropped)");

  private final Path root;

  /** A store rooted at {@code root} (need not exist yet). */
  public SnapshotStore(Path root) {
    this.root = root;
  }

  /** The root folder. */
  public Path root() {
    return root;
  }

  /** The folder holding the versions of one table. */
  public Path tableDir(String repo, boolean tenant, String schema, String table) {
    Path base = root.resolve(repo);
    if (tenant) {
      return base.resolve(TENANTS).resolve(table);
    }
    return base.resolve(schema == null ? table : schema + "." + table);
  }

  /** The folder of {@code snapshot}. */
  public Path tableDir(TableSnapshot snapshot) {
    return tableDir(requireRepo(snapshot), snapshot.isTenant(), snapshot.schema(), snapshot.table());
  }

  /** The latest stored snapshot of a table, if any. */
  public Optional<StoredSnapshot> latest(String repo, boolean tenant, String schema, String table) {
    return latestIn(tableDir(repo, tenant, schema, table), false);
  }

  /**
   * The latest snapshot of every table stored for {@code repo}: the global tables, or with {@code tenant} the
   * context-multitenant ones. Used to find tables that no longer have a resource.
   */
  public List<StoredSnapshot> latestOfAll(String repo, boolean tenant) {
    return latestOfAll(repo, tenant, false);
  }

  /**
   * {@link #latestOfAll(String, boolean)}, with {@code includeDev} also seeing dev snapshots: a table whose newest
   * file is a dev drop marker is left out.
   */
  public List<StoredSnapshot> latestOfAll(String repo, boolean tenant, boolean includeDev) {
    List<StoredSnapshot> out = new ArrayList<>();
    for (Path dir : tableDirs(repo, tenant)) {
      latestIn(dir, includeDev).ifPresent(out::add);
    }
    return out;
  }

  /**
   * The snapshot of every table of {@code repo} (global, or with {@code tenant} context-multitenant) as it was
   * before version {@code before}: per table the newest committed file older than {@code before}; a table with none
   * is left out. A null {@code before} gives the latest of every table, as {@link #latestOfAll(String, boolean)}.
   * The generator writes a run's snapshots after its migrations (a greater version), so the snapshots older than a
   * database's first pending migration describe what its applied migrations built.
   */
  public List<StoredSnapshot> before(String repo, boolean tenant, String before) {
    List<StoredSnapshot> out = new ArrayList<>();
    for (Path dir : tableDirs(repo, tenant)) {
      List<String> versions = versions(dir).stream().filter(v -> before == null || v.compareTo(before) < 0).toList();
      if (!versions.isEmpty()) {
        String version = versions.get(versions.size() - 1);
        Path file = dir.resolve(version + ".json");
        out.add(new StoredSnapshot(version, file, read(file)));
      }
    }
    return out;
  }

  /** The table folders of {@code repo}: global ones, or with {@code tenant} the tenant ones; sorted. */
  private List<Path> tableDirs(String repo, boolean tenant) {
    Path base = tenant ? root.resolve(repo).resolve(TENANTS) : root.resolve(repo);
    if (!Files.isDirectory(base)) {
      return List.of();
    }
    try (Stream<Path> dirs = Files.list(base)) {
      return dirs.filter(Files::isDirectory)
          .filter(dir -> tenant || !dir.getFileName().toString().equals(TENANTS))
          .sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list snapshot folder " + base + ": " + e.getMessage(), e);
    }
  }

  /** Every version of a table, oldest first. */
  public List<String> versions(Path tableDir) {
    if (!Files.isDirectory(tableDir)) {
      return List.of();
    }
    try (Stream<Path> files = Files.list(tableDir)) {
      return files.map(p -> p.getFileName().toString())
          .filter(n -> n.endsWith(".json") && VersionClock.VERSION.matcher(n.substring(0, n.length() - 5)).matches())
          .map(n -> n.substring(0, n.length() - 5))
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list snapshot folder " + tableDir + ": " + e.getMessage(), e);
    }
  }

  private Optional<StoredSnapshot> latestIn(Path dir, boolean includeDev) {
    List<String> versions = versions(dir);
    Path file = versions.isEmpty() ? null : dir.resolve(versions.get(versions.size() - 1) + ".json");
    if (includeDev) {
      // a dev file of the same version as a committed one cannot happen (one clock); if it does, the dev one wins
      for (Path dev : devFilesIn(dir)) {
        if (file == null || version(dev).compareTo(version(file)) >= 0) {
          file = dev;
        }
      }
    }
    if (file == null || file.getFileName().toString().endsWith(DEV_DROPPED)) {
      return Optional.empty();
    }
    return Optional.of(new StoredSnapshot(version(file), file, read(file)));
  }

  /** The 14-digit version at the start of a snapshot file's name. */
  private static String version(Path file) {
    return file.getFileName().toString().substring(0, 14);
  }

  private List<Path> devFilesIn(Path dir) {
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    try (Stream<Path> files = Files.list(dir)) {
      return files.filter(p -> DEV_FILE.matcher(p.getFileName().toString()).matches()).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list snapshot folder " + dir + ": " + e.getMessage(), e);
    }
  }

  /**
   * Every dev file of {@code repo}, global and tenant tables alike: dev snapshots, dev drop markers and
   * {@code extensions_dev.json}; sorted.
   */
  public List<Path> devFiles(String repo) {
    Path base = root.resolve(repo);
    if (!Files.isDirectory(base)) {
      return List.of();
    }
    try (Stream<Path> walk = Files.walk(base)) {
      return walk.filter(Files::isRegularFile)
          .filter(p -> DEV_FILE.matcher(p.getFileName().toString()).matches()
              || p.equals(devExtensionsFile(repo)))
          .sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list snapshot folder " + base + ": " + e.getMessage(), e);
    }
  }

  /** The path of the dev snapshot {@code version} of {@code snapshot}'s table. */
  public Path devPathFor(TableSnapshot snapshot, String version) {
    return tableDir(snapshot).resolve(version + DEV + ".json");
  }

  /** The dev marker saying that the dev migration {@code version} dropped the table of {@code tableDir}. */
  public static Path devDroppedPath(Path tableDir, String version) {
    return tableDir.resolve(version + DEV_DROPPED);
  }

  /** Reads one snapshot file. */
  public static TableSnapshot read(Path file) {
    try {
      return SnapshotJson.readTable(Files.readString(file, StandardCharsets.UTF_8), file.toString());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read snapshot " + file + ": " + e.getMessage(), e);
    }
  }

  /** The path {@link #write} would use. */
  public Path pathFor(TableSnapshot snapshot, String version) {
    return tableDir(snapshot).resolve(version + ".json");
  }

  /** Writes {@code snapshot} as version {@code version}; returns the file. */
  public Path write(TableSnapshot snapshot, String version) {
    Path file = pathFor(snapshot, version);
    writeText(file, SnapshotJson.write(snapshot));
    return file;
  }

  /** Whether {@code snapshot} differs from the latest stored one (or none is stored). */
  public boolean changed(TableSnapshot snapshot) {
    return latest(requireRepo(snapshot), snapshot.isTenant(), snapshot.schema(), snapshot.table())
        .map(s -> !SnapshotJson.contentOf(s.snapshot()).equals(SnapshotJson.contentOf(snapshot)))
        .orElse(true);
  }

  /** Deletes every version of a table (after its table was dropped, renamed or moved). */
  public void deleteTable(String repo, boolean tenant, String schema, String table) {
    Path dir = tableDir(repo, tenant, schema, table);
    if (!Files.isDirectory(dir)) {
      return;
    }
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot delete snapshot folder " + dir + ": " + e.getMessage(), e);
    }
  }

  /** The extensions file of {@code repo}. */
  public Path extensionsFile(String repo) {
    return root.resolve(repo).resolve("extensions.json");
  }

  /** The dev extensions file of {@code repo}, written by dev runs instead of {@link #extensionsFile}. */
  public Path devExtensionsFile(String repo) {
    return root.resolve(repo).resolve("extensions" + DEV + ".json");
  }

  /** The stored extensions of {@code repo}, if the file exists. */
  public Optional<ExtensionsSnapshot> extensions(String repo) {
    return extensions(repo, false);
  }

  /** The stored extensions of {@code repo}; with {@code includeDev} the dev file when there is one. */
  public Optional<ExtensionsSnapshot> extensions(String repo, boolean includeDev) {
    Path file = includeDev && Files.exists(devExtensionsFile(repo)) ? devExtensionsFile(repo) : extensionsFile(repo);
    if (!Files.exists(file)) {
      return Optional.empty();
    }
    try {
      return Optional.of(SnapshotJson.readExtensions(Files.readString(file, StandardCharsets.UTF_8),
          file.toString()));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
    }
  }

  /** Writes the extensions file of {@code repo}. */
  public Path writeExtensions(String repo, ExtensionsSnapshot extensions) {
    Path file = extensionsFile(repo);
    writeText(file, SnapshotJson.write(extensions));
    return file;
  }

  private static void writeText(Path file, String text) {
    try {
      Files.createDirectories(file.getParent());
      Files.writeString(file, text, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
    }
  }

  private static String requireRepo(TableSnapshot s) {
    if (s.repo() == null || s.repo().isBlank()) {
      throw new IllegalArgumentException("snapshot of table " + s.table()
          + " has no repo; set it to the repo's snake_case name (e.g. blog_repo)");
    }
    return s.repo();
  }
}
