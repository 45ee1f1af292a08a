package io.ashpg.maven.embedded;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * The embedded default database: a PostgreSQL whose data lives in a project directory (by default
 * {@code target/ashpg/postgres}), so a second build finds what the first one migrated. One server per data
 * directory and Maven JVM: goals of one build share it, and it stops when Maven exits.
 */
public final class EmbeddedServer {

  private static final Map<Path, EmbeddedServer> RUNNING = new HashMap<>();

  private final EmbeddedPostgres postgres;
  private final Path dataDirectory;

  private EmbeddedServer(EmbeddedPostgres postgres, Path dataDirectory) {
    this.postgres = postgres;
    this.dataDirectory = dataDirectory;
  }

  /**
   * Returns the server for {@code dataDirectory}, starting it (and creating the cluster on first use) if needed.
   *
   * @param binariesJar the zonky binaries jar for this platform
   * @return the running server and whether this call started it
   */
  public static synchronized Started startOrReuse(Path dataDirectory, Path binariesJar) {
    Path key = dataDirectory.toAbsolutePath().normalize();
    EmbeddedServer running = RUNNING.get(key);
    if (running != null) {
      return new Started(running, false);
    }
    try {
      Files.createDirectories(key.getParent());
      removeStalePidFile(key);
      quietZonkyLogging();
      // the server's own output (startup chatter, "database already exists" when we probe) goes to a file next
      // to the data, where it helps when something is wrong and stays out of the build log otherwise
      ProcessBuilder.Redirect serverLog = ProcessBuilder.Redirect.appendTo(
          key.resolveSibling(key.getFileName() + ".log").toFile());
      EmbeddedPostgres pg = EmbeddedPostgres.builder()
          .setOutputRedirector(serverLog)
          .setErrorRedirector(serverLog)
          .setDataDirectory(key)
          .setCleanDataDirectory(false)
          .setPgBinaryResolver(new BinariesJarResolver(binariesJar))
          .setLocaleConfig("locale", "C")
          .setLocaleConfig("encoding", "UTF8")
          .setServerConfig("max_connections", "200")
          .setServerConfig("max_locks_per_transaction", "256")
          .start();
      EmbeddedServer server = new EmbeddedServer(pg, key);
      RUNNING.put(key, server);
      return new Started(server, true);
    } catch (IOException e) {
      throw new UncheckedIOException("could not start the embedded PostgreSQL in " + key
          + " (delete that directory to start from scratch, or configure a database with -Dashpg.url)", e);
    }
  }

  /**
   * zonky logs every start step at INFO through SLF4J, which Maven prints; its steps are not news to a user. The
   * level is read when zonky's logger is created, so this must run before zonky's classes are first used.
   */
  private static void quietZonkyLogging() {
    if (System.getProperty("org.slf4j.simpleLogger.log.io.zonky") == null) {
      System.setProperty("org.slf4j.simpleLogger.log.io.zonky", "warn");
    }
  }

  /**
   * A server killed without a clean shutdown leaves {@code postmaster.pid} behind. When the process it names is gone
   * the file is stale and would only confuse the next start; when it is alive another build owns the directory and
   * we must not touch it (zonky's own directory lock then reports the conflict).
   */
  private static void removeStalePidFile(Path dataDirectory) throws IOException {
    Path pidFile = dataDirectory.resolve("postmaster.pid");
    if (!Files.exists(pidFile)) {
      return;
    }
    String firstLine = Files.readAllLines(pidFile).stream().findFirst().orElse("").trim();
    boolean alive;
    try {
      alive = ProcessHandle.of(Long.parseLong(firstLine)).map(ProcessHandle::isAlive).orElse(false);
    } catch (NumberFormatException e) {
      alive = false;
    }
    if (!alive) {
      Files.delete(pidFile);
    }
  }

  /** JDBC URL of {@code database} on this server. */
  public String jdbcUrl(String database) {
    return "jdbc:postgresql://localhost:" + postgres.getPort() + "/" + database;
  }

  /** Superuser name of the embedded cluster. */
  public String user() {
    return "postgres";
  }

  /** The TCP port the server listens on. */
  public int port() {
    return postgres.getPort();
  }

  /** Where the server keeps its data. */
  public Path dataDirectory() {
    return dataDirectory;
  }

  /** Stops every embedded server this JVM started. */
  public static synchronized void stopAll() {
    for (EmbeddedServer server : RUNNING.values()) {
      try {
        server.postgres.close();
      } catch (IOException e) {
        // stopping is best effort: the JVM is going away
      }
    }
    RUNNING.clear();
  }

  /** Result of {@link #startOrReuse}: the server, and whether this call started it. */
  public record Started(EmbeddedServer server, boolean startedNow) {
  }
}
