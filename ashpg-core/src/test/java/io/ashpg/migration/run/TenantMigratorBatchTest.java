package io.ashpg.migration.run;

import static io.ashpg.migration.run.Db.files;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.zaxxer.hikari.HikariDataSource;
import io.ashpg.testing.TestDatabase;
import io.ashpg.testing.WithPostgres;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Tenant runs put consecutive transactional files into one transaction (see {@link BatchRunner}): what they record,
 * how few statements they send, and that failures, no-transaction files and rollbacks behave as file by file.
 */
@WithPostgres
class TenantMigratorBatchTest {

  private static final long V1 = 20240301000001L;
  private static final long V2 = 20240301000002L;
  private static final long V3 = 20240301000003L;
  private static final long V4 = 20240301000004L;

  private final TestDatabase db;
  @TempDir
  Path dir;

  TenantMigratorBatchTest(TestDatabase db) {
    this.db = db;
  }

  /** Three transactional files: users, posts (references users), tags (and a column of posts referencing it). */
  private void threeFiles() {
    files(dir,
        "20240301000001_users.sql", "-- ashpg:up\nCREATE TABLE \"users\" (\"id\" int PRIMARY KEY, \"email\" text);\n"
            + "CREATE UNIQUE INDEX \"users_email_index\" ON \"users\" (\"email\"); -- a trailing comment\n"
            + "-- ashpg:down\nDROP TABLE \"users\";\n",
        "20240301000002_posts.sql", "-- ashpg:up\nCREATE TABLE \"posts\" (\"id\" int PRIMARY KEY, \"title\" text,"
            + " \"user_id\" int REFERENCES \"users\" (\"id\"));\n-- ashpg:down\nDROP TABLE \"posts\";\n",
        "20240301000003_tags.sql", "-- ashpg:up\nCREATE TABLE \"tags\" (\"id\" int PRIMARY KEY, \"name\" text);\n"
            + "ALTER TABLE \"posts\" ADD COLUMN \"tag_id\" int REFERENCES \"tags\" (\"id\");\n"
            + "-- ashpg:down\nALTER TABLE \"posts\" DROP COLUMN \"tag_id\";\nDROP TABLE \"tags\";\n");
  }

  /** A fourth file: no transaction, a concurrent index on posts. */
  private void concurrentIndexFile(String name) {
    files(dir, name, "-- ashpg:no-transaction\n-- ashpg:up\n"
        + "CREATE INDEX CONCURRENTLY \"posts_title_index\" ON \"posts\" (\"title\");\n"
        + "-- ashpg:down\nDROP INDEX CONCURRENTLY \"posts_title_index\";\n");
  }

  private MigratorOptions.Builder options() {
    return MigratorOptions.builder().repoName("batch_repo").location(dir.toString()).quiet(true).poolSize(1);
  }

  private HikariDataSource pool(int size) {
    return Connections.pool(db.jdbcUrl(), db.user(), db.password(), size);
  }

  private static TenantLister tenants(String... names) {
    return TenantLister.of(List.of(names));
  }

  /** The transaction ids that wrote the version rows, by version. */
  private Map<Long, String> writers(String schema) {
    return rows("SELECT version, xmin::text FROM \"" + schema + "\".schema_migrations ORDER BY version").stream()
        .collect(Collectors.toMap(r -> Long.parseLong(r.get(0)), r -> r.get(1)));
  }

  private List<List<String>> rows(String sql) {
    List<List<String>> out = new ArrayList<>();
    try (Connection c = db.connect(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
      int n = rs.getMetaData().getColumnCount();
      while (rs.next()) {
        List<String> row = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
          row.add(rs.getString(i));
        }
        out.add(row);
      }
      return out;
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  void consecutiveFilesRunInOneTransactionAndRecordWhatFileByFileRecords() throws Exception {
    threeFiles();
    try (HikariDataSource pool = pool(1)) {
      CountingDataSource counting = new CountingDataSource(pool);
      MigrationResult r = TenantMigrator.create(counting, options().build(), tenants("one_a", "one_b")).migrate();

      assertThat(r.succeeded()).isTrue();
      assertThat(r.schemas()).allSatisfy(o -> assertThat(o.versions()).containsExactly(V1, V2, V3));
      // the run's catalog read, then per tenant: lock, create schema + table + read versions, every statement
      // of the three files, the three version rows, unlock (COMMIT is no statement)
      assertThat(counting.executed).as("%s", counting.executed).hasSize(1 + 2 * 5);
      assertThat(counting.executed).filteredOn(sql -> sql.contains("CREATE TABLE \"users\"")
          && sql.contains("CREATE TABLE \"posts\"") && sql.contains("ALTER TABLE \"posts\" ADD COLUMN \"tag_id\""))
          .hasSize(2);
    }
    for (String tenant : List.of("one_a", "one_b")) {
      // one transaction wrote the three version rows and the tables
      assertThat(writers(tenant).values()).hasSize(3).containsOnly(writers(tenant).get(V1));
      assertThat(Db.count(db, "SELECT count(*) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace"
          + " WHERE n.nspname = '" + tenant + "' AND c.relname IN ('users', 'posts', 'tags')"
          + " AND c.xmin::text = '" + writers(tenant).get(V1) + "'")).isEqualTo(3);
      assertThat(Db.tableExists(db, tenant, "tags")).isTrue();
    }

    // the table lock strategy runs file by file: three transactions, and the same bookkeeping
    MigrationResult ref = TenantMigrator.create(db.dataSource(), options().lockStrategy(LockStrategy.TABLE).build(),
        tenants("one_ref")).migrate();
    assertThat(ref.versions()).containsExactly(V1, V2, V3);
    assertThat(writers("one_ref").values()).hasSize(3).doesNotHaveDuplicates();
    String bookkeeping = "SELECT version, checksum, pg_typeof(inserted_at)::text, inserted_at IS NOT NULL,"
        + " inserted_at = date_trunc('second', inserted_at) FROM \"%s\".schema_migrations ORDER BY version";
    List<List<String>> batched = rows(String.format(bookkeeping, "one_a"));
    assertThat(batched).isEqualTo(rows(String.format(bookkeeping, "one_ref")));
    List<MigrationFile> files = MigrationSource.of(List.of(dir.toString())).load();
    assertThat(batched).extracting(row -> row.get(1)).containsExactlyElementsOf(
        files.stream().map(MigrationFile::checksum).collect(Collectors.toList()));
    assertThat(batched).allSatisfy(row -> assertThat(row.subList(2, 5))
        .containsExactly("timestamp without time zone", "t", "t"));
  }

  @Test
  void aFailingMiddleFileLeavesTheFilesBeforeItAppliedAndIsNamed() {
    threeFiles();
    concurrentIndexFile("20240301000004_posts_title.sql");
    Db.exec(db, "CREATE SCHEMA mid_bad; CREATE TABLE mid_bad.posts (x int)");
    MigrationResult r = FailedRun.of(() -> TenantMigrator.create(db.dataSource(), options().build(),
        tenants("mid_ok", "mid_bad")).migrate());

    assertThat(r.schemas()).extracting(SchemaOutcome::schema, SchemaOutcome::versions, SchemaOutcome::failed)
        .containsExactly(tuple("mid_ok", List.of(V1, V2, V3, V4), false),
            tuple("mid_bad", List.of(V1), true));
    assertThat(r.failures()).hasSize(1);
    MigrationFailure f = r.failures().get(0);
    assertThat(f.schema()).isEqualTo("mid_bad");
    assertThat(f.file()).endsWith("20240301000002_posts.sql");
    assertThat(f.version()).isEqualTo(V2);
    assertThat(f.statement()).startsWith("CREATE TABLE \"posts\"");
    assertThat(f.sqlState()).isEqualTo("42P07");
    assertThat(f.message()).contains("already exists").contains("rolled back");
    assertThat(Db.versions(db, "mid_bad")).containsExactly(V1);
    assertThat(Db.tableExists(db, "mid_bad", "users")).isTrue();
    assertThat(Db.tableExists(db, "mid_bad", "tags")).isFalse();
    assertThat(Db.versions(db, "mid_ok")).containsExactly(V1, V2, V3, V4);

    Db.exec(db, "DROP TABLE mid_bad.posts");
    MigrationResult rerun = TenantMigrator.create(db.dataSource(), options().build(), tenants("mid_ok", "mid_bad"))
        .migrate();
    assertThat(rerun.succeeded()).isTrue();
    assertThat(rerun.schemas()).extracting(SchemaOutcome::versions).containsExactly(List.of(), List.of(V2, V3, V4));
  }

  @Test
  void aNoTransactionFileInTheMiddleRunsOnItsOwnBetweenTwoTransactions() throws Exception {
    files(dir,
        "20240301000001_users.sql", "-- ashpg:up\nCREATE TABLE \"users\" (\"id\" int PRIMARY KEY);\n"
            + "-- ashpg:down\nDROP TABLE \"users\";\n",
        "20240301000002_posts.sql", "-- ashpg:up\nCREATE TABLE \"posts\" (\"id\" int PRIMARY KEY, \"title\" text);\n"
            + "-- ashpg:down\nDROP TABLE \"posts\";\n",
        "20240301000004_tags.sql", "-- ashpg:up\nCREATE TABLE \"tags\" (\"id\" int PRIMARY KEY);\n"
            + "-- ashpg:down\nDROP TABLE \"tags\";\n",
        "20240301000005_labels.sql", "-- ashpg:up\nCREATE TABLE \"labels\" (\"id\" int PRIMARY KEY);\n"
            + "-- ashpg:down\nDROP TABLE \"labels\";\n");
    concurrentIndexFile("20240301000003_posts_title.sql");
    long v5 = 20240301000005L;
    try (HikariDataSource pool = pool(1)) {
      TenantMigrator migrator = TenantMigrator.create(pool, options().build(), tenants("notx_a"));
      MigrationResult r = migrator.migrate();

      assertThat(r.succeeded()).isTrue();
      assertThat(r.versions()).containsExactly(V1, V2, V3, V4, v5);
      Map<Long, String> writers = writers("notx_a");
      assertThat(writers.get(V1)).isEqualTo(writers.get(V2));
      assertThat(writers.get(V4)).isEqualTo(writers.get(v5));
      assertThat(List.of(writers.get(V1), writers.get(V3), writers.get(V4))).doesNotHaveDuplicates();
      assertThat(Db.count(db, "SELECT count(*) FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid"
          + " JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'notx_a'"
          + " AND c.relname = 'posts_title_index' AND i.indisvalid")).isEqualTo(1);
      // the no-transaction file set search_path for the session; the pooled connection must not keep it
      try (Connection c = pool.getConnection(); Statement s = c.createStatement();
           ResultSet rs = s.executeQuery("SHOW search_path")) {
        rs.next();
        assertThat(rs.getString(1)).isEqualTo("\"$user\", public");
      }

      MigrationResult back = migrator.rollbackTenants(V1);
      assertThat(back.succeeded()).isTrue();
      assertThat(back.versions()).containsExactly(v5, V4, V3, V2, V1);
      assertThat(Db.versions(db, "notx_a")).isEmpty();
      assertThat(Db.count(db, "SELECT count(*) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace"
          + " WHERE n.nspname = 'notx_a' AND c.relname NOT LIKE 'schema_migrations%'")).isZero();
    }
  }

  @Test
  void rollbackRevertsSeveralFilesTogetherAndAFailingDownSectionIsNamed() {
    threeFiles();
    TenantMigrator migrator = TenantMigrator.create(db.dataSource(), options().build(), tenants("down_ok", "down_bad"));
    assertThat(migrator.migrate().succeeded()).isTrue();
    // a view on posts makes the down section of the posts file fail
    Db.exec(db, "CREATE VIEW down_bad.post_titles AS SELECT title FROM down_bad.posts");

    MigrationResult back = FailedRun.of(() -> migrator.rollbackTenants(V1));

    assertThat(back.schemas()).extracting(SchemaOutcome::versions).containsExactly(List.of(V3, V2, V1), List.of(V3));
    MigrationFailure f = back.failures().get(0);
    assertThat(f.schema()).isEqualTo("down_bad");
    assertThat(f.file()).endsWith("20240301000002_posts.sql");
    assertThat(f.statement()).isEqualTo("DROP TABLE \"posts\"");
    assertThat(f.sqlState()).isEqualTo("2BP01");
    assertThat(f.message()).contains("rollback of this migration was undone");
    assertThat(Db.versions(db, "down_ok")).isEmpty();
    assertThat(Db.tableExists(db, "down_ok", "users")).isFalse();
    assertThat(Db.versions(db, "down_bad")).containsExactly(V1, V2);
    assertThat(Db.tableExists(db, "down_bad", "tags")).isFalse();
    assertThat(Db.tableExists(db, "down_bad", "posts")).isTrue();
  }

  @Test
  void aBatchEndsBeforeTooManyStatementsAndAfterAFileChangingSettings() {
    String big = IntStream.range(0, BatchRunner.MAX_STATEMENTS - 1)
        .mapToObj(i -> "CREATE TABLE \"big_" + i + "\" (id int);\n").collect(Collectors.joining());
    files(dir,
        "20240301000001_big.sql", "-- ashpg:up\n" + big,
        "20240301000002_two.sql", "-- ashpg:up\nCREATE TABLE \"two_a\" (id int);\nCREATE TABLE \"two_b\" (id int);\n",
        "20240301000003_timeout.sql", "-- ashpg:up\n-- keep this migration short\nSET LOCAL lock_timeout = '7s';\n"
            + "CREATE TABLE \"three\" (id int);\n",
        "20240301000004_seen.sql", "-- ashpg:up\nCREATE TABLE \"seen\" AS"
            + " SELECT current_setting('lock_timeout') AS lock_timeout, current_schema() AS schema;\n");

    MigrationResult r = TenantMigrator.create(db.dataSource(), options().build(), tenants("cap_a")).migrate();

    assertThat(r.versions()).containsExactly(V1, V2, V3, V4);
    Map<Long, String> writers = writers("cap_a");
    // V1 alone (one more file would pass the limit), V2 with V3, which ends its batch by setting lock_timeout
    assertThat(writers.get(V2)).isEqualTo(writers.get(V3));
    assertThat(List.of(writers.get(V1), writers.get(V2), writers.get(V4))).doesNotHaveDuplicates();
    // V4 runs with the migrator's own lock_timeout (MigratorOptions.statementLockTimeout), not V3's
    assertThat(rows("SELECT lock_timeout, schema FROM cap_a.seen")).containsExactly(List.of("5s", "cap_a"));
  }

  @Test
  void logSqlLogsEveryStatementOfABatch() {
    threeFiles();
    List<String> logged = new CopyOnWriteArrayList<>();
    Handler handler = new Handler() {
      @Override
      public void publish(LogRecord record) {
        logged.add(record.getMessage());
      }

      @Override
      public void flush() {
      }

      @Override
      public void close() {
      }
    };
    Logger logger = Logger.getLogger("io.ashpg.migration");
    logger.addHandler(handler);
    try {
      MigrationResult r = TenantMigrator.create(db.dataSource(), options().logSql(true).build(), tenants("log_a"))
          .migrate();
      assertThat(r.versions()).containsExactly(V1, V2, V3);
    } finally {
      logger.removeHandler(handler);
    }
    assertThat(logged).filteredOn(m -> m.startsWith("[log_a] ")).hasSize(5)
        .anySatisfy(m -> assertThat(m).startsWith("[log_a] CREATE UNIQUE INDEX \"users_email_index\""))
        .anySatisfy(m -> assertThat(m).startsWith("[log_a] ALTER TABLE \"posts\" ADD COLUMN"));
  }

  @Test
  void aTextChecksumColumnOfEarlierVersionsKeepsWorking() {
    threeFiles();
    List<MigrationFile> files = MigrationSource.of(List.of(dir.toString())).load();
    Db.exec(db, "CREATE SCHEMA old_t; CREATE TABLE old_t.schema_migrations (version bigint, inserted_at timestamp(0),"
        + " checksum text, PRIMARY KEY (version)); INSERT INTO old_t.schema_migrations VALUES (" + V1 + ", now(), '"
        + files.get(0).checksum() + "'); CREATE TABLE old_t.users (id int PRIMARY KEY, email text)");

    MigrationResult r = TenantMigrator.create(db.dataSource(), options().build(), tenants("old_t")).migrate();

    assertThat(r.versions()).containsExactly(V2, V3);
    assertThat(rows("SELECT checksum FROM old_t.schema_migrations ORDER BY version")).extracting(row -> row.get(0))
        .containsExactlyElementsOf(files.stream().map(MigrationFile::checksum).collect(Collectors.toList()));
  }

  @Test
  void aStaleCatalogReadOrAnEctoTableIsHandledUnderTheLock() {
    threeFiles();
    // a tenant made by Ecto: schema_migrations without checksum, the first migration applied
    Db.exec(db, "CREATE SCHEMA ecto_t; CREATE TABLE ecto_t.schema_migrations (version bigint PRIMARY KEY,"
        + " inserted_at timestamp(0)); INSERT INTO ecto_t.schema_migrations VALUES (" + V1 + ", now());"
        + " CREATE TABLE ecto_t.users (id int PRIMARY KEY, email text)");
    // a tenant at V1 whose schema disappears after the run's catalog read, before its worker starts
    TenantMigrator.create(db.dataSource(), options().to(V1).build(), tenants("stale_t")).migrate();
    ProgressListener dropper = new ProgressListener() {
      @Override
      public void started(int total, int pending) {
        Db.exec(db, "DROP SCHEMA stale_t CASCADE");
      }
    };

    MigrationResult r = TenantMigrator.create(db.dataSource(), options().build(), tenants("ecto_t", "stale_t"))
        .withProgressListener(dropper).migrate();

    assertThat(r.succeeded()).as("%s", r.failures()).isTrue();
    assertThat(r.schemas()).extracting(SchemaOutcome::versions).containsExactly(List.of(V2, V3), List.of(V1, V2, V3));
    assertThat(Db.count(db, "SELECT count(*) FROM ecto_t.schema_migrations WHERE checksum IS NULL")).isEqualTo(1);
    assertThat(Db.count(db, "SELECT count(*) FROM ecto_t.schema_migrations WHERE checksum IS NOT NULL")).isEqualTo(2);
    assertThat(Db.versions(db, "stale_t")).containsExactly(V1, V2, V3);
    assertThat(Db.tableExists(db, "stale_t", "tags")).isTrue();
  }
}
