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
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * A local Citus cluster for tests and benchmarks: a coordinator and two workers, each a PostgreSQL server with
 * {@code shared_preload_libraries = 'citus'} and {@code wal_level = logical} (online tenant moves need it), data
 * under the build's {@code target/citus-cluster}. Started once per JVM on first use and stopped (its data deleted)
 * when the JVM exits. A cluster left behind by a killed run is stopped and replaced, not reported.
 *
 * <p>Each caller gets its own fresh database from {@link #createDatabase(String)}, on every node, with the
 * extension created and both workers registered. Citus keeps its node metadata per database, so a fresh database
 * needs that setup on every node; running it each time costs about 2 s. Instead the cluster prepares it once in a
 * template database ({@value #TEMPLATE}) on each node, and a test database is a copy of it (about 0.25 s per node).
 * The template does not allow connections: a database used as a template must have none, and Citus's maintenance
 * daemon would otherwise keep one open. Databases are created node by node rather than with
 * {@code citus.enable_create_database_propagation}, which propagates only the CREATE DATABASE, not the extension
 * and node metadata inside.
 *
 * <p>Settings: {@code -Dashpg.test.citus.bindir} (which PostgreSQL, see {@link CitusInstallation#find()}),
 * {@code -Dashpg.test.citus.dir} (data directory, default {@code target/citus-cluster} of the module under test),
 * {@code -Dashpg.test.citus.osUser} (the OS user running the servers when the JVM is root, default
 * {@code postgres}), {@code -Dashpg.test.durable=true} (fsync, synchronous_commit and full_page_writes on, as
 * for the embedded server).
 */
public final class CitusCluster implements AutoCloseable {

  /** The template database every test database on every node is copied from. */
  static final String TEMPLATE = "ashpg_citus_template";

  private static final System.Logger LOG = System.getLogger(CitusCluster.class.getName());
  private static final AtomicInteger COUNTER = new AtomicInteger();
  private static Optional<CitusInstallation> installation;
  private static CitusCluster local;
  private static RuntimeException startFailure;

  private final Path dir;
  private final FileChannel lockChannel;
  private final FileLock lock;
  private final CitusInstallation citus;
  private final String osUser;
  private final boolean durable;
  private final LocalNode coordinator;
  private final List<LocalNode> workers;

  private CitusCluster(Path dir, FileChannel lockChannel, FileLock lock, CitusInstallation citus, String osUser,
                       boolean durable, LocalNode coordinator, List<LocalNode> workers) {
    this.dir = dir;
    this.lockChannel = lockChannel;
    this.lock = lock;
    this.citus = citus;
    this.osUser = osUser;
    this.durable = durable;
    this.coordinator = coordinator;
    this.workers = workers;
  }

  /** The PostgreSQL installation with Citus this JVM would use, looked up once; empty when Citus is absent. */
  public static synchronized Optional<CitusInstallation> installation() {
    if (installation == null) {
      installation = CitusInstallation.find();
    }
    return installation;
  }

  /**
   * The local cluster of this JVM, started on the first call.
   *
   * @throws IllegalStateException with {@link CitusInstallation#NOT_INSTALLED} when Citus is not installed, or
   *                               naming the node and its server log when the cluster does not start (a later
   *                               call repeats that failure rather than starting again)
   */
  public static synchronized CitusCluster local() {
    if (local != null) {
      return local;
    }
    if (startFailure != null) {
      throw startFailure;
    }
    CitusInstallation citus = installation()
        .orElseThrow(() -> new IllegalStateException(CitusInstallation.NOT_INSTALLED));
    long started = System.nanoTime();
    try {
      local = start(citus);
    } catch (RuntimeException e) {
      startFailure = e;
      throw e;
    }
    LOG.log(Level.INFO, "ashpg tests use " + local.description() + ", started in "
        + (System.nanoTime() - started) / 1_000_000 + " ms");
    CitusCluster running = local;
    Runtime.getRuntime().addShutdownHook(new Thread(running::close, "ashpg-test-citus-stop"));
    return local;
  }

  private static CitusCluster start(CitusInstallation citus) {
    String osUser = runsAsRoot() ? System.getProperty("ashpg.test.citus.osUser", "postgres") : null;
    boolean durable = Boolean.getBoolean("ashpg.test.durable");
    Path preferred = clusterDir();
    Path dir = preferred;
    FileChannel channel = null;
    FileLock lock = null;
    try {
      Files.createDirectories(preferred.getParent());
      channel = FileChannel.open(lockFile(preferred), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
      lock = tryLock(channel);
      if (lock == null) {
        // another live JVM runs its cluster from the preferred directory: run a second one beside it
        channel.close();
        dir = preferred.resolveSibling(preferred.getFileName() + "-" + ProcessHandle.current().pid());
        channel = FileChannel.open(lockFile(dir), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        lock = tryLock(channel);
        if (lock == null) {
          throw new IllegalStateException("could not lock " + lockFile(dir));
        }
      }
      removeStale(dir, citus, osUser);
      Files.createDirectories(dir);
      if (osUser != null) {
        UserPrincipal owner = dir.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName(osUser);
        Files.setOwner(dir, owner);
      }
    } catch (IOException e) {
      closeQuietly(channel);
      throw new UncheckedIOException("could not prepare the Citus cluster directory " + dir
          + " (set -Dashpg.test.citus.dir to a writable directory"
          + (osUser == null ? "" : " that OS user " + osUser + " can reach") + ")", e);
    }
    List<Integer> ports = freePorts(3);
    LocalNode coordinator = new LocalNode("coordinator", dir.resolve("coordinator"), ports.get(0), citus, osUser);
    List<LocalNode> workers = List.of(
        new LocalNode("worker1", dir.resolve("worker1"), ports.get(1), citus, osUser),
        new LocalNode("worker2", dir.resolve("worker2"), ports.get(2), citus, osUser));
    CitusCluster cluster = new CitusCluster(dir, channel, lock, citus, osUser, durable, coordinator, workers);
    try {
      cluster.initAndStart();
      cluster.prepareTemplate();
    } catch (RuntimeException e) {
      cluster.close();
      throw e;
    }
    return cluster;
  }

  private void initAndStart() {
    Map<String, String> settings = settings(durable);
    // two cores at most here: the three initdb runs overlap enough to save a few seconds
    try {
      CompletableFuture.allOf(nodes().stream()
          .map(n -> CompletableFuture.runAsync(() -> {
            n.initdb(settings);
            n.start();
          }))
          .toArray(CompletableFuture[]::new)).join();
    } catch (CompletionException e) {
      throw e.getCause() instanceof RuntimeException r ? r : e;
    }
  }

  /** Server settings of every node. */
  static Map<String, String> settings(boolean durable) {
    String onWhenDurable = durable ? "on" : "off";
    Map<String, String> s = new LinkedHashMap<>();
    s.put("shared_preload_libraries", "citus");
    s.put("wal_level", "logical");
    s.put("listen_addresses", "127.0.0.1");
    // TCP only: the default socket directory may not exist or be writable, and paths under target/ can exceed
    // the 107-byte socket path limit
    s.put("unix_socket_directories", "");
    s.put("max_connections", "300");
    // Citus commits writes that span nodes with two-phase commit
    s.put("max_prepared_transactions", "300");
    s.put("max_locks_per_transaction", "256");
    s.put("shared_buffers", "64MB");
    s.put("fsync", onWhenDurable);
    s.put("synchronous_commit", onWhenDurable);
    s.put("full_page_writes", onWhenDurable);
    return s;
  }

  private void prepareTemplate() {
    for (LocalNode node : nodes()) {
      execute(node, "postgres", "CREATE DATABASE " + TEMPLATE);
      execute(node, TEMPLATE, "CREATE EXTENSION citus");
    }
    List<String> register = new ArrayList<>();
    register.add("SELECT citus_set_coordinator_host('127.0.0.1', " + coordinator.port() + ")");
    for (LocalNode worker : workers) {
      register.add("SELECT citus_add_node('127.0.0.1', " + worker.port() + ")");
    }
    execute(coordinator, TEMPLATE, register.toArray(String[]::new));
    for (LocalNode node : nodes()) {
      execute(node, "postgres", "ALTER DATABASE " + TEMPLATE + " WITH ALLOW_CONNECTIONS false IS_TEMPLATE true");
    }
    // the maintenance daemons and the nodes' connections to each other: a template must have no sessions
    for (LocalNode node : nodes()) {
      terminateTemplateSessions(node);
    }
  }

  private static void terminateTemplateSessions(LocalNode node) {
    execute(node, "postgres", "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '"
        + TEMPLATE + "'");
  }

  /**
   * Creates a fresh database named after {@code hint} on every node, with Citus and both workers registered on
   * the coordinator. Close the returned value to drop it everywhere.
   */
  public CitusDatabase createDatabase(String hint) {
    String name = TestPostgres.databaseName(hint, COUNTER.incrementAndGet(), ProcessHandle.current().pid());
    List<TestDatabase> created = new ArrayList<>();
    try {
      for (LocalNode node : nodes()) {
        createFromTemplate(node, name);
        created.add(new TestDatabase(name, node.coordinates()));
      }
    } catch (RuntimeException e) {
      created.forEach(TestDatabase::close);
      throw e;
    }
    return new CitusDatabase(created.get(0), created.subList(1, created.size()));
  }

  private static void createFromTemplate(LocalNode node, String name) {
    String sql = "CREATE DATABASE \"" + name + "\" TEMPLATE " + TEMPLATE;
    try {
      execute(node, "postgres", sql);
    } catch (IllegalStateException e) {
      // a session on the template (a maintenance daemon restarting) makes the copy fail: end it, try once more
      terminateTemplateSessions(node);
      execute(node, "postgres", sql);
    }
  }

  /** The coordinator (a database of it is what applications connect to). */
  public ServerCoordinates coordinator() {
    return coordinator.coordinates();
  }

  /** The two workers, in the order they were added. */
  public List<ServerCoordinates> workers() {
    return workers.stream().map(LocalNode::coordinates).toList();
  }

  /** Where the cluster keeps its data and server logs. */
  public Path directory() {
    return dir;
  }

  /** True when the servers run with fsync, synchronous_commit and full_page_writes on. */
  public boolean durable() {
    return durable;
  }

  /** Short description for logs. */
  public String description() {
    return "local Citus cluster (" + citus.binDir() + "): coordinator on port " + coordinator.port() + ", workers on "
        + workers.stream().map(w -> String.valueOf(w.port())).toList() + (durable ? ", durable settings" : "");
  }

  /** Stops the nodes and deletes the data directory. */
  @Override
  public synchronized void close() {
    nodes().forEach(LocalNode::stop);
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
    closeQuietly(lockChannel);
  }

  private List<LocalNode> nodes() {
    List<LocalNode> all = new ArrayList<>();
    all.add(coordinator);
    all.addAll(workers);
    return all;
  }

  private static void execute(LocalNode node, String database, String... statements) {
    ServerCoordinates server = node.coordinates();
    try (Connection c = DriverManager.getConnection(server.jdbcUrl(database), server.user(), server.password());
         Statement s = c.createStatement()) {
      for (String sql : statements) {
        s.execute(sql);
      }
    } catch (SQLException e) {
      throw new IllegalStateException("Citus node " + node.name() + " (port " + node.port() + "), database "
          + database + ": " + e.getMessage(), e);
    }
  }

  /** Stops servers of an earlier, killed run in {@code dir} and deletes its data. */
  private static void removeStale(Path dir, CitusInstallation citus, String osUser) throws IOException {
    if (!Files.isDirectory(dir)) {
      return;
    }
    try (Stream<Path> children = Files.list(dir)) {
      for (Path child : children.toList()) {
        if (Files.isDirectory(child)) {
          LocalNode.stopIfRunning(child, citus, osUser);
        }
      }
    }
    LOG.log(Level.INFO, "replacing a Citus cluster left behind in " + dir);
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

  private static Path clusterDir() {
    String named = System.getProperty("ashpg.test.citus.dir");
    if (named != null && !named.isBlank()) {
      return Path.of(named.trim()).toAbsolutePath();
    }
    // surefire sets basedir to the module under test; the bench jar runs from wherever it was started
    String base = System.getProperty("basedir", System.getProperty("user.dir"));
    return Path.of(base, "target", "citus-cluster").toAbsolutePath();
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

  /** {@code count} distinct free ports: the sockets stay open until all are picked, so none repeats. */
  private static List<Integer> freePorts(int count) {
    List<ServerSocket> sockets = new ArrayList<>();
    try {
      for (int i = 0; i < count; i++) {
        sockets.add(new ServerSocket(0, 1, InetAddress.getLoopbackAddress()));
      }
      return sockets.stream().map(ServerSocket::getLocalPort).toList();
    } catch (IOException e) {
      throw new UncheckedIOException("no free TCP port for a Citus node", e);
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
