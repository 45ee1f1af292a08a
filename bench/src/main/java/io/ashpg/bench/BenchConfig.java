package io.ashpg.bench;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Settings, from system properties:
 * <ul>
 *   <li>{@code -Dn=1000}: tenants of benchmark 4 (default 1000);</li>
 *   <li>{@code -Donly=read,bulk,loads,tenants,generator,citus,drift}: run only these (default all but citus);</li>
 *   <li>{@code -Dcitus.tenants=200}: tenants of benchmark 6 (Citus);</li>
 *   <li>{@code -Dquick=true}: few rounds and small blocks, for trying the harness out (figures meaningless);</li>
 *   <li>{@code -Drounds=R}, {@code -Dwarmup=W}: override every benchmark's measured and warm-up rounds;</li>
 *   <li>{@code -Dsizes=50,200,1000}: resource counts of benchmark 5;</li>
 *   <li>{@code -Dout=path}: the Markdown file (default {@code bench/target/results.md}, or {@code target/results.md}
 *       when run inside {@code bench/}).</li>
 * </ul>
 */
record BenchConfig(int tenants, Set<String> only, boolean quick, Integer rounds, Integer warmup, int readRows,
                   int[] sizes, Path out, PrintStream log) {

  /** What runs without {@code -Donly}. */
  static final Set<String> ALL = Set.of("read", "bulk", "loads", "tenants", "generator", "drift");

  /**
   * Everything {@code -Donly} may name: the default set, {@code citus} (needs Citus) and {@code liveddl} (a million
   * rows rebuilt a dozen times), which run only when named.
   */
  static final Set<String> KNOWN = Set.of("read", "bulk", "loads", "tenants", "generator", "drift", "citus",
      "liveddl");

  static BenchConfig fromSystemProperties() {
    String only = System.getProperty("only", "");
    Set<String> selected = only.isBlank() ? ALL
        : Arrays.stream(only.split(",")).map(s -> s.trim().toLowerCase(Locale.ROOT)).filter(s -> !s.isEmpty())
            .collect(Collectors.toUnmodifiableSet());
    for (String s : selected) {
      if (!KNOWN.contains(s)) {
        throw new IllegalArgumentException("-Donly: unknown benchmark '" + s + "'; known: " + KNOWN);
      }
    }
    String outProp = System.getProperty("out");
    Path out = outProp != null ? Path.of(outProp)
        : Files.isDirectory(Path.of("bench")) ? Path.of("bench/target/results.md") : Path.of("target/results.md");
    int[] sizes = Arrays.stream(System.getProperty("sizes", "50,200,1000").split(",")).map(String::trim)
        .mapToInt(Integer::parseInt).toArray();
    return new BenchConfig(Integer.getInteger("n", 1000), selected, Boolean.getBoolean("quick"),
        Integer.getInteger("rounds"), Integer.getInteger("warmup"), Integer.getInteger("rows", 100_000), sizes, out,
        System.out);
  }

  boolean runs(String benchmark) {
    return only.contains(benchmark);
  }

  /** Measured rounds: {@code -Drounds}, else {@code full} (a fifth of it, at least 3, with {@code -Dquick}). */
  int rounds(int full) {
    return rounds != null ? rounds : quick ? Math.max(3, full / 5) : full;
  }

  /** Warm-up rounds: {@code -Dwarmup}, else {@code full} (at most 1 with {@code -Dquick}). */
  int warmup(int full) {
    return warmup != null ? warmup : quick ? Math.min(1, full) : full;
  }
}
