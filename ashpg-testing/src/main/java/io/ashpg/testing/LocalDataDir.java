package io.ashpg.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.System.Logger.Level;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.UserPrincipal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * The directory one JVM runs its local servers ({@link LocalNode}s) from, e.g. {@code target/citus-cluster}: locked
 * while in use, emptied of what a killed run left (its servers are stopped first), owned by the OS user the
 * servers run as, deleted on {@link #close()}. When another live JVM holds the preferred directory, this one
 * takes {@code <dir>-<pid>} beside it.
 */
final class LocalDataDir implements AutoCloseable {

  private static final System.Logger LOG = System.getLogger(LocalDataDir.class.getName());

  private final Path dir;
  private final FileChannel channel;
  private final FileLock lock;
  private final CitusInstallation installation;
  private final String osUser;

  private LocalDataDir(Path dir, FileChannel channel, FileLock lock, CitusInstallation installation,
                       String osUser) {
    this.dir = dir;
    this.channel = channel;
    this.lock = lock;
    this.installation = installation;
    this.osUser = osUser;
  }

  /**
   * Claims {@code <base>/target/<name>} ({@code base}: the module under test, which surefire names in
   * {@code basedir}, else the working directory), or the directory {@code property} names.
   */
  static LocalDataDir claim(String property, String name, CitusInstallation installation) {
    String named = System.getProperty(property);
    Path preferred = named != null && !named.isBlank() ? Path.of(named.trim()).toAbsolutePath()
        : Path.of(System.getProperty("basedir", System.getProperty("user.dir")), "target", name).toAbsolutePath();
    String osUser = osUser();
    Path dir = preferred;
    FileChannel channel = null;
    try {
      Files.createDirectories(preferred.getParent());
      channel = FileChannel.open(lockFile(preferred), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
      FileLock lock = tryLock(channel);
      if (lock == null) {
        channel.close();
        dir = preferred.resolveSibling(preferred.getFileName() + "-" + ProcessHandle.current().pid());
        channel = FileChannel.open(lockFile(dir), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        lock = tryLock(channel);
        if (lock == null) {
          throw new IOException("could not lock " + lockFile(dir));
        }
      }
      removeStale(dir, installation, osUser);
      Files.createDirectories(dir);
      if (osUser != null) {
        UserPrincipal owner = dir.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName(osUser);
        Files.setOwner(dir, owner);
      }
      return new LocalDataDir(dir, channel, lock, installation, osUser);
    } catch (IOException e) {
      closeQuietly(channel);
      throw new UncheckedIOException("could not prepare " + dir + " for local PostgreSQL servers (set -D" + property
          + " to a writable directory" + (osUser == null ? "" : " that OS user " + osUser + " can reach") + ")", e);
    }
  }

  /** A node with its data in {@code <dir>/<name>} and its log in {@code <dir>/<name>.log}. */
  LocalNode node(String name, int port) {
    return new LocalNode(name, dir.resolve(name), port, installation, osUser);
  }

  Path path() {
    return dir;
  }

  /** Deletes the directory (stop the servers first) and releases the lock. */
  @Override
  public void close() {
    try {
      deleteTree(dir);
    } catch (IOException e) {
      LOG.log(Level.WARNING, "could not delete " + dir + ": " + e.getMessage());
    }
    try {
      lock.release();
    } catch (IOException e) {
      // the JVM is ending; the OS releases it
    }
    closeQuietly(channel);
  }

  /**
   * The OS user to run PostgreSQL as: PostgreSQL refuses root, so a root JVM runs it as
   * {@code -Dashpg.test.citus.osUser} (default {@code postgres}); null (this JVM's user) otherwise.
   */
  static String osUser() {
    return runsAsRoot() ? System.getProperty("ashpg.test.citus.osUser", "postgres") : null;
  }

  /** {@code count} distinct free ports: the sockets stay open until all are picked, so none repeats. */
  static List<Integer> freePorts(int count) {
    List<ServerSocket> sockets = new ArrayList<>();
    try {
      for (int i = 0; i < count; i++) {
        sockets.add(new ServerSocket(0, 1, InetAddress.getLoopbackAddress()));
      }
      return sockets.stream().map(ServerSocket::getLocalPort).toList();
    } catch (IOException e) {
      throw new UncheckedIOException("no free TCP port for a local PostgreSQL server", e);
    } finally {
      for (ServerSocket socket : sockets) {
        try {
          socket.close();
        } catch (IOException e) {
          // the port is free again either way
        }
      }
    }
  }

  /** Stops servers of an earlier, killed run in {@code dir} and deletes its data. */
  private static void removeStale(Path dir, CitusInstallation installation, String osUser) throws IOException {
    if (!Files.isDirectory(dir)) {
      return;
    }
    try (Stream<Path> children = Files.list(dir)) {
      for (Path child : children.toList()) {
        if (Files.isDirectory(child)) {
          LocalNode.stopIfRunning(child, installation, osUser);
        }
      }
    }
    LOG.log(Level.INFO, "replacing local PostgreSQL servers left behind in " + dir);
    deleteTree(dir);
  }

  private static void deleteTree(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> all = Files.walk(dir)) {
      for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }

  private static Path lockFile(Path dir) {
    return dir.resolveSibling(dir.getFileName() + ".lock");
  }

  private static FileLock tryLock(FileChannel channel) throws IOException {
    try {
      return channel.tryLock();
    } catch (OverlappingFileLockException e) {
      return null;
    }
  }

  private static boolean runsAsRoot() {
    try {
      return Integer.valueOf(0).equals(Files.getAttribute(Path.of("/proc/self"), "unix:uid"));
    } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
      return "root".equals(System.getProperty("user.name"));
    }
  }

  private static void closeQuietly(FileChannel channel) {
    if (channel != null) {
      try {
        channel.close();
      } catch (IOException e) {
        // nothing to do
      }
    }
  }
}
