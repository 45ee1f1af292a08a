package io.ashpg.bench;

import io.ashpg.bench.Alternator.Variant;
import io.ashpg.data.Aggregate;
import io.ashpg.data.DataLayer;
import io.ashpg.data.Query;
import io.ashpg.data.Row;
import io.ashpg.resource.Domain;
import io.ashpg.resource.Resource;
import io.ashpg.resource.Type;
import io.ashpg.testing.TestDatabase;
import io.ashpg.testing.TestPostgres;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Benchmark 3: 1,000 posts, each with 10 comments, loaded with their comments and a comment count. ashpg (one query
 * with the count as a grouped join, plus one flat select per relationship level) against one hand-written JDBC join
 * whose rows are grouped in Java; also the number of statements ashpg issues.
 */
final class LoadBench {
  static final Resource POST = Resource.define("post", r -> r
      .postgres(pg -> pg.repo(BenchRepo.class).table("posts"))
      .uuidPrimaryKey("id")
      .attribute("title", Type.STRING, a -> a.allowNil(false))
      .hasMany("comments", "comment", rel -> rel.destinationAttribute("post_id")));

  static final Resource COMMENT = Resource.define("comment", r -> r
      // the foreign key is indexed, as an application loading comments by post would have it
      .postgres(pg -> pg.repo(BenchRepo.class).table("comments").reference("post", ref -> ref.index(true)))
      .uuidPrimaryKey("id")
      .attribute("body", Type.STRING, a -> a.allowNil(false))
      .belongsTo("post", "post", b -> b.allowNil(false)));

  static final String JOIN_SQL = "SELECT p.id, p.title, c.id, c.body FROM public.posts p"
      + " LEFT JOIN public.comments c ON c.post_id = p.id ORDER BY p.id";

  private final BenchConfig config;
  private final Report report;
  static volatile int sink;

  LoadBench(BenchConfig config, Report report) {
    this.config = config;
    this.report = report;
  }

  record Comment(UUID id, String body) {}

  record LoadedPost(UUID id, String title, List<Comment> comments) {}

  void run() throws Exception {
    int posts = 1000;
    config.log().println("== 3. loads: " + posts + " posts × 10 comments, with comments and a count aggregate");
    try (TestDatabase db = TestPostgres.createDatabase("bench_loads")) {
      BenchDb.migrate(db, Domain.of(List.of(POST, COMMENT)));
      try (Connection c = db.connect()) {
        BenchDb.exec(c, "INSERT INTO public.posts (id, title) SELECT gen_random_uuid(), 'post ' || g"
            + " FROM generate_series(1, " + posts + ") g");
        BenchDb.exec(c, "INSERT INTO public.comments (id, body, post_id) SELECT gen_random_uuid(),"
            + " 'comment ' || g || ' on ' || p.title, p.id FROM public.posts p, generate_series(1, 10) g");
        BenchDb.exec(c, "VACUUM ANALYZE public.posts");
        BenchDb.exec(c, "VACUUM ANALYZE public.comments");
      }
      try (Connection connection = db.connect()) {
        AtomicInteger statements = new AtomicInteger();
        DataLayer dl = DataLayer.of(Domain.of(List.of(POST, COMMENT)),
            BenchDb.singleConnection(connection, statements));
        Query query = Query.of(POST).load("comments").aggregate("comment_count", Aggregate.count("comments"));

        statements.set(0);
        List<Row> once = dl.read(query);
        int issued = statements.get();
        checkSame(once, jdbc(connection));

        List<Variant> variants = List.of(
            new Variant("jdbc", () -> time(() -> jdbc(connection).size())),
            new Variant("ashpg", () -> time(() -> count(dl.read(query)))));
        Alternator alternator = new Alternator(config.log(), CpuMeter.of(connection));
        Map<String, List<Double>> s = alternator.run("3 loads", variants, config.warmup(5), config.rounds(20));
        String what = "3 loads: " + posts + " posts × 10 comments + count aggregate";
        Stats.Summary base = Stats.summary(s.get("jdbc"));
        report.add(what, "jdbc: one LEFT JOIN, grouped in Java (baseline)", base.format() + " ms", "1.00×", "",
            "baseline");
        Stats.Summary ashpg = Stats.summary(s.get("ashpg"));
        Stats.Summary r = Stats.paired(s.get("ashpg"), s.get("jdbc"));
        report.add(what, "ashpg read with load(\"comments\") + count aggregate", ashpg.format() + " ms",
            Stats.ratio(r.median()) + " [" + Stats.num(r.min()) + "–" + Stats.num(r.max()) + "]", "≤ 1.30×",
            Report.verdict(r.median() <= 1.30));
        Report.cpu(report, what, alternator, "ashpg", "jdbc", 1);
        report.add(what, "statements ashpg issued for the whole read", "", String.valueOf(issued), "≤ 3",
            Report.verdict(issued <= 3));
      }
    }
  }

  private static int count(List<Row> rows) {
    int n = 0;
    for (Row row : rows) {
      n += row.many("comments").size() + row.getLong("comment_count").intValue();
    }
    return n;
  }

  /** The hand-written baseline: one join, rows grouped by post. */
  static List<LoadedPost> jdbc(Connection c) throws Exception {
    Map<UUID, LoadedPost> byId = new LinkedHashMap<>();
    try (PreparedStatement ps = c.prepareStatement(JOIN_SQL); ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        UUID id = rs.getObject(1, UUID.class);
        LoadedPost post = byId.get(id);
        if (post == null) {
          post = new LoadedPost(id, rs.getString(2), new ArrayList<>());
          byId.put(id, post);
        }
        UUID commentId = rs.getObject(3, UUID.class);
        if (commentId != null) {
          post.comments().add(new Comment(commentId, rs.getString(4)));
        }
      }
    }
    return new ArrayList<>(byId.values());
  }

  /** Both sides must have read the same thing, or the comparison means nothing. */
  private static void checkSame(List<Row> ashpg, List<LoadedPost> jdbc) {
    long ashpgComments = ashpg.stream().mapToLong(r -> r.many("comments").size()).sum();
    long ashpgCounts = ashpg.stream().mapToLong(r -> r.getLong("comment_count")).sum();
    long jdbcComments = jdbc.stream().mapToLong(p -> p.comments().size()).sum();
    if (ashpg.size() != jdbc.size() || ashpgComments != jdbcComments || ashpgCounts != jdbcComments) {
      throw new IllegalStateException("ashpg and JDBC disagree: " + ashpg.size() + " posts/" + ashpgComments
          + " comments/" + ashpgCounts + " counted vs " + jdbc.size() + " posts/" + jdbcComments + " comments");
    }
  }

  /** Milliseconds of one call. */
  private static double time(ReadBench.Op op) throws Exception {
    long start = System.nanoTime();
    sink += op.run();
    return (System.nanoTime() - start) / 1e6;
  }
}
