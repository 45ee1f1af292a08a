package io.ashpg.testing;

import java.lang.System.Logger.Level;
import java.nio.file.Path;
import java.util.List;

/**
 * A plain single-node PostgreSQL from the same binaries and with the same settings as the nodes of
 * {@link CitusCluster}, but without Citus: the baseline when a benchmark compares the cluster with one server.
 * Data under the build's {@code target/local-postgres} ({@code -Dashpg.test.local.dir}); stopped and deleted by
 * {@link #close()} or at JVM exit. Not a test backend: tests use {@link TestPostgres} or {@link WithCitus}.
 */
public final class LocalPostgres implements AutoCloseable {

  private static final System.Logger LOG = System.getLogger(LocalPostgres.class.getName());

  private final LocalDataDir dir;
  private final LocalNode node;
  private final CitusInstallation installation;
  private final boolean durable;
  private final Thread stopAtExit;
  private boolean closed;

  private LocalPostgres(LocalDataDir dir, CitusInstallation installation, boolean durable) {
    this.dir = dir;
    this.installation = installation;
    this.durable = durable;
    this.node = dir.node("postgres", LocalDataDir.freePorts(1).get(0));
    this.stopAtExit = new Thread(this::close, "ashpg-local-postgres-stop");
  }

  /**
   * Starts a server from {@code installation}'s binaries ({@link CitusCluster#installation()} gives the one the
   * cluster uses); {@code -Dashpg.test.durable=true} turns fsync, synchronous_commit and full_page_writes on, as for
   * the cluster.
   */
  public static LocalPostgres start(CitusInstallation installation) {
    LocalPostgres server = new LocalPostgres(LocalDataDir.claim("ashpg.test.local.dir", "local-postgres",
        installation), installation, Boolean.getBoolean("ashpg.test.durable"));
    try {
      CitusCluster.startAll(List.of(server.node), CitusCluster.settings(server.durable, false));
    } catch (RuntimeException e) {
      server.close();
      throw e;
    }
    Runtime.getRuntime().addShutdownHook(server.stopAtExit);
    LOG.log(Level.INFO, "started " + server.description());
    return server;
  }

  /** How to reach the server as its superuser. */
  public ServerCoordinates coordinates() {
    return node.coordinates();
  }

  /** Creates a fresh, empty database whose name starts with a cleaned-up form of {@code hint}. */
  public TestDatabase createDatabase(String hint) {
    return TestPostgres.createDatabase(coordinates(), description(), hint);
  }

  /** Where the server keeps its data and log. */
  public Path directory() {
    return dir.path();
  }

  /** True when the server runs with fsync, synchronous_commit and full_page_writes on. */
  public boolean durable() {
    return durable;
  }

  /** Short description for logs. */
  public String description() {
    return "local PostgreSQL without Citus (" + installation.binDir() + ") on port " + node.port()
        + (durable ? ", durable settings" : "");
  }

  /** Stops the server and deletes its data. */
  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    node.stop();
    dir.close();
    if (Thread.currentThread() != stopAtExit) {
      try {
        Runtime.getRuntime().removeShutdownHook(stopAtExit);
      } catch (IllegalStateException | IllegalArgumentException e) {
        // shutting down already, or the hook was never added
      }
    }
  }
}
