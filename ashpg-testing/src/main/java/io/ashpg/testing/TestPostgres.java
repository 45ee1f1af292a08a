package io.ashpg.testing;

import java.lang.System.Logger.Level;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The PostgreSQL server tests run against, chosen once per JVM:
 * <ol>
 *   <li>{@code ASHPG_TEST_URL} (+ {@code ASHPG_TEST_USER}, {@code ASHPG_TEST_PASSWORD}) from the environment or the
 *       system properties {@code ashpg.test.url}/{@code .user}/{@code .password}: an existing server;</li>
 *   <li>{@code -Dashpg.test.backend=testcontainers}: a Docker container (skipped where Docker is absent);</li>
 *   <li>otherwise an embedded PostgreSQL, started on first use and stopped when the JVM exits.</li>
 * </ol>
 * Each caller gets its own fresh database from {@link #createDatabase(String)}.
 */
public final class TestPostgres {

  private static final System.Logger LOG = System.getLogger(TestPostgres.class.getName());
  private static final AtomicInteger COUNTER = new AtomicInteger();
  private static PostgresBackend backend;

  private TestPostgres() {
  }

  /** The backend of this JVM, started on first call. */
  public static synchronized PostgresBackend backend() {
    if (backend == null) {
      backend = startBackend();
      LOG.log(Level.INFO, "ashpg tests use " + backend.description());
      PostgresBackend started = backend;
      Runtime.getRuntime().addShutdownHook(new Thread(started::close, "ashpg-test-postgres-stop"));
    }
    return backend;
  }

  private static PostgresBackend startBackend() {
    String url = setting("ASHPG_TEST_URL", "ashpg.test.url");
    if (url != null && !url.isBlank()) {
      return new ExternalBackend(url, setting("ASHPG_TEST_USER", "ashpg.test.user"),
          setting("ASHPG_TEST_PASSWORD", "ashpg.test.password"));
    }
    String kind = System.getProperty("ashpg.test.backend", "embedded").trim().toLowerCase(Locale.ROOT);
    switch (kind) {
      case "embedded":
      case "":
        return new EmbeddedBackend();
      case "testcontainers":
      case "docker":
        return new ContainerBackend(majorVersion());
      default:
        throw new IllegalArgumentException("-Dashpg.test.backend=" + kind
            + " is not known; use embedded (default) or testcontainers, or set ASHPG_TEST_URL");
    }
  }

  /** The PostgreSQL major asked for with {@code -Dashpg.test.pg}, default 17. */
  public static String majorVersion() {
    String v = System.getProperty("ashpg.test.pg", "");
    return v.isBlank() || v.startsWith("${") ? "17" : v.trim();
  }

  private static String setting(String env, String property) {
    String fromProperty = System.getProperty(property);
    return fromProperty != null ? fromProperty : System.getenv(env);
  }

  /**
   * Creates a fresh, empty database whose name starts with a cleaned-up form of {@code hint}.
   * Close the returned value to drop it.
   */
  public static TestDatabase createDatabase(String hint) {
    return createDatabase(backend().coordinates(), backend().description(), hint);
  }

  /** Creates a fresh, empty database named after {@code hint} on {@code server} (described as {@code where}). */
  static TestDatabase createDatabase(ServerCoordinates server, String where, String hint) {
    String name = nextDatabaseName(hint);
    try (Connection c = DriverManager.getConnection(server.jdbcUrl(server.maintenanceDatabase()),
        server.user(), server.password()); Statement s = c.createStatement()) {
      s.execute("CREATE DATABASE \"" + name + "\"");
    } catch (SQLException e) {
      throw new IllegalStateException("could not create test database " + name + " on " + where + ": "
          + e.getMessage(), e);
    }
    return new TestDatabase(name, server);
  }

  /** A database name for {@code hint} not used before in this JVM (see {@link #databaseName}). */
  static String nextDatabaseName(String hint) {
    return databaseName(hint, COUNTER.incrementAndGet(), ProcessHandle.current().pid());
  }

  /** A database name: {@code ashpg_<hint>_<pid>_<n>}, lower case, only [a-z0-9_], at most 63 bytes. */
  static String databaseName(String hint, int counter, long pid) {
    String cleaned = hint == null ? "" : hint.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_]+", "_");
    String suffix = "_" + pid + "_" + counter;
    int room = 63 - "ashpg_".length() - suffix.length();
    if (cleaned.length() > room) {
      cleaned = cleaned.substring(0, room);
    }
    return "ashpg_" + cleaned + suffix;
  }
}
