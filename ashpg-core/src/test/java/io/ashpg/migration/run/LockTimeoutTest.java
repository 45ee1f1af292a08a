package io.ashpg.migration.run;

import static io.ashpg.migration.run.Db.files;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ashpg.testing.TestDatabase;
import io.ashpg.testing.WithPostgres;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Migrations run with a {@code lock_timeout} and retry a lock timeout: a second connection holds a lock on the table
 * a migration alters. Attempts are counted with a sequence, which a rollback does not undo.
 */
@WithPostgres
class LockTimeoutTest {

  private static final long V1 = 20240101000001L;
  /** Long enough that a test never fails by waiting for it on a slow machine; polling ends as soon as it can. */
  private static final long PATIENCE_MS = 60_000;

  private final TestDatabase db;
  @TempDir
  Path dir;

  LockTimeoutTest(TestDatabase db) {
    this.db = db;
  }

  @BeforeEach
  void table() {
    Db.exec(db, "DROP TABLE IF EXISTS t, half, nt CASCADE; DROP SEQUENCE IF EXISTS attempts;"
        + " DROP TABLE IF EXISTS schema_migrations; CREATE TABLE t (id int); CREATE SEQUENCE attempts");
  }

  private MigratorOptions.Builder options() {
    return MigratorOptions.builder().location(dir.toString()).quiet(true)
        .statementLockTimeout(Duration.ofMillis(200)).lockRetryDelay(Duration.ofMillis(50));
  }

  /** Backend pid of the last {@link #holdReadLock()} connection. */
  private long readerPid;

  /** A connection holding ACCESS SHARE on t (a long-running reader) until closed. */
  private Connection holdReadLock() throws SQLException {
    Connection c = db.connect();
    try (Statement s = c.createStatement(); var rs = s.executeQuery("SELECT pg_backend_pid()")) {
      rs.next();
      readerPid = rs.getLong(1);
    }
    c.setAutoCommit(false);
    try (Statement s = c.createStatement()) {
      s.execute("SELECT count(*) FROM t");
    }
    return c;
  }

  private long attempts() {
    // is_called is false until the first nextval
    return Db.count(db, "SELECT CASE WHEN is_called THEN last_value ELSE 0 END FROM attempts");
  }

  private static void await(String what, BooleanSupplier condition) throws InterruptedException {
    long end = System.currentTimeMillis() + PATIENCE_MS;
    while (!condition.getAsBoolean()) {
      if (System.currentTimeMillis() > end) {
        throw new AssertionError("gave up waiting until " + what);
      }
      Thread.sleep(20);
    }
  }

  @Test
  void aLockTimeoutIsRetriedUntilTheLockIsReleased() throws Exception {
    files(dir, "20240101000001_add.sql", "-- ashpg:up\nCREATE TABLE half (id int);\n\nSELECT nextval('attempts');\n\n"
        + "ALTER TABLE t ADD COLUMN c int;\n-- ashpg:down\nALTER TABLE t DROP COLUMN c;\n\nDROP TABLE half;\n");
    Migrator m = Migrator.create(db.dataSource(), options().lockRetries(1000).build());
    Connection reader = holdReadLock();
    CompletableFuture<MigrationResult> run = CompletableFuture.supplyAsync(m::migrate);
    try {
      await("the migration timed out and started again", () -> attempts() >= 2);
      assertThat(run).isNotDone();
      assertThat(Db.versions(db, "public")).isEmpty();
    } finally {
      reader.close();
    }
    MigrationResult r = run.get(PATIENCE_MS, TimeUnit.MILLISECONDS);
    assertThat(r.versions()).containsExactly(V1);
    assertThat(Db.count(db, "SELECT count(*) FROM information_schema.columns WHERE table_name = 't'"
        + " AND column_name = 'c'")).isEqualTo(1);
    assertThat(Db.tableExists(db, "public", "half")).isTrue();
    // the session setting does not outlive the run on the pooled connection
    try (Connection c = db.connect(); Statement s = c.createStatement();
         var rs = s.executeQuery("SHOW lock_timeout")) {
      rs.next();
      assertThat(rs.getString(1)).isEqualTo("0");
    }
  }

  @Test
  void afterTheRetriesItFailsNamingFileAndLockHolderAndAppliesNothing() throws Exception {
    files(dir, "20240101000001_add.sql", "-- ashpg:up\nCREATE TABLE half (id int);\n\nSELECT nextval('attempts');\n\n"
        + "ALTER TABLE t ADD COLUMN c int;\n-- ashpg:down\nALTER TABLE t DROP COLUMN c;\n\nDROP TABLE half;\n");
    Migrator m = Migrator.create(db.dataSource(), options().lockRetries(2).build());
    try (Connection reader = holdReadLock()) {
      long pid = readerPid;
      assertThatThrownBy(m::migrate).isInstanceOfSatisfying(MigrationException.class, e -> {
        MigrationFailure f = e.result().failures().get(0);
        assertThat(f.file()).endsWith("20240101000001_add.sql");
        assertThat(f.sqlState()).isEqualTo("55P03");
        assertThat(f.statement()).isEqualTo("ALTER TABLE t ADD COLUMN c int");
        assertThat(f.message()).contains("lock timeout", "200 ms", "3 times", "pid " + pid,
            "holds AccessShareLock on t", "SELECT count(*) FROM t", "-- ashpg:lock-timeout",
            "Nothing of this migration was applied");
      });
    }
    assertThat(attempts()).isEqualTo(3);
    assertThat(Db.tableExists(db, "public", "half")).isFalse();
    assertThat(Db.versions(db, "public")).isEmpty();
    // and with the lock gone, the same run succeeds
    assertThat(m.migrate().versions()).containsExactly(V1);
  }

  @Test
  void aFileCanGiveItselfMoreTime() throws Exception {
    files(dir, "20240101000001_add.sql", "-- ashpg:lock-timeout 2min\n-- ashpg:up\nSELECT nextval('attempts');\n\n"
        + "ALTER TABLE t ADD COLUMN c int;\n");
    Migrator m = Migrator.create(db.dataSource(), options().lockRetries(0).build());
    Connection reader = holdReadLock();
    CompletableFuture<MigrationResult> run = CompletableFuture.supplyAsync(m::migrate);
    try {
      await("the migration waits for the lock", () -> Db.count(db, "SELECT count(*) FROM pg_locks l"
          + " WHERE NOT l.granted AND l.relation = 't'::regclass") == 1);
      // well past the options' 200 ms, and without retries: only the file's own timeout keeps it waiting
      Thread.sleep(600);
      assertThat(run).isNotDone();
    } finally {
      reader.close();
    }
    assertThat(run.get(PATIENCE_MS, TimeUnit.MILLISECONDS).versions()).containsExactly(V1);
    assertThat(attempts()).isEqualTo(1);
  }

  @Test
  void aNoTransactionFileGoesOnAtTheStatementThatTimedOut() throws Exception {
    // the CREATE TABLE before the timed-out statement is committed; running it again would fail
    files(dir, "20240101000001_add.sql", "-- ashpg:no-transaction\n-- ashpg:up\nCREATE TABLE nt (id int);\n\n"
        + "ALTER TABLE t ADD COLUMN c int;\n");
    Migrator m = Migrator.create(db.dataSource(), options().lockRetries(1000).build());
    Connection reader = holdReadLock();
    CompletableFuture<MigrationResult> run = CompletableFuture.supplyAsync(m::migrate);
    try {
      await("the no-transaction file committed its first statement", () -> Db.tableExists(db, "public", "nt"));
      await("the ALTER waits for the lock", () -> Db.count(db, "SELECT count(*) FROM pg_locks l"
          + " WHERE NOT l.granted AND l.relation = 't'::regclass") == 1);
    } finally {
      reader.close();
    }
    assertThat(run.get(PATIENCE_MS, TimeUnit.MILLISECONDS).versions()).containsExactly(V1);
  }
}
