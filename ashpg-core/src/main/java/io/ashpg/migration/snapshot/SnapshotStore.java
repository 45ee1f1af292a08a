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
 */
public final class SnapshotStore {

  private static final String TENANTS = "tenants";

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
    return latestIn(tableDir(repo, tenant, schema, table));
  }

  /**
   * The latest snapshot of every table stored for {@code repo}: the global tables, or with {@code tenant} the
   * context-multitenant ones. Used to find tables that no longer have a resource.
   */
  public List<StoredSnapshot> latestOfAll(String repo, boolean tenant) {
    Path base = tenant ? root.resolve(repo).resolve(TENANTS) : root.resolve(repo);
    if (!Files.isDirectory(base)) {
      return List.of();
    }
    List<StoredSnapshot> out = new ArrayList<>();
    try (Stream<Path> dirs = Files.list(base)) {
      for (Path dir : dirs.filter(Files::isDirectory).sorted().toList()) {
        if (!tenant && dir.getFileName().toString().equals(TENANTS)) {
          continue;
        }
        latestIn(dir).ifPresent(out::add);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list snapshot folder " + base + ": " + e.getMessage(), e);
    }
    return out;
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

  private Optional<StoredSnapshot> latestIn(Path dir) {
    List<String> versions = versions(dir);
    if (versions.isEmpty()) {
      return Optional.empty();
    }
    String v = versions.get(versions.size() - 1);
    Path file = dir.resolve(v + ".json");
    return Optional.of(new StoredSnapshot(v, file, read(file)));
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

  /** The stored extensions of {@code repo}, if the file exists. */
  public Optional<ExtensionsSnapshot> extensions(String repo) {
    Path file = extensionsFile(repo);
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
