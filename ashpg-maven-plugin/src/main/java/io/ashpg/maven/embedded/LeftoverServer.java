package io.ashpg.maven.embedded;

import java.io.File;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

/**
 * A PostgreSQL still serving the embedded data directory although no build uses it: its build was killed (kill -9
 * by the OOM killer, a CI timeout, an IDE's stop button) before it could stop the server. Starting another server on
 * the directory would fail, so it is stopped cleanly first (a fast shutdown, which keeps every committed row).
 * Called only by the holder of the data directory's lock, so a server found here belongs to no running build.
 */
final class LeftoverServer {

  private static final Duration STOP_WAIT = Duration.ofSeconds(60);
  private static final int PROBE_MILLIS = 1000;

  private LeftoverServer() {
  }

  /**
   * Stops the server {@code postmaster.pid} of {@code dataDirectory} names if it still runs, and removes a pid file
   * whose server is gone (its process id may belong to another program by now, which would keep PostgreSQL from
   * starting).
   *
   * @param serverLog where the output of the stop command goes
   * @param log       told what is stopped and why
   * @throws IOException when the server does not stop; the message names the process to stop by hand
   */
  static void stopIfRunning(Path dataDirectory, File serverLog, Consumer<String> log) throws IOException {
    Path pidFile = dataDirectory.resolve("postmaster.pid");
    if (!Files.exists(pidFile)) {
      return;
    }
    // postmaster.pid: process id, data directory, start time, port, ... one per line
    List<String> lines = Files.readAllLines(pidFile);
    Optional<ProcessHandle> process = number(lines, 0).flatMap(ProcessHandle::of).filter(ProcessHandle::isAlive);
    Optional<Long> port = number(lines, 3);
    if (process.isEmpty() || !servesDirectory(process.get(), port, dataDirectory)) {
      Files.deleteIfExists(pidFile);
      return;
    }
    ProcessHandle server = process.get();
    log.accept("the embedded PostgreSQL in " + dataDirectory + " (process " + server.pid()
        + port.map(p -> ", port " + p).orElse("") + ") is still running from an earlier build that ended without"
        + " stopping it (killed?); stopping it, its data stays");
    stop(server, dataDirectory, serverLog);
  }

  /**
   * Whether {@code process} is the PostgreSQL serving {@code dataDirectory}: what the system says of its program
   * and arguments must fit, and when the system says nothing about its program, its port must answer.
   */
  private static boolean servesDirectory(ProcessHandle process, Optional<Long> port, Path dataDirectory) {
    ProcessHandle.Info info = process.info();
    Optional<Boolean> postgres = info.command().map(c -> isPostgres(Path.of(c)));
    Optional<Boolean> ours = info.arguments().map(args -> Arrays.stream(args)
        .anyMatch(a -> samePath(a, dataDirectory)));
    if (!postgres.orElse(true) || !ours.orElse(true)) {
      return false;
    }
    return postgres.isPresent() || port.map(LeftoverServer::answers).orElse(false);
  }

  private static boolean isPostgres(Path program) {
    String name = program.getFileName().toString();
    return name.equals("postgres") || name.equals("postgres.exe");
  }

  private static boolean samePath(String argument, Path dataDirectory) {
    try {
      return Path.of(argument).toAbsolutePath().normalize().equals(dataDirectory.toAbsolutePath().normalize());
    } catch (RuntimeException e) {
      return false; // not a path at all
    }
  }

  /** Whether something accepts connections on {@code port} of this machine. */
  private static boolean answers(long port) {
    if (port <= 0 || port > 65535) {
      return false;
    }
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), (int) port), PROBE_MILLIS);
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  /**
   * Asks the server for a fast shutdown (sessions end, committed data stays, as {@code pg_ctl stop -m fast} does)
   * and waits until it is gone. On Unix that is SIGINT, sent through the shell since Java cannot send it (pg_ctl
   * refuses to run as root, which CI containers often are); on Windows, the server's own pg_ctl. Failing both, the
   * process is asked to terminate.
   */
  private static void stop(ProcessHandle server, Path dataDirectory, File serverLog) throws IOException {
    List<String> command;
    if (File.separatorChar == '/') {
      command = List.of("/bin/sh", "-c", "kill -INT " + server.pid());
    } else {
      Optional<Path> pgCtl = server.info().command().map(p -> Path.of(p).resolveSibling("pg_ctl.exe"))
          .filter(Files::isExecutable);
      command = pgCtl.map(p -> List.of(p.toString(), "stop", "-D", dataDirectory.toString(), "-m", "fast", "-W"))
          .orElse(List.of());
    }
    if (!command.isEmpty()) {
      Process signal = new ProcessBuilder(command).redirectErrorStream(true)
          .redirectOutput(ProcessBuilder.Redirect.appendTo(serverLog)).start();
      boolean done;
      try {
        done = signal.waitFor(STOP_WAIT.toSeconds(), TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IOException("interrupted while stopping the embedded PostgreSQL (process " + server.pid() + ")", e);
      }
      if (!done || signal.exitValue() != 0) {
        server.destroy(); // its output is in the server log; ask the process itself
      }
    } else {
      server.destroy();
    }
    try {
      server.onExit().get(STOP_WAIT.toSeconds(), TimeUnit.SECONDS);
    } catch (TimeoutException | ExecutionException e) {
      throw new IOException("the embedded PostgreSQL left running in " + dataDirectory + " (process " + server.pid()
          + ") did not stop within " + STOP_WAIT.toSeconds() + " s; stop that process and run the goal again (see "
          + serverLog + ")", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while stopping the embedded PostgreSQL (process " + server.pid() + ")", e);
    }
  }

  private static Optional<Long> number(List<String> lines, int index) {
    if (lines.size() <= index) {
      return Optional.empty();
    }
    try {
      return Optional.of(Long.parseLong(lines.get(index).trim()));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }
}
