package io.ashpg.bench;

import io.ashpg.testing.TestDatabase;
import io.ashpg.testing.TestPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * Runs every benchmark against its baselines in the same run on the same PostgreSQL, and writes the Markdown table
 * of ratios to stdout and {@code bench/target/results.md}. See {@code bench/README.md}.
 *
 * <pre>
 * ./mvnw -B -ntp -pl bench -am package -DskipTests -Dinvoker.skip
 * java -jar bench/target/ashpg-bench.jar                 # everything, N = 1000 tenants
 * java -Dn=100 -Donly=tenants -jar bench/target/ashpg-bench.jar
 * java -Donly=citus -jar bench/target/ashpg-bench.jar   # Citus cluster vs one PostgreSQL (needs Citus)
 * </pre>
 */
public final class BenchMain {
  private BenchMain() {}

  /** Held so the level sticks: ashpg logs "creating schema" at INFO even with quiet(true); not wanted 1,000×. */
  private static final java.util.logging.Logger MIGRATION_LOG = java.util.logging.Logger.getLogger("io.ashpg.migration");

  public static void main(String[] args) throws Exception {
    MIGRATION_LOG.setLevel(java.util.logging.Level.WARNING);
    // The baselines (perf-anchors) were measured on a durable server, where each commit waits for its WAL flush;
    // the test kit's embedded server skips that unless asked. -Ddurable=false measures the fast test settings.
    if (System.getProperty("ashpg.test.durable") == null) {
      System.setProperty("ashpg.test.durable", System.getProperty("durable", "true"));
    }
    BenchConfig config = BenchConfig.fromSystemProperties();
    Report report = new Report();
    long start = System.nanoTime();
    // benchmark 6 names its own servers: without the others, the test kit's server would only be started to be described
    String environment = environment(!config.only().equals(java.util.Set.of("citus")));
    config.log().println(environment);
    String load0 = loadAverage();

    if (config.runs("read")) {
      new ReadBench(config, report).run();
    }
    if (config.runs("bulk")) {
      new BulkBench(config, report).run();
    }
    if (config.runs("loads")) {
      new LoadBench(config, report).run();
    }
    if (config.runs("tenants")) {
      new TenantBench(config, report).run();
    }
    if (config.runs("generator")) {
      new GeneratorBench(config, report).run();
    }
    if (config.runs("drift")) {
      new DriftBench(config, report).run();
    }
    if (config.runs("citus")) {
      new CitusBench(config, report).run();
    }
    if (config.runs("liveddl")) {
      new LiveDdlBench(config, report).run();
    }

    Duration took = Duration.ofNanos(System.nanoTime() - start);
    report.note("Every ratio is the median of per-round ratios against the baseline measured in the same round"
        + " (variants alternate, order rotated and reversed between rounds); values are median [min–max].");
    report.note("Load average (1/5/15 min) at start: " + load0 + "; at end: " + loadAverage()
        + ". A load well above the core count means other work shared the machine: figures are noisy.");
    report.note(String.format(Locale.ROOT, "Total run time %d min %02d s%s.", took.toMinutes(),
        took.toSecondsPart(), config.quick() ? " (-Dquick=true: too few rounds to be meaningful)" : ""));
    String md = "# ashpg benchmarks\n\n" + environment + "\n" + report.markdown();
    config.log().println();
    config.log().println(md);
    Path out = config.out();
    if (out.getParent() != null) {
      Files.createDirectories(out.getParent());
    }
    Files.writeString(out, md);
    config.log().println("written to " + out.toAbsolutePath());
    System.exit(0); // the embedded server's shutdown hook stops PostgreSQL
  }

  /** Machine, JVM, PostgreSQL and date, as a Markdown list. */
  static String environment(boolean withTestServer) throws Exception {
    StringBuilder sb = new StringBuilder();
    sb.append("* date: ").append(ZonedDateTime.now().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME)).append('\n');
    sb.append("* machine: ").append(cpuModel()).append(", ").append(Runtime.getRuntime().availableProcessors())
        .append(" cores, ").append(memory()).append(", ").append(System.getProperty("os.name")).append(' ')
        .append(System.getProperty("os.version")).append('\n');
    sb.append("* JVM: ").append(System.getProperty("java.vm.name")).append(' ')
        .append(System.getProperty("java.runtime.version")).append(", max heap ")
        .append(Runtime.getRuntime().maxMemory() / (1024 * 1024)).append(" MiB\n");
    if (!withTestServer) {
      return sb.toString();
    }
    try (TestDatabase db = TestPostgres.createDatabase("bench_env"); Connection c = db.connect()) {
      sb.append("* PostgreSQL: ").append(BenchDb.queryString(c, "SHOW server_version")).append(" (")
          .append(TestPostgres.backend().description()).append("), fsync=")
          .append(BenchDb.queryString(c, "SHOW fsync")).append(", synchronous_commit=")
          .append(BenchDb.queryString(c, "SHOW synchronous_commit")).append(", shared_buffers=")
          .append(BenchDb.queryString(c, "SHOW shared_buffers")).append(", max_locks_per_transaction=")
          .append(BenchDb.queryString(c, "SHOW max_locks_per_transaction")).append('\n');
      sb.append("* pgjdbc ").append(c.getMetaData().getDriverVersion()).append(", jOOQ ")
          .append(org.jooq.Constants.VERSION).append('\n');
    }
    return sb.toString();
  }

  private static String cpuModel() {
    try {
      return Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
          .map(l -> l.substring(l.indexOf(':') + 1).trim()).findFirst().orElse("unknown CPU");
    } catch (IOException e) {
      return System.getProperty("os.arch");
    }
  }

  private static String memory() {
    try {
      return Files.readAllLines(Path.of("/proc/meminfo")).stream().filter(l -> l.startsWith("MemTotal"))
          .map(l -> Long.parseLong(l.replaceAll("\\D", "")) / (1024 * 1024) + " GiB RAM").findFirst().orElse("");
    } catch (IOException e) {
      return "";
    }
  }

  static String loadAverage() {
    try {
      String[] f = Files.readString(Path.of("/proc/loadavg")).split(" ");
      return f[0] + " / " + f[1] + " / " + f[2];
    } catch (IOException e) {
      return "unknown";
    }
  }
}
