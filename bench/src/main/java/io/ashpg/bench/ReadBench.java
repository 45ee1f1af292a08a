package io.ashpg.bench;

import io.ashpg.bench.Alternator.Variant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Benchmark 1: read overhead. The same query through ashpg, hand-written JDBC and jOOQ, alternating blocks of
 * operations within one run (perf-anchors B, "QueryAlt"); a sample is the mean µs/op of one block.
 */
final class ReadBench {
  private final BenchConfig config;
  private final Report report;
  private Alternator alternator;
  static volatile int sink;

  ReadBench(BenchConfig config, Report report) {
    this.config = config;
    this.report = report;
  }

  void run() throws Exception {
    config.log().println("== 1. read overhead: building a " + config.readRows() + "-row posts table");
    try (ReadFixture f = ReadFixture.create(config.readRows())) {
      alternator = new Alternator(config.log(), CpuMeter.of(f.connection));
      int topOps = config.quick() ? 100 : 500;
      int pkOps = config.quick() ? 400 : 2000;
      int[] tick = {0};
      List<Variant> top = List.of(
          new Variant("jdbc", () -> block(topOps, () -> f.topJdbc(next(tick)).size())),
          new Variant("jooq", () -> block(topOps, () -> f.topJooq(next(tick)).size())),
          new Variant("ashpg", () -> block(topOps, () -> f.topAshpg(next(tick)).size())),
          new Variant("ashpg_rows", () -> block(topOps, () -> f.topAshpgRows(next(tick)).size())),
          new Variant("jdbc_ashpg_sql", () -> block(topOps, () -> f.topJdbcAshpgSql(next(tick)).size())));
      Map<String, List<Double>> s = alternator.run("1a top100", top, config.warmup(10), config.rounds(30));
      String what = "1a read: WHERE score > ? ORDER BY score DESC LIMIT 100, " + f.rows + " rows";
      add(what, s, "jdbc", "jdbc (hand-written, baseline)", "");
      add(what, s, "jooq", "jOOQ 3.19 DSL (no codegen)", "info (anchor ≈1.9×)");
      add(what, s, "ashpg", "ashpg read(query, Post.class)", "≤ 1.10×");
      add(what, s, "ashpg_rows", "ashpg read(query) → Row", "info");
      add(what, s, "jdbc_ashpg_sql", "jdbc running ashpg's SQL: " + f.ashpgTopSql, "info");
      addVs(what, s, "ashpg", "jdbc_ashpg_sql", "ashpg vs jdbc running ashpg's SQL (ashpg's Java-side overhead)");
      Report.cpu(report, what, alternator, "ashpg", "jdbc", topOps);
      Report.cpu(report, what, alternator, "jdbc_ashpg_sql", "jdbc", topOps);

      int[] at = {0};
      List<UUID> ids = f.ids;
      List<Variant> pk = List.of(
          new Variant("jdbc", () -> block(pkOps, () -> f.pkJdbc(ids.get(at[0]++ % ids.size())).hashCode())),
          new Variant("jooq", () -> block(pkOps, () -> f.pkJooq(ids.get(at[0]++ % ids.size())).hashCode())),
          new Variant("ashpg", () -> block(pkOps, () -> f.pkAshpg(ids.get(at[0]++ % ids.size())).hashCode())),
          new Variant("jdbc_ashpg_sql", () -> block(pkOps,
              () -> f.pkJdbcAshpgSql(ids.get(at[0]++ % ids.size())).hashCode())));
      s = alternator.run("1b pk", pk, config.warmup(10), config.rounds(30));
      what = "1b read: primary-key lookup";
      add(what, s, "jdbc", "jdbc (hand-written, baseline)", "");
      add(what, s, "jooq", "jOOQ 3.19 DSL (no codegen)", "info (anchor ≈1.45×)");
      add(what, s, "ashpg", "ashpg get(resource, id) → Post", "≤ 1.10×");
      add(what, s, "jdbc_ashpg_sql", "jdbc running ashpg's SQL: " + f.ashpgPkSql, "info");
      addVs(what, s, "ashpg", "jdbc_ashpg_sql", "ashpg vs jdbc running ashpg's SQL (ashpg's Java-side overhead)");
      Report.cpu(report, what, alternator, "ashpg", "jdbc", pkOps);
      Report.cpu(report, what, alternator, "jdbc_ashpg_sql", "jdbc", pkOps);
    }
  }

  private static long next(int[] tick) {
    return ReadFixture.THRESHOLDS[tick[0]++ % ReadFixture.THRESHOLDS.length];
  }

  private void add(String what, Map<String, List<Double>> s, String key, String label, String target) {
    Stats.Summary v = Stats.summary(s.get(key));
    if (key.equals("jdbc")) {
      report.add(what, label, v.format() + " µs/op", "1.00×", target, "baseline");
      return;
    }
    Stats.Summary r = Stats.paired(s.get(key), s.get("jdbc"));
    String verdict = target.startsWith("≤") ? Report.verdict(r.median() <= 1.10) : "info";
    report.add(what, label, v.format() + " µs/op", Stats.ratio(r.median()) + " [" + Stats.num(r.min()) + "–"
        + Stats.num(r.max()) + "]", target, verdict);
  }

  private void addVs(String what, Map<String, List<Double>> s, String key, String base, String label) {
    Stats.Summary r = Stats.paired(s.get(key), s.get(base));
    report.add(what, label, "", Stats.ratio(r.median()) + " [" + Stats.num(r.min()) + "–" + Stats.num(r.max()) + "]",
        "", "info");
  }

  @FunctionalInterface
  interface Op {
    int run() throws Exception;
  }

  /** µs per op over a block of {@code ops} operations. */
  static double block(int ops, Op op) throws Exception {
    int acc = 0;
    long start = System.nanoTime();
    for (int i = 0; i < ops; i++) {
      acc += op.run();
    }
    long ns = System.nanoTime() - start;
    sink += acc;
    return ns / 1e3 / ops;
  }
}
