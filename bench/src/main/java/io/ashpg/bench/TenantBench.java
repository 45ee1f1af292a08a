package io.ashpg.bench;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.ashpg.bench.Alternator.Variant;
import io.ashpg.migration.run.MigrationFile;
import io.ashpg.migration.run.MigrationResult;
import io.ashpg.migration.run.MigrationSource;
import io.ashpg.migration.run.MigratorOptions;
import io.ashpg.migration.run.TenantLister;
import io.ashpg.migration.run.TenantMigrator;
import io.ashpg.testing.TestDatabase;
import io.ashpg.testing.TestPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Benchmark 4: schema-per-tenant migrations (perf-anchors A). N tenants × the 5 migrations of perf-anchors §A, as
 * ashpg migration files: ashpg's {@link TenantMigrator} (default options: 4 connections) against the sequential
 * Ecto-style loop {@code jdbc_seq}. Each timed run gets a fresh database (created, CHECKPOINT, 0.3 s pause:
 * untimed; dropped only after the last round); connections are opened before the timer starts. Then the peak heap of a
 * run in a JVM capped at 256 MiB, the incremental run where every tenant is at head, and the same at-head check on a
 * fleet of 10,000 tenants.
 */
final class TenantBench {

  /** One migration: version, name, the DDL statements (unqualified; run under search_path "tenant", public). */
  record Migration(long version, String name, List<String> up, String down) {}

  static final List<Migration> MIGRATIONS = List.of(
      new Migration(20240101000001L, "users", List.of(
          "CREATE TABLE \"users\" (\"id\" uuid NOT NULL DEFAULT gen_random_uuid() PRIMARY KEY, \"email\" text NOT NULL,"
              + " \"inserted_at\" timestamp(0) NOT NULL DEFAULT (now() AT TIME ZONE 'utc'),"
              + " \"updated_at\" timestamp(0) NOT NULL DEFAULT (now() AT TIME ZONE 'utc'))",
          "CREATE UNIQUE INDEX \"users_unique_email_index\" ON \"users\" (\"email\")"),
          "DROP TABLE \"users\""),
      new Migration(20240101000002L, "posts", List.of(
          "CREATE TABLE \"posts\" (\"id\" uuid NOT NULL DEFAULT gen_random_uuid() PRIMARY KEY, \"title\" text NOT NULL,"
              + " \"body\" text, \"score\" integer NOT NULL DEFAULT 0,"
              + " \"author_id\" uuid NOT NULL CONSTRAINT \"posts_author_id_fkey\" REFERENCES \"users\"(\"id\")"
              + " ON DELETE CASCADE, \"inserted_at\" timestamp(0) NOT NULL DEFAULT (now() AT TIME ZONE 'utc'))",
          "CREATE INDEX \"posts_author_id_index\" ON \"posts\" (\"author_id\")"),
          "DROP TABLE \"posts\""),
      new Migration(20240101000003L, "posts_published", List.of(
          "ALTER TABLE \"posts\" ADD COLUMN \"published_at\" timestamp(0)",
          "ALTER TABLE \"posts\" ADD CONSTRAINT \"posts_score_must_be_positive\" CHECK (\"score\" >= 0)"),
          "ALTER TABLE \"posts\" DROP CONSTRAINT \"posts_score_must_be_positive\";\n"
              + "ALTER TABLE \"posts\" DROP COLUMN \"published_at\""),
      new Migration(20240101000004L, "comments", List.of(
          "CREATE TABLE \"comments\" (\"id\" uuid NOT NULL DEFAULT gen_random_uuid() PRIMARY KEY, \"body\" text NOT NULL,"
              + " \"post_id\" uuid NOT NULL CONSTRAINT \"comments_post_id_fkey\" REFERENCES \"posts\"(\"id\")"
              + " ON DELETE CASCADE,"
              + " \"author_id\" uuid CONSTRAINT \"comments_author_id_fkey\" REFERENCES \"users\"(\"id\") ON DELETE SET NULL,"
              + " \"inserted_at\" timestamp(0) NOT NULL DEFAULT (now() AT TIME ZONE 'utc'))",
          "CREATE INDEX \"comments_post_id_index\" ON \"comments\" (\"post_id\")",
          "CREATE INDEX \"comments_author_id_index\" ON \"comments\" (\"author_id\")"),
          "DROP TABLE \"comments\""),
      new Migration(20240101000005L, "users_role", List.of(
          "ALTER TABLE \"users\" ADD COLUMN \"role\" text NOT NULL DEFAULT 'user'",
          "CREATE INDEX \"users_role_index\" ON \"users\" (\"role\")"),
          "DROP INDEX \"users_role_index\";\nALTER TABLE \"users\" DROP COLUMN \"role\""));

  /** Heap cap of the peak-heap probe, MiB: the goal. */
  private static final int HEAP_MIB = 256;

  private final BenchConfig config;
  private final Report report;
  private Path files;
  private ServerCpu cpu;
  /** Reads the server's checkpoint count (where it lives depends on the version). */
  private String checkpointsSql;
  private final Map<String, List<Double>> serverCpu = new HashMap<>();
  private final Map<String, List<Background>> backgrounds = new HashMap<>();
  private final Map<String, List<Double>> connections = new HashMap<>();
  private TestDatabase atHead;
  /**
   * Databases of finished runs, dropped only after the last round. Dropping one deletes thousands of files, and on
   * an ext4 without a journal (this project's machines) the kernel then steps over recently deleted inodes each time
   * it creates a file, for one to five minutes: the run that followed a drop paid for it (server CPU per tenant 7.7
   * ms right after dropping a 1,000-tenant database, 6.0 ms five minutes later) — and before, it was always ashpg's.
   */
  private final List<TestDatabase> finished = new ArrayList<>();

  TenantBench(BenchConfig config, Report report) {
    this.config = config;
    this.report = report;
  }

  void run() throws Exception {
    int n = config.tenants();
    config.log().println("== 4. tenant migrations: " + n + " tenants × " + MIGRATIONS.size() + " migrations");
    files = writeFiles();
    try (TestDatabase probe = TestPostgres.createDatabase("bench_probe"); Connection c = probe.connect()) {
      cpu = ServerCpu.of(c);
      // pg_stat_checkpointer is PostgreSQL 17's; before it the counters lived in pg_stat_bgwriter
      checkpointsSql = BenchDb.queryLong(c, "SELECT current_setting('server_version_num')::int") >= 170000
          ? "SELECT num_timed + num_requested FROM pg_stat_checkpointer"
          : "SELECT checkpoints_timed + checkpoints_req FROM pg_stat_bgwriter";
    }
    // untimed warm-up of both paths (class loading, JIT, server caches)
    List<String> warm = tenants(Math.min(50, n));
    fullRun("jdbc_seq", warm, false);
    fullRun("ashpg", warm, false);
    serverCpu.clear();

    List<String> tenants = tenants(n);
    List<Variant> variants = new ArrayList<>(List.of(
        new Variant("jdbc_seq", () -> fullRun("jdbc_seq", tenants, true)),
        new Variant("ashpg", () -> fullRun("ashpg", tenants, true))));
    for (int size : extraPoolSizes()) {
      // diagnosis: the same migrator on other pool sizes; one connection separates per-tenant protocol cost from
      // parallelism, and sizes around the core count show what concurrent DDL backends cost the server
      String name = "ashpg_p" + size;
      variants.add(new Variant(name, () -> fullRun(name, tenants, true)));
    }
    Map<String, List<Double>> s = new Alternator(config.log()).run("4 tenants", variants, 0, config.rounds(3));
    String what = "4 tenant migrations, " + n + " tenants × 5 migrations (11 DDL)";
    List<Double> seq = s.get("jdbc_seq");
    List<Double> ashpg = s.get("ashpg");
    report.add(what, "jdbc_seq: one connection, per migration LOCK + SELECT versions + SET LOCAL + DDL + INSERT"
        + " + COMMIT (baseline)", Stats.summary(seq).format() + " s", "1.00×", "", "baseline");
    Stats.Summary speedup = Stats.paired(seq, ashpg);
    for (int size : extraPoolSizes()) {
      List<Double> other = s.get("ashpg_p" + size);
      Stats.Summary p = Stats.paired(seq, other);
      report.add(what, "ashpg TenantMigrator on " + size + " connection" + (size == 1 ? "" : "s")
          + " (diagnosis): speed-up over jdbc_seq", Stats.summary(other).format() + " s", Stats.ratio(p.median())
          + " faster [" + Stats.num(p.min()) + "–" + Stats.num(p.max()) + "]", "", "info");
    }
    report.add(what, "ashpg TenantMigrator (defaults: " + options().poolSize() + " connections): speed-up over jdbc_seq",
        Stats.summary(ashpg).format() + " s", Stats.ratio(speedup.median()) + " faster [" + Stats.num(speedup.min())
            + "–" + Stats.num(speedup.max()) + "]", "≥ 2.50× faster", Report.verdict(speedup.median() >= 2.5));
    int cores = Runtime.getRuntime().availableProcessors();
    if (cpu != null) {
      for (String v : s.keySet()) {
        List<Double> floors = serverCpu.get(v).stream().map(x -> x / cores).toList();
        List<Double> wall = s.get(v);
        report.add(what, "server-CPU floor of the " + v + " run (server CPU s ÷ " + cores + " cores)",
            Stats.summary(floors).format() + " s (server CPU " + Stats.summary(serverCpu.get(v)).format() + " s)",
            "wall ÷ floor " + Stats.ratio(Stats.paired(wall, floors).median()), "", "info");
        List<Background> bg = backgrounds.get(v);
        report.add(what, "work outside the " + v + " run's backends (diagnosis): background processes' CPU;"
            + " rounds with a checkpoint; autovacuum/analyze runs per round",
            Stats.summary(bg.stream().map(Background::cpuSeconds).toList()).format() + " s; "
                + bg.stream().filter(b -> b.checkpoints() > 0).count() + " of " + bg.size() + "; "
                + Stats.summary(bg.stream().map(b -> (double) b.autovacuums()).toList()).format(), "", "", "info");
      }
    } else {
      report.note("Benchmark 4: the server is not a local process readable in /proc; no server-CPU floor.");
    }
    dropFinished();
    for (String v : s.keySet()) {
      report.add(what, "connections used by the " + v + " run (most client backends on its database at once)",
          counts(connections.get(v)), "", "", "info");
    }
    heap(n);
    incremental(tenants);
    int fleet = Integer.getInteger("tenants.head", config.quick() ? 1000 : 10_000);
    if (fleet > 0 && fleet != n) {
      atHeadFleet(fleet);
    }
  }

  /**
   * Peak heap of a migration run, in a JVM of its own capped at {@value #HEAP_MIB} MiB (as a Maven goal runs it),
   * for 100 tenants and for the benchmark's N: flat means the same live heap for both. Untimed; fresh databases.
   */
  private void heap(int n) throws Exception {
    if (!Boolean.parseBoolean(System.getProperty("tenants.heap", "true"))) {
      return;
    }
    String what = "4 tenant migrations: peak heap of TenantMigrator.create(url, …).migrate() in a JVM with -Xmx"
        + HEAP_MIB + "m";
    List<Integer> sizes = n > 100 ? List.of(100, n) : List.of(n);
    for (int size : sizes) {
      try (TestDatabase db = TestPostgres.createDatabase("bench_tenants_heap");
           BackendPoller poller = new BackendPoller(db)) {
        HeapProbe.Result r = HeapProbe.run(db.jdbcUrl(), db.user(), db.password(), files, size, HEAP_MIB);
        int peak = poller.stop();
        if (r.finished()) {
          verify(db, size);
        }
        config.log().println("    heap probe, " + size + " tenants: " + r.describe() + "; connections " + peak);
        report.add(what, size + " tenants × 5 migrations: live heap after GC at most (collections); wall; connections",
            r.finished() ? Stats.num(r.maxLiveBytes() / 1048576.0) + " MiB (" + r.collections() + "); "
                + Stats.num(r.seconds()) + " s; " + peak : r.describe(), "",
            "≤ " + HEAP_MIB + " MiB", Report.verdict(r.finished() && r.maxLiveBytes() <= HEAP_MIB * 1048576L));
      }
    }
  }

  /** The incremental run where every tenant is at head, connecting included (fresh pool / connection each time). */
  private void incremental(List<String> tenants) throws Exception {
    TestDatabase db = atHead;
    if (db == null) {
      db = TestPostgres.createDatabase("bench_tenants_head");
      migrateAshpg(db, tenants);
    }
    try {
      atHeadRows(db, tenants, "4 incremental run, " + tenants.size() + " tenants all at head (connecting included)",
          config.warmup(2), config.rounds(15));
    } finally {
      db.close();
      atHead = null;
    }
  }

  /**
   * The at-head check of a fleet of {@code n} tenants. Only each tenant's {@code schema_migrations} is made (with the
   * versions and checksums of the 5 files, written directly as another process would): it is all the check reads.
   * Building it is not timed.
   */
  private void atHeadFleet(int n) throws Exception {
    config.log().println("== 4. at-head check of a fleet of " + n + " tenants (building it, untimed)");
    List<String> tenants = tenants(n);
    List<MigrationFile> files = MigrationSource.of(List.of(this.files.toString())).load();
    String rows = files.stream().map(f -> "(" + f.version() + ", now(), '" + f.checksum() + "')")
        .collect(Collectors.joining(", "));
    try (TestDatabase db = TestPostgres.createDatabase("bench_tenants_fleet")) {
      try (Connection c = db.connect()) {
        StringBuilder sql = new StringBuilder();
        for (int i = 0; i < n; i++) {
          String q = "\"" + tenants.get(i) + "\"";
          sql.append("CREATE SCHEMA ").append(q).append("; CREATE TABLE ").append(q).append(".schema_migrations")
              .append(" (\"version\" bigint, \"inserted_at\" timestamp(0), \"checksum\" varchar(64),")
              .append(" PRIMARY KEY (\"version\")); INSERT INTO ").append(q).append(".schema_migrations VALUES ")
              .append(rows).append(";\n");
          if (i % 100 == 99 || i == n - 1) {
            BenchDb.exec(c, sql.toString()); // a transaction per 100 tenants stays within the lock table
            sql.setLength(0);
          }
        }
        BenchDb.exec(c, "VACUUM ANALYZE");
        BenchDb.exec(c, "CHECKPOINT");
      }
      atHeadRows(db, tenants, "4 at-head check, fleet of " + n + " tenants (only schema_migrations; connecting"
          + " included)", config.warmup(1), config.rounds(7));
    }
  }

  /** ashpg's at-head run against connect + one SELECT per tenant, alternating; rows with the goal for the size. */
  private void atHeadRows(TestDatabase head, List<String> tenants, String what, int warmup, int rounds)
      throws Exception {
    MigratorOptions options = options();
    List<Variant> variants = List.of(
        new Variant("ashpg", () -> {
          long start = System.nanoTime();
          MigrationResult r = TenantMigrator.create(head.jdbcUrl(), head.user(), head.password(), options,
              TenantLister.of(tenants)).migrate();
          double ms = (System.nanoTime() - start) / 1e6;
          // a failed run throws; a successful one must have done nothing
          if (r.changedSchemas() != 0 || r.schemas().size() != tenants.size()) {
            throw new IllegalStateException("incremental run was not a no-op: " + r);
          }
          return ms;
        }),
        new Variant("jdbc_select_per_tenant", () -> {
          long start = System.nanoTime();
          int pending = 0;
          try (Connection c = DriverManager.getConnection(head.jdbcUrl(), head.user(), head.password());
               Statement st = c.createStatement()) {
            for (String t : tenants) {
              Set<Long> applied = new HashSet<>();
              try (ResultSet rs = st.executeQuery("SELECT version FROM \"" + t + "\".schema_migrations")) {
                while (rs.next()) {
                  applied.add(rs.getLong(1));
                }
              }
              for (Migration m : MIGRATIONS) {
                pending += applied.contains(m.version()) ? 0 : 1;
              }
            }
          }
          double ms = (System.nanoTime() - start) / 1e6;
          if (pending != 0) {
            throw new IllegalStateException(pending + " pending");
          }
          return ms;
        }));
    Map<String, List<Double>> s = new Alternator(config.log()).run("4 at head, " + tenants.size(), variants, warmup,
        rounds);
    report.add(what, "JDBC: connect + one SELECT version per tenant (perf-anchors A5 a1 fresh, baseline)",
        Stats.summary(s.get("jdbc_select_per_tenant")).format() + " ms", "1.00×", "", "baseline");
    Stats.Summary v = Stats.summary(s.get("ashpg"));
    Stats.Summary r = Stats.paired(s.get("ashpg"), s.get("jdbc_select_per_tenant"));
    int goal = tenants.size() <= 1000 ? 100 : 1000;
    report.add(what, "ashpg TenantMigrator.create(url, …).migrate()", v.format() + " ms",
        Stats.ratio(r.median()) + " [" + Stats.num(r.min()) + "–" + Stats.num(r.max()) + "]", "≤ " + goal + " ms",
        Report.verdict(v.median() <= goal));
  }

  /** One full run of {@code variant} in a fresh database; returns wall seconds. */
  private double fullRun(String variant, List<String> tenants, boolean record) throws Exception {
    TestDatabase db = TestPostgres.createDatabase("bench_tenants");
    boolean keep = false;
    try {
      try (Connection c = db.connect()) {
        BenchDb.exec(c, "CHECKPOINT");
      }
      Thread.sleep(300);
      double seconds;
      double cpuSeconds;
      double speedBefore = CpuSpeed.millis();
      Background before = background(db);
      double client0 = clientSeconds();
      int peakConnections;
      // the poller's own connection is open before the timer and not counted
      try (BackendPoller poller = new BackendPoller(db)) {
        if (variant.equals("jdbc_seq")) {
          try (Connection c = db.connect()) {
            double cpu0 = cpu == null ? 0 : cpu.seconds();
            long start = System.nanoTime();
            jdbcSeq(c, tenants);
            seconds = (System.nanoTime() - start) / 1e9;
            cpuSeconds = cpu == null ? 0 : cpu.seconds() - cpu0;
          }
        } else {
          int size = variant.startsWith("ashpg_p") ? Integer.parseInt(variant.substring("ashpg_p".length()))
              : options().poolSize();
          try (HikariDataSource pool = pool(db, size)) {
            MigratorOptions options = options().toBuilder().poolSize(size).build();
            double cpu0 = cpu == null ? 0 : cpu.seconds();
            long start = System.nanoTime();
            TenantMigrator.create(pool, options, TenantLister.of(tenants)).migrate(); // throws when a tenant failed
            seconds = (System.nanoTime() - start) / 1e9;
            cpuSeconds = cpu == null ? 0 : cpu.seconds() - cpu0;
          }
        }
        peakConnections = poller.stop();
      }
      double client = clientSeconds() - client0;
      verify(db, tenants.size());
      Background during = background(db).minus(before);
      config.log().println("    " + variant + ": " + Stats.num(seconds) + " s, server CPU " + Stats.num(cpuSeconds)
          + " s, of it background processes " + Stats.num(during.cpuSeconds()) + " s; client (this JVM) CPU "
          + Stats.num(client) + " s; connections " + peakConnections + "; checkpoints "
          + during.checkpoints() + ", autovacuum/analyze runs in the database " + during.autovacuums()
          + "; fixed-work CPU before/after " + Stats.num(speedBefore) + "/" + Stats.num(CpuSpeed.millis()) + " ms");
      if (record) {
        serverCpu.computeIfAbsent(variant, k -> new ArrayList<>()).add(cpuSeconds);
        connections.computeIfAbsent(variant, k -> new ArrayList<>()).add((double) peakConnections);
        backgrounds.computeIfAbsent(variant, k -> new ArrayList<>()).add(during);
        if (variant.equals("ashpg")) {
          if (atHead != null) {
            finished.add(atHead);
          }
          atHead = db;
        }
      }
      if (atHead != db) {
        finished.add(db);
      }
      keep = true;
      return seconds;
    } finally {
      if (!keep) {
        db.close();
      }
    }
  }

  /** Drops the databases of the finished runs (see {@link #finished}). */
  private void dropFinished() {
    finished.forEach(TestDatabase::close);
    finished.clear();
  }

  /** Whole numbers as median [min–max]. */
  private static String counts(List<Double> samples) {
    Stats.Summary c = Stats.summary(samples);
    return String.format(Locale.ROOT, "%.0f [%.0f–%.0f]", c.median(), c.min(), c.max());
  }

  /** Migrates every tenant; a failing tenant throws a MigrationException naming it. */
  private void migrateAshpg(TestDatabase db, List<String> tenants) {
    TenantMigrator.create(db.jdbcUrl(), db.user(), db.password(), options(), TenantLister.of(tenants)).migrate();
  }

  /**
   * Pool sizes of the extra diagnosis variants: {@code -Dtenants.pools=1,2} (and, as before, {@code -Dtenants.p1=true}
   * for 1), without the default's own size.
   */
  private List<Integer> extraPoolSizes() {
    Set<Integer> sizes = new TreeSet<>();
    if (Boolean.getBoolean("tenants.p1")) {
      sizes.add(1);
    }
    for (String p : System.getProperty("tenants.pools", "").split(",")) {
      if (!p.isBlank()) {
        sizes.add(Integer.parseInt(p.trim()));
      }
    }
    sizes.remove(options().poolSize());
    return List.copyOf(sizes);
  }

  private MigratorOptions options() {
    return MigratorOptions.builder().repoName("bench").location(files.toString()).quiet(true).build();
  }

  static HikariDataSource pool(TestDatabase db, int size) throws InterruptedException {
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(db.jdbcUrl());
    config.setUsername(db.user());
    config.setPassword(db.password());
    config.setMaximumPoolSize(size);
    config.setMinimumIdle(size);
    HikariDataSource pool = new HikariDataSource(config);
    // connections are opened before the timer starts, as for the JDBC loop
    long deadline = System.nanoTime() + 10_000_000_000L;
    while (pool.getHikariPoolMXBean().getIdleConnections() < size && System.nanoTime() < deadline) {
      Thread.sleep(20);
    }
    return pool;
  }

  /**
   * What a run causes outside its own backends, as counters so far: CPU of the live background processes,
   * checkpoints (server-wide), autovacuum and autoanalyze runs on the run database's tables.
   */
  record Background(double cpuSeconds, long checkpoints, long autovacuums) {
    Background minus(Background earlier) {
      return new Background(cpuSeconds - earlier.cpuSeconds, checkpoints - earlier.checkpoints,
          autovacuums - earlier.autovacuums);
    }
  }

  /** CPU seconds of this JVM so far (every thread, JIT and GC included). */
  private static double clientSeconds() {
    return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
        .getOperatingSystemMXBean()).getProcessCpuTime() / 1e9;
  }

  private Background background(TestDatabase db) throws SQLException {
    try (Connection c = db.connect()) {
      BenchDb.exec(c, "SELECT pg_stat_clear_snapshot()");
      return new Background(cpu == null ? 0 : cpu.backgroundSeconds(), BenchDb.queryLong(c, checkpointsSql),
          BenchDb.queryLong(c, "SELECT coalesce(sum(autovacuum_count + autoanalyze_count), 0) FROM pg_stat_all_tables"));
    }
  }

  /** The Ecto / Flyway-in-a-loop baseline ({@code jdbc_seq} of perf-anchors A). */
  static void jdbcSeq(Connection c, List<String> tenants) throws SQLException {
    c.setAutoCommit(true);
    for (String t : tenants) {
      String q = "\"" + t + "\"";
      try (Statement s = c.createStatement()) {
        s.execute("CREATE SCHEMA IF NOT EXISTS " + q);
        s.execute("CREATE TABLE IF NOT EXISTS " + q + ".schema_migrations (\"version\" bigint PRIMARY KEY,"
            + " \"inserted_at\" timestamp(0))");
      }
      c.setAutoCommit(false);
      for (Migration m : MIGRATIONS) {
        try (Statement s = c.createStatement()) {
          s.execute("LOCK TABLE " + q + ".schema_migrations IN SHARE UPDATE EXCLUSIVE MODE");
          Set<Long> applied = new HashSet<>();
          try (PreparedStatement ps = c.prepareStatement("SELECT version FROM " + q + ".schema_migrations");
               ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
              applied.add(rs.getLong(1));
            }
          }
          if (!applied.contains(m.version())) {
            s.execute("SET LOCAL search_path TO " + q + ", public");
            for (String ddl : m.up()) {
              s.execute(ddl);
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO " + q
                + ".schema_migrations (\"version\", \"inserted_at\") VALUES (?, ?)")) {
              ps.setLong(1, m.version());
              ps.setTimestamp(2, Timestamp.valueOf(LocalDateTime.now().withNano(0)));
              ps.executeUpdate();
            }
          }
        }
        c.commit();
      }
      c.setAutoCommit(true);
    }
  }

  /** Untimed check: 11 relations and 7 constraints per tenant outside schema_migrations, 5 versions each. */
  static void verify(TestDatabase db, int n) throws SQLException {
    try (Connection c = db.connect()) {
      long rels = BenchDb.queryLong(c, "SELECT count(*) FROM pg_class c JOIN pg_namespace n ON n.oid ="
          + " c.relnamespace WHERE n.nspname LIKE 'tenant\\_%' AND c.relname NOT LIKE 'schema\\_migrations%'");
      long cons = BenchDb.queryLong(c, "SELECT count(*) FROM pg_constraint k JOIN pg_namespace n ON n.oid ="
          + " k.connamespace WHERE n.nspname LIKE 'tenant\\_%' AND k.contype IN ('p', 'f', 'c', 'u')"
          + " AND k.conname NOT LIKE 'schema\\_migrations%'");
      long versions = 0;
      List<String> all = tenants(n);
      for (int i = 0; i < all.size(); i += 100) {
        StringBuilder sql = new StringBuilder("SELECT sum(x) FROM (");
        for (int j = i; j < Math.min(all.size(), i + 100); j++) {
          sql.append(j == i ? "" : " UNION ALL ").append("SELECT count(*) x FROM \"").append(all.get(j))
              .append("\".schema_migrations");
        }
        versions += BenchDb.queryLong(c, sql.append(") v").toString());
      }
      if (rels != 11L * n || cons != 7L * n || versions != 5L * n) {
        throw new IllegalStateException(String.format(Locale.ROOT,
            "tenant check failed: %d relations (want %d), %d constraints (want %d), %d versions (want %d)",
            rels, 11L * n, cons, 7L * n, versions, 5L * n));
      }
    }
  }

  static List<String> tenants(int n) {
    List<String> out = new ArrayList<>(n);
    for (int i = 1; i <= n; i++) {
      out.add(String.format(Locale.ROOT, "tenant_%04d", i));
    }
    return out;
  }

  /** The 5 migrations as ashpg migration files ({@code <version>_<name>.sql}, up and down sections). */
  static Path writeFiles() throws IOException {
    Path dir = Files.createTempDirectory("ashpg-bench-tenant-migrations");
    dir.toFile().deleteOnExit();
    for (Migration m : MIGRATIONS) {
      Path f = dir.resolve(m.version() + "_" + m.name() + ".sql");
      Files.writeString(f, "-- ashpg:up\n" + String.join(";\n", m.up()) + ";\n-- ashpg:down\n" + m.down() + ";\n");
      f.toFile().deleteOnExit();
    }
    return dir;
  }
}
