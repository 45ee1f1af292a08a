package io.ashpg.bench;

import com.zaxxer.hikari.HikariDataSource;
import io.ashpg.bench.Alternator.Variant;
import io.ashpg.data.Changeset;
import io.ashpg.data.DataLayer;
import io.ashpg.data.Row;
import io.ashpg.migration.run.MigratorOptions;
import io.ashpg.migration.run.TenantLister;
import io.ashpg.migration.run.TenantMigrator;
import io.ashpg.resource.Domain;
import io.ashpg.resource.Multitenancy;
import io.ashpg.resource.Resource;
import io.ashpg.resource.Type;
import io.ashpg.testing.CitusCluster;
import io.ashpg.testing.CitusDatabase;
import io.ashpg.testing.CitusInstallation;
import io.ashpg.testing.LocalPostgres;
import io.ashpg.testing.TestDatabase;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.UUID;

/**
 * Benchmark 6: the same tenant workload on the local Citus cluster (coordinator + 2 workers, ashpg-testing's
 * {@link CitusCluster}) and on one plain PostgreSQL from the same binaries with the same settings
 * ({@link LocalPostgres}), alternating in the same run:
 * <ol>
 *   <li>{@code -Dcitus.tenants=200} tenants × the 5 migrations of benchmark 4 through ashpg's {@link TenantMigrator}
 *       (default options), each run in a fresh database. On the cluster the migrator runs with
 *       {@code MigratorOptions.citus(true)}, so it creates every tenant schema as a distributed schema; the run is
 *       checked to have distributed them all;</li>
 *   <li>a tenant read/write mix through ashpg's {@link DataLayer} on one connection: 80 % {@code get} by primary key,
 *       20 % {@code update} of one column by primary key, over 50 posts in each tenant;</li>
 *   <li>on the cluster only: moving one tenant schema with 10,000 posts to the other worker with
 *       {@code citus_schema_move}, by logical replication (Citus's {@code auto} with {@code wal_level=logical}) and
 *       with {@code block_writes}.</li>
 * </ol>
 * Skipped, with a note in the report, where Citus is not installed.
 */
final class CitusBench {

  /** The benchmark 4 schema's posts, as a context-multitenant resource: the data layer's view of a tenant table. */
  static final Resource POST = Resource.define("post", r -> r
      .postgres(pg -> pg.repo(BenchRepo.class).table("posts"))
      .multitenancy(m -> m.strategy(Multitenancy.Strategy.CONTEXT))
      .uuidPrimaryKey("id")
      .attribute("title", Type.STRING, a -> a.allowNil(false))
      .attribute("score", Type.INTEGER, a -> a.allowNil(false))
      .attribute("author_id", Type.UUID, a -> a.allowNil(false)));

  private static final int POSTS_PER_TENANT = 50;
  private static final int MOVED_ROWS = 10_000;
  private static final int OPS_PER_BLOCK = 1_000;

  private final BenchConfig config;
  private final Report report;
  private final int n = Integer.getInteger("citus.tenants", 200);
  private Path files;
  /** The database of each target's last measured migration run, kept for the mix and the move. */
  private final Map<String, Target.Db> atHead = new HashMap<>();

  CitusBench(BenchConfig config, Report report) {
    this.config = config;
    this.report = report;
  }

  /** Where a run's database comes from: the cluster, or the single node. */
  private interface Target {
    String name();

    Db create(String hint) throws SQLException;

    /** A database on the target; closing drops it (on every node of the cluster). */
    record Db(TestDatabase db, AutoCloseable owner) implements AutoCloseable {
      @Override
      public void close() throws Exception {
        owner.close();
      }
    }
  }

  void run() throws Exception {
    Optional<CitusInstallation> installation = CitusCluster.installation();
    if (installation.isEmpty()) {
      config.log().println("== 6. Citus: not run (" + CitusInstallation.NOT_INSTALLED + ")");
      report.note("Benchmark 6 (Citus) not run: " + CitusInstallation.NOT_INSTALLED);
      return;
    }
    config.log().println("== 6. Citus cluster vs one PostgreSQL: " + n + " tenants × 5 migrations, read/write mix,"
        + " moving a tenant of " + MOVED_ROWS + " rows");
    CitusCluster cluster = CitusCluster.local();
    files = TenantBench.writeFiles();
    try (LocalPostgres single = LocalPostgres.start(installation.get())) {
      try (CitusDatabase env = cluster.createDatabase("bench_citus_env"); Connection c = env.connect()) {
        String versions = "PostgreSQL " + BenchDb.queryString(c, "SHOW server_version") + " with Citus "
            + BenchDb.queryString(c, "SELECT extversion FROM pg_extension WHERE extname = 'citus'");
        config.log().println("   " + versions + "; " + cluster.description() + "; baseline: " + single.description());
        report.note("Benchmark 6: " + versions + "; " + cluster.description() + "; baseline: "
            + single.description() + ".");
      }
      Target citus = new Target() {
        @Override
        public String name() {
          return "citus";
        }

        @Override
        public Db create(String hint) throws SQLException {
          // the migrator creates every tenant schema as a distributed schema (MigratorOptions.citus)
          CitusDatabase db = cluster.createDatabase(hint);
          return new Db(db.coordinator(), db);
        }
      };
      Target plain = new Target() {
        @Override
        public String name() {
          return "single";
        }

        @Override
        public Db create(String hint) {
          TestDatabase db = single.createDatabase(hint);
          return new Db(db, db);
        }
      };
      try {
        migrations(citus, plain);
        mix(citus, plain);
        move(cluster);
      } finally {
        for (Target.Db db : atHead.values()) {
          db.close();
        }
      }
      report.note("Benchmark 6: both sides " + (cluster.durable() ? "durable (fsync, synchronous_commit and"
          + " full_page_writes on)" : "with fsync, synchronous_commit and full_page_writes off")
          + "; the three Citus nodes and the single node are PostgreSQL servers from " + installation.get().binDir()
          + " on this machine, so the cluster shares its cores and disk: expect overhead, not speed-up.");
    }
  }

  private MigratorOptions options() {
    return options(false);
  }

  private MigratorOptions options(boolean citus) {
    return MigratorOptions.builder().repoName("bench").location(files.toString()).quiet(true).citus(citus).build();
  }

  /** 6a: the tenant migrations, a fresh database per run. */
  private void migrations(Target citus, Target plain) throws Exception {
    List<String> warm = TenantBench.tenants(Math.min(20, n));
    migrateRun(citus, warm, false);
    migrateRun(plain, warm, false);
    List<String> tenants = TenantBench.tenants(n);
    Map<String, List<Double>> s = new Alternator(config.log()).run("6a tenants", List.of(
        new Variant("single", () -> migrateRun(plain, tenants, true)),
        new Variant("citus", () -> migrateRun(citus, tenants, true))), 0, config.rounds(3));
    String what = "6a tenant migrations on Citus, " + n + " tenants × 5 migrations (11 DDL), ashpg TenantMigrator"
        + " (" + options().poolSize() + " connections)";
    report.add(what, "one PostgreSQL (baseline)", Stats.summary(s.get("single")).format() + " s", "1.00×", "",
        "baseline");
    Stats.Summary r = Stats.paired(s.get("citus"), s.get("single"));
    report.add(what, "Citus coordinator + 2 workers, every tenant a distributed schema",
        Stats.summary(s.get("citus")).format() + " s", Stats.ratio(r.median()) + " the time [" + Stats.num(r.min())
            + "–" + Stats.num(r.max()) + "]", "", "info");
  }

  /** One migration run of {@code tenants} in a fresh database of {@code target}; returns wall seconds. */
  private double migrateRun(Target target, List<String> tenants, boolean keep) throws Exception {
    Target.Db db = target.create("bench_citus_" + target.name());
    boolean kept = false;
    try {
      double seconds;
      try (HikariDataSource pool = TenantBench.pool(db.db(), options().poolSize())) {
        long start = System.nanoTime();
        TenantMigrator.create(pool, options(target.name().equals("citus")), TenantLister.of(tenants))
            .migrate(); // throws when a tenant failed
        seconds = (System.nanoTime() - start) / 1e9;
      }
      TenantBench.verify(db.db(), tenants.size());
      if (target.name().equals("citus")) {
        long distributed;
        try (Connection c = db.db().connect()) {
          distributed = BenchDb.queryLong(c, "SELECT count(*) FROM citus_schemas"
              + " WHERE schema_name::text LIKE 'tenant\\_%'");
        }
        if (distributed != tenants.size()) {
          throw new IllegalStateException(distributed + " of " + tenants.size() + " tenant schemas are distributed");
        }
      }
      if (keep) {
        Target.Db previous = atHead.put(target.name(), db);
        if (previous != null) {
          previous.close();
        }
        kept = true;
      }
      return seconds;
    } finally {
      if (!kept) {
        db.close();
      }
    }
  }

  /** 6b: primary-key reads and updates through the data layer, the same operations on both. */
  private void mix(Target citus, Target plain) throws Exception {
    Map<String, Mix> mixes = new HashMap<>();
    for (Target t : List.of(citus, plain)) {
      mixes.put(t.name(), new Mix(atHead.get(t.name()).db()));
    }
    try {
      List<Variant> variants = new ArrayList<>();
      for (Target t : List.of(plain, citus)) {
        Mix mix = mixes.get(t.name());
        variants.add(new Variant(t.name(), mix::block));
      }
      Alternator alternator = new Alternator(config.log());
      Map<String, List<Double>> s = alternator.run("6b mix", variants, config.warmup(3), config.rounds(15));
      String what = "6b tenant read/write mix, " + n + " tenants × " + POSTS_PER_TENANT + " posts: 80 % get by key,"
          + " 20 % update by key, ashpg DataLayer.withTenant on one connection";
      report.add(what, "one PostgreSQL (baseline)", Stats.summary(s.get("single")).format() + " µs/op", "1.00×", "",
          "baseline");
      Stats.Summary r = Stats.paired(s.get("citus"), s.get("single"));
      report.add(what, "Citus: each operation a router plan to the tenant's worker",
          Stats.summary(s.get("citus")).format() + " µs/op", Stats.ratio(r.median()) + " the time ["
              + Stats.num(r.min()) + "–" + Stats.num(r.max()) + "]", "", "info");
    } finally {
      for (Mix m : mixes.values()) {
        m.close();
      }
    }
  }

  /** The data and the data layer of the mix on one database. */
  private final class Mix implements AutoCloseable {
    private final Connection connection;
    private final Map<String, DataLayer> layers = new HashMap<>();
    private final List<String> tenants = TenantBench.tenants(n);
    private final Map<String, List<UUID>> ids = new HashMap<>();
    /** Blocks run so far: the seed of the next, so block i is the same operations on both targets. */
    private int blocks;

    Mix(TestDatabase db) throws SQLException {
      connection = db.connect();
      DataLayer dl = DataLayer.of(Domain.of(List.of(POST)), BenchDb.singleConnection(connection));
      for (String t : tenants) {
        String q = "\"" + t + "\"";
        // one author and the posts, filled by SQL (untimed); on Citus both statements run on the tenant's worker
        BenchDb.exec(connection, "INSERT INTO " + q + ".users (email) VALUES ('author@" + t + ".example')");
        BenchDb.exec(connection, "INSERT INTO " + q + ".posts (title, score, author_id) SELECT 'post ' || g, g, u.id"
            + " FROM generate_series(1, " + POSTS_PER_TENANT + ") g, " + q + ".users u");
        List<UUID> tenantIds = new ArrayList<>();
        try (PreparedStatement ps = connection.prepareStatement("SELECT id FROM " + q + ".posts ORDER BY id");
             ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            tenantIds.add(rs.getObject(1, UUID.class));
          }
        }
        ids.put(t, tenantIds);
        layers.put(t, dl.withTenant(t));
      }
    }

    /** One block of operations, the same sequence for both targets in a round; returns µs per operation. */
    double block() {
      Random random = new Random(blocks++);
      long start = System.nanoTime();
      for (int i = 0; i < OPS_PER_BLOCK; i++) {
        String tenant = tenants.get(random.nextInt(tenants.size()));
        List<UUID> tenantIds = ids.get(tenant);
        UUID id = tenantIds.get(random.nextInt(tenantIds.size()));
        DataLayer dl = layers.get(tenant);
        if (random.nextInt(100) < 80) {
          Row row = dl.get(POST, id).orElseThrow(() -> new IllegalStateException("post " + id + " missing"));
          if (!id.equals(row.get("id"))) {
            throw new IllegalStateException("read " + row + " for " + id);
          }
        } else {
          dl.update(Changeset.update(POST, id).set("score", random.nextInt(1_000_000)));
        }
      }
      return (System.nanoTime() - start) / 1e3 / OPS_PER_BLOCK;
    }

    @Override
    public void close() throws SQLException {
      connection.close();
    }
  }

  /** 6c: moving one tenant schema with {@value #MOVED_ROWS} posts to the other worker, each transfer mode. */
  private void move(CitusCluster cluster) throws Exception {
    TestDatabase db = atHead.get("citus").db();
    String tenant = TenantBench.tenants(1).get(0);
    try (Connection c = db.connect()) {
      BenchDb.exec(c, "INSERT INTO \"" + tenant + "\".posts (title, score, author_id) SELECT"
          + " 'a moved post with a title of some length, number ' || g, g, u.id FROM generate_series(1, "
          + (MOVED_ROWS - POSTS_PER_TENANT) + ") g, \"" + tenant + "\".users u");
      long rows = BenchDb.queryLong(c, "SELECT count(*) FROM \"" + tenant + "\".posts");
      String size = BenchDb.queryString(c, "SELECT schema_size FROM citus_schemas WHERE schema_name = '"
          + tenant + "'::regnamespace");
      config.log().println("   moving " + tenant + ": " + rows + " posts, schema size " + size);
      List<Variant> variants = new ArrayList<>();
      for (String mode : List.of("auto", "block_writes")) {
        variants.add(new Variant(mode, () -> moveToOtherWorker(c, tenant, mode, rows)));
      }
      Map<String, List<Double>> s = new Alternator(config.log()).run("6c move", variants, config.warmup(1),
          config.rounds(5));
      String what = "6c moving one tenant schema (" + rows + " posts, " + size + ") to the other worker,"
          + " citus_schema_move";
      report.add(what, "shard_transfer_mode auto (logical replication: writes continue during the copy)",
          Stats.summary(s.get("auto")).format() + " s", "–", "", "info");
      Stats.Summary r = Stats.paired(s.get("block_writes"), s.get("auto"));
      report.add(what, "shard_transfer_mode block_writes (writes wait until the move ends)",
          Stats.summary(s.get("block_writes")).format() + " s", Stats.ratio(r.median()) + " of auto ["
              + Stats.num(r.min()) + "–" + Stats.num(r.max()) + "]", "", "info");
    }
  }

  /** Moves {@code tenant} to the worker it is not on; returns seconds. Checks the move and that no row was lost. */
  private static double moveToOtherWorker(Connection c, String tenant, String mode, long rows) throws SQLException {
    int from = placement(c, tenant);
    long target = BenchDb.queryLong(c, "SELECT nodeid FROM pg_dist_node WHERE shouldhaveshards AND isactive"
        + " AND noderole = 'primary' AND nodeport <> " + from + " ORDER BY nodeid LIMIT 1");
    long start = System.nanoTime();
    BenchDb.exec(c, String.format(Locale.ROOT, "SELECT citus_schema_move('%s'::regnamespace, %d, '%s')", tenant,
        target, mode));
    double seconds = (System.nanoTime() - start) / 1e9;
    int to = placement(c, tenant);
    long after = BenchDb.queryLong(c, "SELECT count(*) FROM \"" + tenant + "\".posts");
    if (to == from || after != rows) {
      throw new IllegalStateException("move of " + tenant + " (" + mode + "): placement " + from + " → " + to + ", "
          + after + " of " + rows + " posts");
    }
    return seconds;
  }

  /** The port of the worker holding {@code tenant}'s posts. */
  private static int placement(Connection c, String tenant) throws SQLException {
    return (int) BenchDb.queryLong(c, "SELECT nodeport FROM citus_shards WHERE table_name = '\"" + tenant
        + "\".posts'::regclass");
  }
}
