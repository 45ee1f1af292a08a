package io.ashpg.maven.embedded;

import io.ashpg.migration.run.LockFile;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The embedded default database: a PostgreSQL whose data lives in a project directory (by default
 * {@code target/ashpg/postgres}), so a second build finds what the first one migrated. One server per data
 * directory and Maven JVM: goals of one build share it, and it stops when Maven exits.
 *
 * <p>Builds take turns: a build holds the lock file next to the data directory ({@code postgres.lock}) while it uses
 * the server, and a second build on the same directory waits for it, saying so. A build killed before it could stop
 * its server (kill -9) loses the lock with its death; the next one finds the server still running and stops it
 * cleanly before starting its own ({@link LeftoverServer}), so the data is never at risk and nobody has to delete
 * anything.
 */
public final class EmbeddedServer {

  private static final Map<Path, EmbeddedServer> RUNNING = new HashMap<>();
  /** How long a build waits quietly for another one to release the data directory before saying that it waits. */
  private static final Duration PATIENCE = Duration.ofSeconds(1);

  private final EmbeddedPostgres postgres;
  private final Path dataDirectory;
  private final LockFile lock;

  private EmbeddedServer(EmbeddedPostgres postgres, Path dataDirectory, LockFile lock) {
    this.postgres = postgres;
    this.dataDirectory = dataDirectory;
    this.lock = lock;
  }

  /**
   * Returns the server for {@code dataDirectory}, starting it (and creating the cluster on first use) if needed.
   * While another build uses the directory, waits for it; a server a killed build left running is stopped first.
   *
   * @param binariesJar the zonky binaries jar for this platform
   * @param log         told why the call waits, and about a left-over server it stops
   * @return the running server and whether this call started it
   * @throws UncheckedIOException  when the server cannot be started; the message names the server's log file
   * @throws IllegalStateException when a program other than an ashpg build holds the data directory
   */
  public static synchronized Started startOrReuse(Path dataDirectory, Path binariesJar, Consumer<String> log) {
    Path key = dataDirectory.toAbsolutePath().normalize();
    EmbeddedServer running = RUNNING.get(key);
    if (running != null) {
      return new Started(running, false);
    }
    Path lockFile = key.resolveSibling(key.getFileName() + ".lock");
    // the server's own output (startup chatter, "database already exists" when we probe) goes to a file next
    // to the data, where it helps when something is wrong and stays out of the build log otherwise
    File serverLog = key.resolveSibling(key.getFileName() + ".log").toFile();
    // the holder keeps the lock until its JVM exits: a build, or an IDE that runs Maven inside itself
    LockFile lock = LockFile.acquire(lockFile, PATIENCE, () -> log.accept("waiting for another ashpg goal using "
        + key + " to finish (the process holding " + lockFile.getFileName() + " releases it when it exits)"));
    try {
      LeftoverServer.stopIfRunning(key, serverLog, log);
      quietZonkyLogging();
      ProcessBuilder.Redirect serverOutput = ProcessBuilder.Redirect.appendTo(serverLog);
      EmbeddedPostgres pg = EmbeddedPostgres.builder()
          .setOutputRedirector(serverOutput)
          .setErrorRedirector(serverOutput)
          .setDataDirectory(key)
          .setCleanDataDirectory(false)
          .setPgBinaryResolver(new BinariesJarResolver(binariesJar))
          .setLocaleConfig("locale", "C")
          .setLocaleConfig("encoding", "UTF8")
          .setServerConfig("max_connections", "200")
          .setServerConfig("max_locks_per_transaction", "256")
          .start();
      EmbeddedServer server = new EmbeddedServer(pg, key, lock);
      RUNNING.put(key, server);
      return new Started(server, true);
    } catch (IOException e) {
      lock.close();
      throw new UncheckedIOException("could not start the embedded PostgreSQL in " + key + ": " + e.getMessage()
          + "; the server's own messages are in " + serverLog + " (or configure a database with -Dashpg.url)", e);
    } catch (IllegalStateException e) {
      lock.close();
      if (String.valueOf(e.getMessage()).startsWith("could not lock")) {
        // zonky's own lock: held by a program that uses the directory without our lock file, e.g. a test opening it
        throw new IllegalStateException("another program uses the embedded PostgreSQL in " + key + " (" + e.getMessage()
            + "); stop it and run the goal again", e);
      }
      throw e;
    } catch (RuntimeException e) {
      lock.close();
      throw e;
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
      server.lock.close();
    }
    RUNNING.clear();
  }

  /** Result of {@link #startOrReuse}: the server, and whether this call started it. */
  public record Started(EmbeddedServer server, boolean startedNow) {
  }
}
