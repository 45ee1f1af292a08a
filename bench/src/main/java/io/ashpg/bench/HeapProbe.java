package io.ashpg.bench;

import com.sun.management.GarbageCollectionNotificationInfo;
import io.ashpg.migration.run.MigrationResult;
import io.ashpg.migration.run.MigratorOptions;
import io.ashpg.migration.run.TenantLister;
import io.ashpg.migration.run.TenantMigrator;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryUsage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import javax.management.NotificationEmitter;
import javax.management.openmbean.CompositeData;

/**
 * A tenant migration run in a JVM of its own with a capped heap, as a Maven goal runs it:
 * {@code TenantMigrator.create(url, …).migrate()}. It reports the heap still in use after each garbage collection
 * (the run's live data; what the heap has to hold) and the run's wall time. Finishing at all under the cap is the
 * point: a run that needed more would fail with an OutOfMemoryError.
 */
public final class HeapProbe {
  private static final String PREFIX = "heap-probe ";

  private HeapProbe() {}

  /** What the probe saw: wall time, highest heap after a collection, collections, and whether it finished. */
  record Result(double seconds, long maxLiveBytes, int collections, boolean finished, String error) {
    String describe() {
      return finished
          ? String.format(Locale.ROOT, "%.1f MiB live after GC at most (%d collections), %.1f s", maxLiveBytes / 1048576.0,
              collections, seconds)
          : "did not finish: " + error;
    }
  }

  /** Runs the probe for {@code tenants} tenants in a child JVM with {@code -Xmx<heapMib>m}. */
  static Result run(String url, String user, String password, Path files, int tenants, int heapMib)
      throws IOException, InterruptedException {
    String java = ProcessHandle.current().info().command().orElse("java");
    String classpath = System.getProperty("java.class.path");
    List<String> command = new ArrayList<>(List.of(java, "-Xmx" + heapMib + "m", "-cp", classpath,
        HeapProbe.class.getName(), url, user, password == null ? "" : password, files.toString(),
        Integer.toString(tenants)));
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    String result = null;
    StringBuilder output = new StringBuilder();
    try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
      for (String line; (line = r.readLine()) != null; ) {
        if (line.startsWith(PREFIX)) {
          result = line.substring(PREFIX.length());
        } else if (output.length() < 4000) {
          output.append(line).append('\n');
        }
      }
    }
    int exit = p.waitFor();
    if (exit != 0 || result == null) {
      return new Result(Double.NaN, 0, 0, false, "exit " + exit + ": " + output.toString().strip());
    }
    String[] f = result.split(" ");
    return new Result(Double.parseDouble(f[0]), Long.parseLong(f[1]), Integer.parseInt(f[2]), true, null);
  }

  /** Child side: {@code url user password filesDir tenants}; prints one {@value #PREFIX} line. */
  public static void main(String[] args) {
    java.util.logging.Logger.getLogger("io.ashpg.migration").setLevel(java.util.logging.Level.WARNING);
    AtomicLong maxLive = new AtomicLong();
    AtomicInteger collections = new AtomicInteger();
    for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
      ((NotificationEmitter) gc).addNotificationListener((notification, handback) -> {
        if (!GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(notification.getType())) {
          return;
        }
        GarbageCollectionNotificationInfo info = GarbageCollectionNotificationInfo.from(
            (CompositeData) notification.getUserData());
        long used = info.getGcInfo().getMemoryUsageAfterGc().values().stream().mapToLong(MemoryUsage::getUsed).sum()
            - nonHeap(info);
        maxLive.accumulateAndGet(used, Math::max);
        collections.incrementAndGet();
      }, null, null);
    }
    List<String> tenants = TenantBench.tenants(Integer.parseInt(args[4]));
    MigratorOptions options = MigratorOptions.builder().repoName("bench").location(args[3]).quiet(true).build();
    long start = System.nanoTime();
    MigrationResult r = TenantMigrator.create(args[0], args[1], args[2], options, TenantLister.of(tenants)).migrate();
    double seconds = (System.nanoTime() - start) / 1e9;
    if (r.changedSchemas() != tenants.size()) {
      throw new IllegalStateException("expected every tenant to be migrated: " + r.summary());
    }
    System.gc(); // one collection at the end at least, with the run's result still referenced
    long live = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    maxLive.accumulateAndGet(live, Math::max);
    if (r.schemas().isEmpty()) {
      throw new IllegalStateException("no tenants"); // keeps the result reachable until after the collection
    }
    System.out.println(PREFIX + seconds + " " + maxLive.get() + " " + collections.get());
  }

  /** The memory pools of a collection's report that are not heap (code cache, metaspace), whose use is left out. */
  private static long nonHeap(GarbageCollectionNotificationInfo info) {
    long sum = 0;
    for (var pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() != java.lang.management.MemoryType.HEAP) {
        MemoryUsage u = info.getGcInfo().getMemoryUsageAfterGc().get(pool.getName());
        if (u != null) {
          sum += u.getUsed();
        }
      }
    }
    return sum;
  }
}
