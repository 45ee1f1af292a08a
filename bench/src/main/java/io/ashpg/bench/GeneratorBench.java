package io.ashpg.bench;

import io.ashpg.bench.Alternator.Variant;
import io.ashpg.migration.diff.NeverRename;
import io.ashpg.migration.generate.GenerationResult;
import io.ashpg.migration.generate.GeneratorOptions;
import io.ashpg.migration.generate.MigrationGenerator;
import io.ashpg.migration.generate.PrimaryKeyChooser;
import io.ashpg.migration.snapshot.VersionClock;
import io.ashpg.resource.Domain;
import io.ashpg.resource.Resource;
import io.ashpg.resource.Type;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Benchmark 5: generator scale. Generates migrations for 50, 200 and 1,000 resources from scratch (snapshots and
 * one migration written to a fresh directory), and runs check-migrated (nothing written) against those snapshots
 * with one resource changed. A sample is the wall time of one {@code generate} call; building the domain is not
 * timed.
 */
final class GeneratorBench {
  private final BenchConfig config;
  private final Report report;

  GeneratorBench(BenchConfig config, Report report) {
    this.config = config;
    this.report = report;
  }

  /** {@code n} resources, each a realistic table: 9 attributes, an identity, a belongs-to to the previous one. */
  static Domain domain(int n, int changed) {
    List<Resource> resources = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      int me = i;
      resources.add(Resource.define("res" + i, r -> {
        r.postgres(pg -> pg.repo(BenchRepo.class).table("res" + me + "s"))
            .uuidPrimaryKey("id")
            .attribute("name", Type.STRING, a -> a.allowNil(false))
            .attribute("body", Type.STRING)
            .attribute("score", Type.INTEGER, a -> a.allowNil(false).defaultValue(0L))
            .attribute("price", Type.decimal(10, 2))
            .attribute("active", Type.BOOLEAN, a -> a.defaultValue(true))
            .attribute("published_on", Type.DATE)
            .createTimestamp("inserted_at")
            .updateTimestamp("updated_at")
            .identity("unique_name", "name");
        if (me > 0) {
          r.belongsTo("parent", "res" + (me - 1));
        }
        if (me == changed) {
          r.attribute("extra", Type.STRING);
        }
      }));
    }
    return Domain.of(resources);
  }

  void run() throws Exception {
    int[] sizes = config.sizes();
    config.log().println("== 5. generator scale: " + java.util.Arrays.toString(sizes) + " resources");
    Map<Integer, Domain> base = new LinkedHashMap<>();
    Map<Integer, Domain> changed = new LinkedHashMap<>();
    Map<Integer, Path> migrated = new LinkedHashMap<>();
    List<Path> dirs = new ArrayList<>();
    try {
      for (int n : sizes) {
        base.put(n, domain(n, -1));
        changed.put(n, domain(n, n / 2));
        Path dir = Files.createTempDirectory("ashpg-bench-gen-" + n);
        dirs.add(dir);
        generate(base.get(n), GeneratorOptions.defaults(dir).withQuiet(true));
        migrated.put(n, dir);
      }
      List<Variant> variants = new ArrayList<>();
      for (int n : sizes) {
        variants.add(new Variant("scratch_" + n, () -> {
          Path dir = Files.createTempDirectory("ashpg-bench-gen-scratch");
          try {
            long start = System.nanoTime();
            GenerationResult r = generate(base.get(n), GeneratorOptions.defaults(dir).withQuiet(true));
            double ms = (System.nanoTime() - start) / 1e6;
            if (r.migrations().isEmpty()) {
              throw new IllegalStateException("no migration generated for " + n + " resources");
            }
            return ms;
          } finally {
            delete(dir);
          }
        }));
        variants.add(new Variant("check_" + n, () -> {
          long start = System.nanoTime();
          GenerationResult r = generate(changed.get(n),
              GeneratorOptions.defaults(migrated.get(n)).withQuiet(true).withCheckMigrated(true));
          double ms = (System.nanoTime() - start) / 1e6;
          if (r.pending().isEmpty() || r.written()) {
            throw new IllegalStateException("check-migrated of " + n + " resources found no change: " + r.message());
          }
          return ms;
        }));
      }
      Map<String, List<Double>> s = new Alternator(config.log()).run("5 generator", variants, config.warmup(3),
          config.rounds(9));
      int small = sizes[0];
      int large = sizes[sizes.length - 1];
      for (String kind : List.of("scratch", "check")) {
        String what = kind.equals("scratch") ? "5 generator: from scratch (snapshots + 1 migration written)"
            : "5 generator: check-migrated, one resource changed";
        for (int n : sizes) {
          List<Double> t = s.get(kind + "_" + n);
          String ratio = n == small ? "1.00×" : Stats.ratio(Stats.paired(t, s.get(kind + "_" + small)).median())
              + " of t(" + small + ")";
          report.add(what, n + " resources", Stats.summary(t).format() + " ms", ratio, "", n == small ? "baseline"
              : "info");
        }
        Stats.Summary r = Stats.paired(s.get(kind + "_" + large), s.get(kind + "_" + small));
        report.add(what, "t(" + large + ") / t(" + small + ")", "", Stats.ratio(r.median()) + " [" + Stats.num(r.min())
            + "–" + Stats.num(r.max()) + "]", "≤ 25×", Report.verdict(r.median() <= 25));
      }
    } finally {
      for (Path d : dirs) {
        delete(d);
      }
    }
  }

  private static GenerationResult generate(Domain domain, GeneratorOptions options) {
    return new MigrationGenerator(VersionClock.system()).generate(domain, options, NeverRename.INSTANCE,
        PrimaryKeyChooser.none());
  }

  private static void delete(Path dir) throws IOException {
    try (Stream<Path> walk = Files.walk(dir)) {
      for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }
}
