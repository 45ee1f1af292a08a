package io.ashpg.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * CPU time of a local PostgreSQL server, read from {@code /proc}: the postmaster's own time, the time of its
 * children that already exited (cutime/cstime, which the postmaster reaps) and of its live children (backends,
 * checkpointer, WAL writer, …). Works only when the server runs on this machine in the same PID namespace.
 */
final class ServerCpu {
  private static final double TICKS = clockTicks();
  private final long postmaster;

  private ServerCpu(long postmaster) {
    this.postmaster = postmaster;
  }

  /** The server behind {@code c}, or null when it is not a local process we can read. */
  static ServerCpu of(Connection c) {
    try {
      long backend = BenchDb.queryLong(c, "SELECT pg_backend_pid()");
      String[] stat = stat(backend);
      if (stat == null) {
        return null;
      }
      long parent = Long.parseLong(stat[1]);
      String comm = Files.readString(Path.of("/proc/" + parent + "/comm")).trim();
      if (!comm.startsWith("postgres") && !comm.startsWith("postmaster")) {
        return null;
      }
      return new ServerCpu(parent);
    } catch (SQLException | IOException | RuntimeException e) {
      return null;
    }
  }

  /** Server CPU seconds so far (user + system). */
  double seconds() {
    long ticks = 0;
    String[] own = stat(postmaster);
    if (own != null) {
      // fields after "(comm)": state=0, ppid=1 … utime=11, stime=12, cutime=13, cstime=14
      ticks += Long.parseLong(own[11]) + Long.parseLong(own[12]) + Long.parseLong(own[13]) + Long.parseLong(own[14]);
    }
    for (long child : children()) {
      String[] s = stat(child);
      if (s != null) {
        ticks += Long.parseLong(s[11]) + Long.parseLong(s[12]);
      }
    }
    return ticks / TICKS;
  }

  /**
   * CPU seconds so far of the server's live background processes (checkpointer, background writer, WAL writer,
   * autovacuum launcher): work a run causes that lands outside the backends, and that a round may or may not catch.
   */
  double backgroundSeconds() {
    long ticks = 0;
    for (long child : children()) {
      String cmd = cmdline(child);
      boolean background = cmd.contains("checkpointer") || cmd.contains("background writer")
          || cmd.contains("walwriter") || cmd.contains("autovacuum launcher");
      String[] s = background ? stat(child) : null;
      if (s != null) {
        ticks += Long.parseLong(s[11]) + Long.parseLong(s[12]);
      }
    }
    return ticks / TICKS;
  }

  private List<Long> children() {
    List<Long> children = new ArrayList<>();
    try (Stream<Path> procs = Files.list(Path.of("/proc"))) {
      for (Path p : (Iterable<Path>) procs::iterator) {
        String name = p.getFileName().toString();
        if (name.isEmpty() || !Character.isDigit(name.charAt(0))) {
          continue;
        }
        String[] s = stat(Long.parseLong(name));
        if (s != null && Long.parseLong(s[1]) == postmaster) {
          children.add(Long.parseLong(name));
        }
      }
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    return children;
  }

  private static String cmdline(long pid) {
    try {
      return new String(Files.readAllBytes(Path.of("/proc/" + pid + "/cmdline")), StandardCharsets.UTF_8);
    } catch (IOException | RuntimeException e) {
      return "";
    }
  }

  /** The fields of /proc/pid/stat after the command name, or null. */
  private static String[] stat(long pid) {
    try {
      String s = Files.readString(Path.of("/proc/" + pid + "/stat"));
      int close = s.lastIndexOf(')');
      return s.substring(close + 2).trim().split(" ");
    } catch (IOException | RuntimeException e) {
      return null;
    }
  }

  private static double clockTicks() {
    try {
      Process p = new ProcessBuilder("getconf", "CLK_TCK").redirectErrorStream(true).start();
      String out = new String(p.getInputStream().readAllBytes()).trim();
      p.waitFor();
      return Double.parseDouble(out);
    } catch (IOException | NumberFormatException e) {
      return 100;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return 100;
    }
  }
}
