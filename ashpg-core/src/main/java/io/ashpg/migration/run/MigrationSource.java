package io.ashpg.migration.run;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.System.Logger.Level;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLConnection;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Objects;
import java.util.TreeMap;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * Where migration files come from: one or more locations, each a directory path ({@code src/main/resources/db/x},
 * optionally {@code file:}-prefixed) or a classpath location ({@code classpath:db/blog_repo/migrations}). A
 * classpath location is read from every classpath element that has it — directories and jars alike, so a packaged
 * application finds its migrations.
 *
 * <p>The files of all locations are merged and sorted by version; the same version twice is an error naming both
 * files (except the very same file reached twice, e.g. through two classpath entries with identical content).
 */
public final class MigrationSource {

  private static final System.Logger LOG = System.getLogger("io.ashpg.migration");
  private static final String CLASSPATH = "classpath:";

  private final List<String> locations;
  private final ClassLoader classLoader;

  private MigrationSource(List<String> locations, ClassLoader classLoader) {
    this.locations = List.copyOf(locations);
    this.classLoader = classLoader;
  }

  /** Locations resolved with the thread's context class loader (or this class's loader when there is none). */
  public static MigrationSource of(List<String> locations) {
    ClassLoader cl = Thread.currentThread().getContextClassLoader();
    return of(locations, cl != null ? cl : MigrationSource.class.getClassLoader());
  }

  /** Locations resolved with {@code classLoader} for the {@code classpath:} ones. */
  public static MigrationSource of(List<String> locations, ClassLoader classLoader) {
    Objects.requireNonNull(locations, "locations");
    Objects.requireNonNull(classLoader, "classLoader");
    if (locations.isEmpty()) {
      throw new MigrationException("no migration location given; name at least one directory or classpath: location");
    }
    for (String l : locations) {
      if (l == null || l.isBlank()) {
        throw new MigrationException("a migration location is empty; give a directory or classpath: location");
      }
    }
    return new MigrationSource(locations, classLoader);
  }

  /** The locations, as given. */
  public List<String> locations() {
    return locations;
  }

  /**
   * Reads and parses every migration file, sorted by version.
   *
   * @throws MigrationException for a malformed file, a duplicate version, or a directory that does not exist
   */
  public List<MigrationFile> load() {
    TreeMap<Long, MigrationFile> byVersion = new TreeMap<>();
    for (String location : locations) {
      for (MigrationFile f : loadLocation(location)) {
        MigrationFile other = byVersion.putIfAbsent(f.version(), f);
        if (other != null && !(other.fileName().equals(f.fileName()) && other.checksum().equals(f.checksum()))) {
          throw new MigrationException("duplicate migration version " + f.version() + ": " + other.location()
              + " and " + f.location() + "; every migration needs its own version, so rename one of them");
        }
      }
    }
    return List.copyOf(byVersion.values());
  }

  private List<MigrationFile> loadLocation(String location) {
    if (location.startsWith(CLASSPATH)) {
      return loadClasspath(location);
    }
    Path dir = Paths.get(location.startsWith("file:") ? location.substring("file:".length()) : location);
    if (!Files.isDirectory(dir)) {
      throw new MigrationException("migration directory " + dir.toAbsolutePath()
          + " does not exist; create it or fix the migrations path");
    }
    return loadDirectory(dir, dir.toString());
  }

  private List<MigrationFile> loadClasspath(String location) {
    String path = location.substring(CLASSPATH.length());
    while (path.startsWith("/")) {
      path = path.substring(1);
    }
    while (path.endsWith("/")) {
      path = path.substring(0, path.length() - 1);
    }
    List<MigrationFile> files = new ArrayList<>();
    Enumeration<URL> urls;
    try {
      urls = classLoader.getResources(path);
    } catch (IOException e) {
      throw new MigrationException("cannot search the classpath for " + location + ": " + e.getMessage(), e);
    }
    boolean found = false;
    for (URL url : Collections.list(urls)) {
      found = true;
      files.addAll(loadUrl(url, path, location));
    }
    if (!found) {
      // a packaged application may simply have no tenant migrations: not an error, but say so
      LOG.log(Level.DEBUG, "no migrations at " + location + " on the classpath");
    }
    return files;
  }

  private List<MigrationFile> loadUrl(URL url, String path, String location) {
    switch (url.getProtocol()) {
      case "file":
        try {
          return loadDirectory(Paths.get(url.toURI()), location);
        } catch (URISyntaxException e) {
          throw new MigrationException("cannot read " + location + " from " + url + ": " + e.getMessage(), e);
        }
      case "jar":
        return loadJar(url, path, location);
      default:
        throw new MigrationException("cannot list " + location + " found at " + url + ": the '" + url.getProtocol()
            + "' protocol is not supported (directories and jar files are); give a directory path instead");
    }
  }

  private List<MigrationFile> loadDirectory(Path dir, String locationPrefix) {
    List<MigrationFile> files = new ArrayList<>();
    try (Stream<Path> entries = Files.list(dir)) {
      for (Path p : (Iterable<Path>) entries.sorted()::iterator) {
        String fileName = p.getFileName().toString();
        if (Files.isRegularFile(p) && MigrationFile.isCandidate(fileName)) {
          String where = locationPrefix.startsWith(CLASSPATH) ? locationPrefix + "/" + fileName : p.toString();
          files.add(MigrationFile.parse(fileName, where, Files.readString(p, StandardCharsets.UTF_8)));
        }
      }
    } catch (IOException e) {
      throw new MigrationException("cannot read migration directory " + dir + ": " + e.getMessage(), e);
    }
    return files;
  }

  private List<MigrationFile> loadJar(URL url, String path, String location) {
    List<MigrationFile> files = new ArrayList<>();
    try {
      URLConnection connection = url.openConnection();
      if (!(connection instanceof JarURLConnection)) {
        throw new MigrationException("cannot list " + location + " at " + url + ": not a jar connection");
      }
      JarURLConnection jarConnection = (JarURLConnection) connection;
      // no caching: a cached JarFile would stay open and, on Windows, locked after the run
      jarConnection.setUseCaches(false);
      try (JarFile jar = jarConnection.getJarFile()) {
        String prefix = path + "/";
        for (JarEntry entry : Collections.list(jar.entries())) {
          String name = entry.getName();
          if (entry.isDirectory() || !name.startsWith(prefix)) {
            continue;
          }
          String fileName = name.substring(prefix.length());
          if (fileName.contains("/") || !MigrationFile.isCandidate(fileName)) {
            continue;
          }
          try (InputStream in = jar.getInputStream(entry)) {
            String content = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            files.add(MigrationFile.parse(fileName, location + "/" + fileName + " (in " + jar.getName() + ")",
                content));
          }
        }
      }
    } catch (IOException | UncheckedIOException e) {
      throw new MigrationException("cannot read " + location + " from " + url + ": " + e.getMessage(), e);
    }
    return files;
  }

  @Override
  public String toString() {
    return String.join(", ", locations);
  }
}
