package io.ashpg.testing;

import java.lang.System.Logger.Level;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

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
 * {@code citus.enable_create_database_propagation} (Citus 12.2+), which propagates the CREATE DATABASE but would
 * still leave the extension and the node registration to do in every new database.
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
  private static Optional<CitusInstallation> installation;
  private static CitusCluster local;
  private static RuntimeException startFailure;

  private final LocalDataDir dir;
  private final CitusInstallation citus;
  private final boolean durable;
  private final LocalNode coordinator;
  private final List<LocalNode> workers;

  private CitusCluster(LocalDataDir dir, CitusInstallation citus, boolean durable) {
    this.dir = dir;
    this.citus = citus;
    this.durable = durable;
    List<Integer> ports = LocalDataDir.freePorts(3);
    this.coordinator = dir.node("coordinator", ports.get(0));
    this.workers = List.of(dir.node("worker1", ports.get(1)), dir.node("worker2", ports.get(2)));
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
    CitusCluster cluster = null;
    try {
      cluster = new CitusCluster(LocalDataDir.claim("ashpg.test.citus.dir", "citus-cluster", citus), citus,
          Boolean.getBoolean("ashpg.test.durable"));
      cluster.initAndStart();
      cluster.prepareTemplate();
    } catch (RuntimeException e) {
      if (cluster != null) {
        cluster.close();
      }
      startFailure = e;
      throw e;
    }
    local = cluster;
    LOG.log(Level.INFO, "ashpg tests use " + local.description() + ", started in "
        + (System.nanoTime() - started) / 1_000_000 + " ms");
    CitusCluster running = cluster;
    Runtime.getRuntime().addShutdownHook(new Thread(running::close, "ashpg-test-citus-stop"));
    return local;
  }

  private void initAndStart() {
    Map<String, String> settings = settings(durable, true);
    // the three initdb runs overlap enough, even on two cores, to save a few seconds
    startAll(nodes(), settings);
  }

  /** Runs initdb on {@code nodes} and starts them, in parallel. */
  static void startAll(List<LocalNode> nodes, Map<String, String> settings) {
    try {
      CompletableFuture.allOf(nodes.stream()
          .map(n -> CompletableFuture.runAsync(() -> {
            n.initdb(settings);
            n.start();
          }))
          .toArray(CompletableFuture[]::new)).join();
    } catch (CompletionException e) {
      throw e.getCause() instanceof RuntimeException r ? r : e;
    }
  }

  /**
   * Server settings of every node, and (without Citus) of the plain single-node baseline {@link LocalPostgres}:
   * the same but for {@code shared_preload_libraries}.
   */
  static Map<String, String> settings(boolean durable, boolean withCitus) {
    String onWhenDurable = durable ? "on" : "off";
    Map<String, String> s = new LinkedHashMap<>();
    if (withCitus) {
      s.put("shared_preload_libraries", "citus");
    }
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
    String name = TestPostgres.nextDatabaseName(hint);
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
    return dir.path();
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
    dir.close();
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

}
