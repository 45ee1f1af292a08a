package io.ashpg.bench;

import io.ashpg.bench.Alternator.Variant;
import io.ashpg.bench.ReadFixture.Post;
import io.ashpg.data.BulkOptions;
import io.ashpg.data.BulkResult;
import io.ashpg.data.DataLayer;
import io.ashpg.resource.Domain;
import io.ashpg.resource.Resource;
import io.ashpg.resource.Type;
import io.ashpg.testing.TestDatabase;
import io.ashpg.testing.TestPostgres;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.UUID;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * Benchmark 2: bulk create of 10,000 rows (perf-anchors C). Untimed before each run: {@code TRUNCATE}. Timed:
 * binding or serialising the rows, executing, reading what RETURNING gives back, and the commit.
 */
final class BulkBench {
  static final Resource ROW = Resource.define("bulk_post", r -> r
      .postgres(pg -> pg.repo(BenchRepo.class).table("bulk_posts"))
      .uuidPrimaryKey("id")
      .attribute("title", Type.STRING, a -> a.allowNil(false))
      .attribute("score", Type.INTEGER, a -> a.allowNil(false))
      .attribute("inserted_at", Type.UTC_DATETIME_USEC, a -> a.allowNil(false))
      .attribute("author_id", Type.UUID, a -> a.allowNil(false)));

  private static final String COLUMNS = "id, title, score, inserted_at, author_id";
  private static final String INSERT = "INSERT INTO public.bulk_posts (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?)";
  private static final String[] RETURN_ID = {"id"};
  private static final String[] RETURN_ALL = {"id", "title", "score", "inserted_at", "author_id"};

  private final BenchConfig config;
  private final Report report;

  BulkBench(BenchConfig config, Report report) {
    this.config = config;
    this.report = report;
  }

  void run() throws Exception {
    int n = 10_000;
    config.log().println("== 2. bulk create of " + n + " rows");
    Random random = new Random(42);
    List<UUID> authors = new ArrayList<>();
    for (int i = 0; i < 1000; i++) {
      authors.add(new UUID(random.nextLong(), random.nextLong()));
    }
    LocalDateTime base = LocalDateTime.of(2026, 1, 1, 0, 0);
    List<Post> posts = new ArrayList<>(n);
    List<Map<String, Object>> maps = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      Post p = new Post(UUID.randomUUID(), "a reasonably long post title, number " + String.format("%06d", i),
          random.nextInt(1_000_000), base.plusSeconds(i), authors.get(i % 1000));
      posts.add(p);
      Map<String, Object> m = new HashMap<>();
      m.put("id", p.id());
      m.put("title", p.title());
      m.put("score", p.score());
      m.put("inserted_at", p.insertedAt());
      m.put("author_id", p.authorId());
      maps.add(m);
    }
    try (TestDatabase db = TestPostgres.createDatabase("bench_bulk")) {
      BenchDb.migrate(db, Domain.of(List.of(ROW)));
      BenchDb.exec(db, "CREATE INDEX bulk_posts_score_index ON public.bulk_posts (score)");
      Properties rewrite = new Properties();
      rewrite.setProperty("user", db.user());
      rewrite.setProperty("password", db.password());
      rewrite.setProperty("reWriteBatchedInserts", "true");
      try (Connection plain = db.connect(); Connection rewriting = DriverManager.getConnection(db.jdbcUrl(), rewrite);
           Connection admin = db.connect()) {
        plain.setAutoCommit(false);
        rewriting.setAutoCommit(false);
        DataLayer dl = DataLayer.of(Domain.of(List.of(ROW)), BenchDb.singleConnection(plain));
        Runnable truncate = () -> {
          try {
            BenchDb.exec(admin, "TRUNCATE public.bulk_posts");
          } catch (SQLException e) {
            throw new IllegalStateException(e);
          }
        };
        List<Variant> variants = List.of(
            new Variant("batch_returning", () -> timed(truncate, admin, n, () -> batchReturning(plain, posts, RETURN_ID))),
            new Variant("batch_returning_all", () -> timed(truncate, admin, n,
                () -> batchReturning(plain, posts, RETURN_ALL))),
            new Variant("batch_rewrite", () -> timed(truncate, admin, n, () -> batchRewrite(rewriting, posts))),
            new Variant("copy", () -> timed(truncate, admin, n, () -> copy(plain, posts))),
            new Variant("ashpg", () -> timed(truncate, admin, n, () -> ashpg(dl, maps, BulkOptions.defaults(), n))),
            new Variant("ashpg_noreturn", () -> timed(truncate, admin, n,
                () -> ashpg(dl, maps, BulkOptions.defaults().noReturn(), 0))));
        Alternator alternator = new Alternator(config.log(), CpuMeter.of(plain));
        Map<String, List<Double>> s = alternator.run("2 bulk", variants, config.warmup(5), config.rounds(20));
        String what = "2 bulk create, 10,000 rows (5 columns, uuid pk + 1 index)";
        List<Double> copy = s.get("copy");
        List<Double> batch = s.get("batch_returning");
        List<Double> ashpg = s.get("ashpg");
        report.add(what, "COPY FROM STDIN, no RETURNING (floor, baseline)", Stats.summary(copy).format() + " ms",
            "1.00×", "", "baseline");
        Stats.Summary vsCopy = Stats.paired(ashpg, copy);
        report.add(what, "ashpg bulkCreate (unnest, 10,000 rows per statement, RETURNING all columns)", Stats.summary(ashpg).format() + " ms",
            ratio(vsCopy) + " of COPY", "≤ 1.40× COPY", Report.verdict(vsCopy.median() <= 1.40));
        Report.cpu(report, what, alternator, "ashpg", "copy", 1);
        Stats.Summary speedup = Stats.paired(batch, ashpg);
        report.add(what, "ashpg bulkCreate: speed-up over JDBC executeBatch + RETURNING id", "",
            ratio(speedup) + " faster", "≥ 1.90× faster", Report.verdict(speedup.median() >= 1.90));
        Report.cpu(report, what, alternator, "batch_returning", "ashpg", 1);
        report.add(what, "JDBC executeBatch + RETURNING id (generated keys; perf-anchors C)",
            Stats.summary(batch).format() + " ms", ratio(Stats.paired(batch, copy)) + " of COPY", "", "info");
        report.add(what, "JDBC executeBatch + RETURNING all 5 columns (what ashpg returns)",
            Stats.summary(s.get("batch_returning_all")).format() + " ms",
            ratio(Stats.paired(s.get("batch_returning_all"), copy)) + " of COPY", "", "info");
        report.add(what, "JDBC executeBatch, reWriteBatchedInserts=true (no RETURNING)",
            Stats.summary(s.get("batch_rewrite")).format() + " ms",
            ratio(Stats.paired(s.get("batch_rewrite"), copy)) + " of COPY", "", "info");
        report.add(what, "ashpg bulkCreate noReturn() (→ COPY)", Stats.summary(s.get("ashpg_noreturn")).format()
            + " ms", ratio(Stats.paired(s.get("ashpg_noreturn"), copy)) + " of COPY", "", "info");
      }
    }
  }

  private static String ratio(Stats.Summary r) {
    return Stats.ratio(r.median()) + " [" + Stats.num(r.min()) + "–" + Stats.num(r.max()) + "]";
  }

  @FunctionalInterface
  interface Work {
    int run() throws Exception;
  }

  /** Truncates (untimed), times {@code work}, then checks the row count (untimed); returns ms. */
  private static double timed(Runnable truncate, Connection admin, int expected, Work work) throws Exception {
    truncate.run();
    long start = System.nanoTime();
    int returned = work.run();
    double ms = (System.nanoTime() - start) / 1e6;
    long count = BenchDb.queryLong(admin, "SELECT count(*) FROM public.bulk_posts");
    if (count != expected || (returned != 0 && returned != expected)) {
      throw new IllegalStateException("bulk run stored " + count + " rows and returned " + returned);
    }
    return ms;
  }

  /** executeBatch with RETURNING of {@code returned} (pgjdbc appends it for generated keys); reads what comes back. */
  private static int batchReturning(Connection c, List<Post> posts, String[] returned) throws SQLException {
    List<Object> back = new ArrayList<>(posts.size());
    try (PreparedStatement ps = c.prepareStatement(INSERT, returned)) {
      for (Post p : posts) {
        bind(ps, p);
        ps.addBatch();
      }
      ps.executeBatch();
      try (ResultSet rs = ps.getGeneratedKeys()) {
        while (rs.next()) {
          back.add(returned.length == 1 ? rs.getObject(1, UUID.class) : new Post(rs.getObject(1, UUID.class),
              rs.getString(2), rs.getLong(3), rs.getObject(4, LocalDateTime.class), rs.getObject(5, UUID.class)));
        }
      }
    }
    c.commit();
    return back.size();
  }

  private static int batchRewrite(Connection c, List<Post> posts) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(INSERT)) {
      for (Post p : posts) {
        bind(ps, p);
        ps.addBatch();
      }
      ps.executeBatch();
    }
    c.commit();
    return 0;
  }

  private static void bind(PreparedStatement ps, Post p) throws SQLException {
    ps.setObject(1, p.id());
    ps.setString(2, p.title());
    ps.setLong(3, p.score());
    ps.setObject(4, p.insertedAt());
    ps.setObject(5, p.authorId());
  }

  /** COPY in text format, written in 60 KB chunks (the titles need no escaping). */
  private static int copy(Connection c, List<Post> posts) throws SQLException {
    CopyIn in = c.unwrap(PGConnection.class).getCopyAPI().copyIn("COPY public.bulk_posts (" + COLUMNS
        + ") FROM STDIN");
    try {
      StringBuilder sb = new StringBuilder(64 * 1024);
      for (Post p : posts) {
        sb.append(p.id()).append('\t').append(p.title()).append('\t').append(p.score()).append('\t')
            .append(p.insertedAt()).append('\t').append(p.authorId()).append('\n');
        if (sb.length() >= 60 * 1024) {
          byte[] b = sb.toString().getBytes(StandardCharsets.UTF_8);
          in.writeToCopy(b, 0, b.length);
          sb.setLength(0);
        }
      }
      if (sb.length() > 0) {
        byte[] b = sb.toString().getBytes(StandardCharsets.UTF_8);
        in.writeToCopy(b, 0, b.length);
      }
      in.endCopy();
    } finally {
      if (in.isActive()) {
        in.cancelCopy();
      }
    }
    c.commit();
    return 0;
  }

  private static int ashpg(DataLayer dl, List<Map<String, Object>> rows, BulkOptions options, int expectReturned) {
    BulkResult r = dl.bulkCreate(ROW, rows, options);
    if (r.rows().size() != expectReturned) {
      throw new IllegalStateException("ashpg returned " + r.rows().size() + " rows");
    }
    return (int) r.count();
  }
}
