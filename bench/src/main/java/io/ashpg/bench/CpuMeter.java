package io.ashpg.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * CPU time of the benchmark thread and of one PostgreSQL backend, in nanoseconds. On a shared machine wall time
 * includes waiting for a core; CPU time does not, so the CPU ratio of two variants stays meaningful when the load
 * is high. The backend's time comes from {@code /proc/<pid>/schedstat} (nanosecond resolution), so it is measured
 * only when the server runs on this machine in the same PID namespace.
 */
final class CpuMeter {
  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
  private final Path schedstat;

  private CpuMeter(Path schedstat) {
    this.schedstat = schedstat;
  }

  /** A meter for the backend serving {@code c} (client CPU only when that backend cannot be read). */
  static CpuMeter of(Connection c) {
    try {
      Path p = Path.of("/proc/" + BenchDb.queryLong(c, "SELECT pg_backend_pid()") + "/schedstat");
      return new CpuMeter(Files.isReadable(p) ? p : null);
    } catch (SQLException e) {
      return new CpuMeter(null);
    }
  }

  /** Whether server CPU is measured. */
  boolean hasServer() {
    return schedstat != null;
  }

  /** CPU nanoseconds of the calling thread so far. */
  long client() {
    return THREADS.getCurrentThreadCpuTime();
  }

  /** CPU nanoseconds of the backend so far (0 when not measurable). */
  long server() {
    if (schedstat == null) {
      return 0;
    }
    try {
      String s = Files.readString(schedstat).trim();
      return Long.parseLong(s.substring(0, s.indexOf(' ')));
    } catch (IOException | RuntimeException e) {
      return 0;
    }
  }
}
