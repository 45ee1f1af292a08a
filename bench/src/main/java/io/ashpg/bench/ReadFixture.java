package io.ashpg.bench;

import static io.ashpg.sql.Exprs.attr;

import io.ashpg.data.DataLayer;
import io.ashpg.data.Query;
import io.ashpg.data.Row;
import io.ashpg.data.Sort;
import io.ashpg.resource.Domain;
import io.ashpg.resource.Resource;
import io.ashpg.resource.Type;
import io.ashpg.testing.TestDatabase;
import io.ashpg.testing.TestPostgres;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record5;
import org.jooq.RecordMapper;
import org.jooq.SQLDialect;
import org.jooq.Table;
import org.jooq.conf.Settings;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;

/**
 * The read benchmark's data and the three ways to run each query (perf-anchors B): a 100,000-row {@code posts}
 * table (uuid key, ~45-char titles, scores uniform in 0–1,000,000 with an index, 1,000 authors), and one connection
 * shared by hand-written JDBC, jOOQ 3.19 (plain names, no code generation) and the ashpg data layer.
 */
public final class ReadFixture implements AutoCloseable {

  /** One post, as every variant returns it. */
  public record Post(UUID id, String title, long score, LocalDateTime insertedAt, UUID authorId) {}

  static final Resource POST = Resource.define("post", r -> r
      .postgres(pg -> pg.repo(BenchRepo.class).table("posts"))
      .uuidPrimaryKey("id")
      .attribute("title", Type.STRING, a -> a.allowNil(false))
      .attribute("score", Type.INTEGER, a -> a.allowNil(false))
      .attribute("inserted_at", Type.UTC_DATETIME_USEC, a -> a.allowNil(false))
      .attribute("author_id", Type.UUID, a -> a.allowNil(false)));

  static final String TOP_SQL = "SELECT id, title, score, inserted_at, author_id FROM public.posts WHERE score > ?"
      + " ORDER BY score DESC LIMIT 100";
  static final String PK_SQL = "SELECT id, title, score, inserted_at, author_id FROM public.posts WHERE id = ?";
  static final long[] THRESHOLDS = {100_000, 200_000, 300_000, 400_000, 500_000, 600_000, 700_000, 800_000};

  private static final Table<?> POSTS = DSL.table(DSL.name("public", "posts"));
  private static final Field<UUID> ID = DSL.field(DSL.name("id"), SQLDataType.UUID);
  private static final Field<String> TITLE = DSL.field(DSL.name("title"), SQLDataType.CLOB);
  private static final Field<Long> SCORE = DSL.field(DSL.name("score"), SQLDataType.BIGINT);
  private static final Field<LocalDateTime> INSERTED_AT = DSL.field(DSL.name("inserted_at"),
      SQLDataType.LOCALDATETIME);
  private static final Field<UUID> AUTHOR_ID = DSL.field(DSL.name("author_id"), SQLDataType.UUID);
  private static final RecordMapper<Record5<UUID, String, Long, LocalDateTime, UUID>, Post> JOOQ_MAPPER =
      r -> new Post(r.value1(), r.value2(), r.value3(), r.value4(), r.value5());

  final TestDatabase db;
  final Connection connection;
  final DSLContext jooq;
  final DataLayer ashpg;
  final List<UUID> ids;
  final int rows;
  /** The SQL texts ashpg renders for the two queries (one bind each: the threshold / the id; the limit is a literal). */
  final String ashpgTopSql;
  final String ashpgPkSql;

  private ReadFixture(TestDatabase db, Connection connection, List<UUID> ids, int rows) {
    this.db = db;
    this.connection = connection;
    this.jooq = DSL.using(connection, SQLDialect.POSTGRES, new Settings());
    this.ashpg = DataLayer.of(Domain.of(List.of(POST)), BenchDb.singleConnection(connection));
    this.ids = ids;
    this.rows = rows;
    this.ashpgTopSql = ashpg.toSql(topQuery(1)).text();
    // what get(POST, id) runs: the key filter alone (the key is unique, so no LIMIT)
    this.ashpgPkSql = ashpg.toSql(Query.of(POST).filter(attr("id").eq(ids.get(0)))).text();
  }

  private static Query topQuery(long threshold) {
    return Query.of(POST).filter(attr("score").gt(threshold)).sort(Sort.desc("score")).limit(100);
  }

  /** Creates the database, the table (with ashpg's generator and migrator) and {@code rows} rows. */
  public static ReadFixture create(int rows) throws SQLException {
    TestDatabase db = TestPostgres.createDatabase("bench_read");
    BenchDb.migrate(db, Domain.of(List.of(POST)));
    try (Connection c = db.connect()) {
      BenchDb.exec(c, "INSERT INTO public.posts (id, title, score, inserted_at, author_id)"
          + " SELECT gen_random_uuid(), 'a reasonably long post title, number ' || lpad(g::text, 6, '0'),"
          + " (random() * 1000000)::int, timestamp '2026-01-01' + g * interval '1 second', a.ids[1 + g % 1000]"
          + " FROM generate_series(1, " + rows + ") g,"
          + " (SELECT array_agg(gen_random_uuid()) ids FROM generate_series(1, 1000)) a");
      BenchDb.exec(c, "CREATE INDEX posts_score_index ON public.posts (score)");
      BenchDb.exec(c, "VACUUM ANALYZE public.posts");
    }
    Connection connection = db.connect();
    List<UUID> ids = new ArrayList<>();
    try (PreparedStatement ps = connection.prepareStatement(
        "SELECT id FROM public.posts TABLESAMPLE BERNOULLI (20) REPEATABLE (42) LIMIT 10000");
         ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        ids.add(rs.getObject(1, UUID.class));
      }
    }
    ReadFixture f = new ReadFixture(db, connection, ids, rows);
    f.check();
    return f;
  }

  /** All three variants return the same posts (checked once, before anything is timed). */
  void check() throws SQLException {
    for (long t : THRESHOLDS) {
      // equal scores may come back in any order: compare in a canonical order
      List<Post> expected = canonical(topJdbc(t));
      if (expected.size() != 100 || !expected.equals(canonical(topJooq(t)))
          || !expected.equals(canonical(topAshpg(t))) || !expected.equals(canonical(rowsAsPosts(topAshpgRows(t))))
          || !expected.equals(canonical(topJdbcAshpgSql(t)))) {
        throw new IllegalStateException("top100 variants disagree at threshold " + t + ": jdbc " + expected
            + "\n jooq " + canonical(topJooq(t)) + "\n ashpg " + canonical(topAshpg(t)));
      }
    }
    for (UUID id : ids.subList(0, 50)) {
      Post p = pkJdbc(id);
      if (p == null || !p.equals(pkJooq(id)) || !p.equals(pkAshpg(id)) || !p.equals(pkJdbcAshpgSql(id))) {
        throw new IllegalStateException("pk variants disagree for " + id);
      }
    }
  }

  private static List<Post> canonical(List<Post> posts) {
    return posts.stream().sorted(java.util.Comparator.comparingLong(Post::score).reversed()
        .thenComparing(Post::id)).toList();
  }

  private static List<Post> rowsAsPosts(List<Row> rows) {
    return rows.stream().map(r -> r.as(Post.class)).toList();
  }

  // ---------------------------------------------------------------- (a) filter + sort + limit 100

  List<Post> topJdbc(long threshold) throws SQLException {
    try (PreparedStatement ps = connection.prepareStatement(TOP_SQL)) {
      ps.setLong(1, threshold);
      try (ResultSet rs = ps.executeQuery()) {
        List<Post> out = new ArrayList<>(100);
        while (rs.next()) {
          out.add(new Post(rs.getObject(1, UUID.class), rs.getString(2), rs.getLong(3),
              rs.getObject(4, LocalDateTime.class), rs.getObject(5, UUID.class)));
        }
        return out;
      }
    }
  }

  /** Hand-written JDBC running the very SQL ashpg renders (separates ashpg's Java cost from its SQL's cost). */
  List<Post> topJdbcAshpgSql(long threshold) throws SQLException {
    try (PreparedStatement ps = connection.prepareStatement(ashpgTopSql)) {
      ps.setLong(1, threshold);
      return readPosts(ps);
    }
  }

  private static List<Post> readPosts(PreparedStatement ps) throws SQLException {
    try (ResultSet rs = ps.executeQuery()) {
      List<Post> out = new ArrayList<>(100);
      while (rs.next()) {
        out.add(new Post(rs.getObject(1, UUID.class), rs.getString(2), rs.getLong(3),
            rs.getObject(4, LocalDateTime.class), rs.getObject(5, UUID.class)));
      }
      return out;
    }
  }

  List<Post> topJooq(long threshold) {
    return jooq.select(ID, TITLE, SCORE, INSERTED_AT, AUTHOR_ID).from(POSTS).where(SCORE.gt(threshold))
        .orderBy(SCORE.desc()).limit(100).fetch(JOOQ_MAPPER);
  }

  List<Post> topAshpg(long threshold) {
    return ashpg.read(topQuery(threshold), Post.class);
  }

  List<Row> topAshpgRows(long threshold) {
    return ashpg.read(topQuery(threshold));
  }

  // ---------------------------------------------------------------- (b) primary-key lookup

  Post pkJdbc(UUID id) throws SQLException {
    try (PreparedStatement ps = connection.prepareStatement(PK_SQL)) {
      ps.setObject(1, id);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? new Post(rs.getObject(1, UUID.class), rs.getString(2), rs.getLong(3),
            rs.getObject(4, LocalDateTime.class), rs.getObject(5, UUID.class)) : null;
      }
    }
  }

  /** Hand-written JDBC running the very SQL ashpg renders for {@code get}. */
  Post pkJdbcAshpgSql(UUID id) throws SQLException {
    try (PreparedStatement ps = connection.prepareStatement(ashpgPkSql)) {
      ps.setObject(1, id);
      List<Post> got = readPosts(ps);
      return got.isEmpty() ? null : got.get(0);
    }
  }

  Post pkJooq(UUID id) {
    return jooq.select(ID, TITLE, SCORE, INSERTED_AT, AUTHOR_ID).from(POSTS).where(ID.eq(id)).fetchOne(JOOQ_MAPPER);
  }

  Post pkAshpg(UUID id) {
    return ashpg.get(POST, id).map(r -> r.as(Post.class)).orElse(null);
  }

  @Override
  public void close() throws SQLException {
    try {
      connection.close();
    } finally {
      db.close();
    }
  }
}
