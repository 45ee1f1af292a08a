package io.ashpg.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One PostgreSQL server this JVM runs from its own data directory with the binaries of a
 * {@link CitusInstallation}: initdb, start, stop. PostgreSQL refuses to run as root, so when the JVM is root the
 * programs run as {@code osUser} through {@code runuser} (the data directory's parent must belong to that user).
 */
final class LocalNode {

  private final String name;
  private final Path dataDir;
  private final int port;
  private final CitusInstallation installation;
  private final String osUser;

  /**
   * @param osUser the OS user to run the server programs as, or null to run them as this JVM's user
   */
  LocalNode(String name, Path dataDir, int port, CitusInstallation installation, String osUser) {
    this.name = name;
    this.dataDir = dataDir;
    this.port = port;
    this.installation = installation;
    this.osUser = osUser;
  }

  String name() {
    return name;
  }

  int port() {
    return port;
  }

  /** How to reach this server: superuser {@code postgres}, trust authentication on 127.0.0.1. */
  ServerCoordinates coordinates() {
    return new ServerCoordinates("127.0.0.1", port, "postgres", "", "postgres", "");
  }

  /** Creates the data directory and appends {@code settings} (and this node's port) to its postgresql.conf. */
  void initdb(Map<String, String> settings) {
    run(List.of(program("initdb"), "-D", dataDir.toString(), "-U", "postgres", "--auth=trust", "-E", "UTF8",
        "--locale=C", "--no-sync"), 120);
    StringBuilder conf = new StringBuilder("\n# written by ashpg-testing's local Citus cluster\n");
    conf.append("port = ").append(port).append('\n');
    settings.forEach((k, v) -> conf.append(k).append(" = '").append(v.replace("'", "''")).append("'\n"));
    try {
      Files.writeString(dataDir.resolve("postgresql.conf"), conf, StandardCharsets.UTF_8, StandardOpenOption.APPEND);
    } catch (IOException e) {
      throw new UncheckedIOException("could not configure " + dataDir, e);
    }
  }

  /** Starts the server and waits until it accepts connections. */
  void start() {
    run(List.of(program("pg_ctl"), "-D", dataDir.toString(), "-l", logFile().toString(), "-w", "-t", "60",
        "start"), 90);
  }

  /**
   * Stops the server without a shutdown checkpoint: the data is thrown away afterwards. Quiet when the server
   * is not running.
   */
  void stop() {
    stopIfRunning(dataDir, installation, osUser);
  }

  /** Stops whatever server (maybe one left by a killed JVM) runs from {@code dataDir}; failures are ignored. */
  static void stopIfRunning(Path dataDir, CitusInstallation installation, String osUser) {
    if (!Files.exists(dataDir.resolve("postmaster.pid"))) {
      return;
    }
    try {
      Command.run(command(osUser, List.of(installation.binDir().resolve("pg_ctl").toString(), "-D",
          dataDir.toString(), "-m", "immediate", "-w", "-t", "30", "stop")), 45);
    } catch (IllegalStateException e) {
      // nothing left to stop (a stale pid file), or it is gone already
    }
  }

  /** The last lines of the server log, for error messages. */
  String logTail() {
    try {
      List<String> lines = Files.readAllLines(logFile(), StandardCharsets.UTF_8);
      return String.join("\n", lines.subList(Math.max(0, lines.size() - 20), lines.size()));
    } catch (IOException e) {
      return "(no server log at " + logFile() + ")";
    }
  }

  private Path logFile() {
    return dataDir.resolveSibling(name + ".log");
  }

  private String program(String program) {
    return installation.binDir().resolve(program).toString();
  }

  private void run(List<String> command, int timeoutSeconds) {
    try {
      Command.run(command(osUser, command), timeoutSeconds);
    } catch (IllegalStateException e) {
      throw new IllegalStateException("Citus node " + name + " (port " + port + ", " + dataDir + "): "
          + e.getMessage() + "\nserver log:\n" + logTail(), e);
    }
  }

  private static List<String> command(String osUser, List<String> command) {
    if (osUser == null) {
      return command;
    }
    List<String> asUser = new ArrayList<>(List.of("runuser", "-u", osUser, "--"));
    asUser.addAll(command);
    return asUser;
  }
}
