package io.ashpg.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
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
    try (Stream<Path> procs = Files.list(Path.of("/proc"))) {
      for (Path p : (Iterable<Path>) procs::iterator) {
        String name = p.getFileName().toString();
        if (name.isEmpty() || !Character.isDigit(name.charAt(0))) {
          continue;
        }
        String[] s = stat(Long.parseLong(name));
        if (s != null && Long.parseLong(s[1]) == postmaster) {
          ticks += Long.parseLong(s[11]) + Long.parseLong(s[12]);
        }
      }
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    return ticks / TICKS;
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
