package io.ashpg.migration.run;

import static io.ashpg.migration.run.Db.files;
import static io.ashpg.migration.run.Db.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ashpg.testing.WithPostgres;
import io.ashpg.testing.TestDatabase;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@WithPostgres
class ConcurrentMigratorTest {

  private final TestDatabase db;
  @TempDir
  Path dir;

  ConcurrentMigratorTest(TestDatabase db) {
    this.db = db;
    Db.exec(db, "CREATE TABLE IF NOT EXISTS public.ran (schema text, version bigint)");
  }

  /** Five migrations; each logs that it ran into public.ran, so a double run would show. */
  private void fiveLoggingFiles(String schema) {
    for (int i = 1; i <= 5; i++) {
      long v = 20240101000000L + i;
      files(dir, v + "_m" + i + ".sql", "-- ashpg:up\nCREATE TABLE \"t" + i + "\" (id int);\n"
          + "INSERT INTO public.ran VALUES ('" + schema + "', " + v + ");\nSELECT pg_sleep(0.05);\n");
    }
  }

  private void assertEachRanOnce(String schema, List<MigrationResult> results) {
    assertThat(results).allMatch(MigrationResult::succeeded);
    assertThat(results.stream().mapToLong(r -> r.versions().size()).sum()).isEqualTo(5);
    assertThat(Db.versions(db, schema)).hasSize(5);
    assertThat(Db.count(db, "SELECT count(*) FROM public.ran WHERE schema = '" + schema + "'")).isEqualTo(5);
    assertThat(Db.count(db, "SELECT count(DISTINCT version) FROM public.ran WHERE schema = '" + schema + "'"))
        .isEqualTo(5);
  }

  @ParameterizedTest
  @ValueSource(ints = {2, 8})
  void migratorsOnThreadsApplyEachMigrationOnce(int migrators) throws Exception {
    String schema = "threads_" + migrators;
    fiveLoggingFiles(schema);
    ExecutorService pool = Executors.newFixedThreadPool(migrators);
    try {
      List<Future<MigrationResult>> futures = new ArrayList<>();
      for (int i = 0; i < migrators; i++) {
        futures.add(pool.submit(() -> Migrator.create(db.dataSource(), options(schema, dir).build()).migrate()));
      }
      List<MigrationResult> results = new ArrayList<>();
      for (Future<MigrationResult> f : futures) {
        results.add(f.get(60, TimeUnit.SECONDS));
      }
      assertEachRanOnce(schema, results);
    } finally {
      pool.shutdownNow();
    }
  }

  @ParameterizedTest
  @ValueSource(ints = {2, 4})
  void migratorsInSeparateProcessesApplyEachMigrationOnce(int processes) throws Exception {
    String schema = "procs_" + processes;
    fiveLoggingFiles(schema);
    List<Process> started = new ArrayList<>();
    List<Path> logs = new ArrayList<>();
    for (int i = 0; i < processes; i++) {
      Path log = dir.resolve("process-" + i + ".log");
      logs.add(log);
      started.add(spawn(schema, log));
    }
    List<Long> all = new ArrayList<>();
    for (int i = 0; i < processes; i++) {
      Process p = started.get(i);
      assertThat(p.waitFor(90, TimeUnit.SECONDS)).as("process %d finished", i).isTrue();
      String out = Files.readString(logs.get(i));
      assertThat(p.exitValue()).as("exit of process %d, output:\n%s", i, out).isZero();
      Matcher m = Pattern.compile("versions=\\[([^\\]]*)]").matcher(out);
      assertThat(m.find()).as(out).isTrue();
      for (String v : m.group(1).split(",\\s*")) {
        if (!v.isBlank()) {
          all.add(Long.parseLong(v.trim()));
        }
      }
    }
    assertThat(all).hasSize(5).doesNotHaveDuplicates();
    assertThat(Db.count(db, "SELECT count(*) FROM public.ran WHERE schema = '" + schema + "'")).isEqualTo(5);
  }

  private Process spawn(String schema, Path log) throws IOException {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    return new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), MigratorProcess.class.getName(),
        db.jdbcUrl(), db.user(), db.password(), dir.toString(), schema, "60")
        .redirectErrorStream(true).redirectOutput(log.toFile()).start();
  }

  @Test
  void aKilledMigratorLeavesNothingHalfAppliedAndReleasesTheLock() throws Exception {
    String schema = "killed";
    files(dir, "20240101000001_first.sql", "-- ashpg:up\nCREATE TABLE \"first\" (id int);\n",
        "20240101000002_slow.sql", "-- ashpg:up\nCREATE TABLE \"half\" (id int);\nINSERT INTO \"half\" VALUES (1);\n"
            + "SELECT pg_sleep(30);\nCREATE TABLE \"after\" (id int);\n");
    Process p = spawn(schema, dir.resolve("killed.log"));
    try {
      waitFor(() -> Db.count(db, "SELECT count(*) FROM pg_stat_activity WHERE state = 'active'"
          + " AND query LIKE 'SELECT pg_sleep(30)%'") == 1, Duration.ofSeconds(30), "the slow migration to start");
    } finally {
      p.destroyForcibly();
      p.waitFor(10, TimeUnit.SECONDS);
    }
    long killed = System.nanoTime();
    // the server notices the dead client within about a second (client_connection_check_interval)
    waitFor(() -> Db.count(db, "SELECT count(*) FROM pg_stat_activity WHERE query LIKE 'SELECT pg_sleep(30)%'") == 0,
        Duration.ofSeconds(20), "the dead migrator's session to end");
    System.out.printf("[ashpg] killed migrator's session gone %d ms after kill -9%n",
        (System.nanoTime() - killed) / 1_000_000);
    assertThat(Db.versions(db, schema)).containsExactly(20240101000001L);
    assertThat(Db.tableExists(db, schema, "half")).isFalse();
    assertThat(Db.count(db, "SELECT count(*) FROM pg_locks WHERE locktype = 'advisory'")).isZero();

    files(dir, "20240101000002_slow.sql", "-- ashpg:up\nCREATE TABLE \"half\" (id int);\n"
        + "INSERT INTO \"half\" VALUES (1);\nCREATE TABLE \"after\" (id int);\n");
    MigrationResult rerun = Migrator.create(db.dataSource(), options(schema, dir)
        .lockTimeout(Duration.ofSeconds(5)).build()).migrate();
    assertThat(rerun.versions()).containsExactly(20240101000002L);
    assertThat(Db.count(db, "SELECT count(*) FROM killed.half")).isEqualTo(1);
  }

  @Test
  void aWaitingMigratorDoesNotDeadlockCreateIndexConcurrently() throws Exception {
    String schema = "cic";
    files(dir, "20240101000001_big.sql", "-- ashpg:up\nCREATE TABLE \"big\" AS SELECT g AS id FROM"
            + " generate_series(1, 100000) g;\n",
        "20240101000002_index.sql", "-- ashpg:no-transaction\n-- ashpg:up\nSELECT pg_sleep(1.5);\n"
            + "CREATE INDEX CONCURRENTLY \"big_id_index\" ON \"big\" (id);\n");
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      Future<MigrationResult> first = pool.submit(() -> Migrator.create(db.dataSource(), options(schema, dir).build())
          .migrate());
      waitFor(() -> Db.count(db, "SELECT count(*) FROM pg_stat_activity WHERE query LIKE 'SELECT pg_sleep(1.5)%'"
          + " AND state = 'active'") == 1, Duration.ofSeconds(20), "the first migrator to reach the index file");
      Future<MigrationResult> second = pool.submit(() -> Migrator.create(db.dataSource(), options(schema, dir)
          .build()).migrate());
      MigrationResult a = first.get(60, TimeUnit.SECONDS);
      MigrationResult b = second.get(60, TimeUnit.SECONDS);
      assertThat(a.succeeded()).isTrue();
      assertThat(b.succeeded()).isTrue();
      assertThat(a.versions()).containsExactly(20240101000001L, 20240101000002L);
      assertThat(b.versions()).isEmpty();
      assertThat(Db.count(db, "SELECT count(*) FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid"
          + " WHERE c.relname = 'big_id_index' AND i.indisvalid")).isEqualTo(1);
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void aHeldLockTimesOutWithAClearMessage() throws SQLException {
    files(dir, "20240101000001_a.sql", "-- ashpg:up\nCREATE TABLE \"a\" (id int);\n");
    try (Connection holder = db.connect();
         PreparedStatement ps = holder.prepareStatement("SELECT pg_advisory_lock(?)")) {
      ps.setLong(1, LockKey.of("test_repo", "held"));
      ps.execute();
      assertThatThrownBy(() -> Migrator.create(db.dataSource(), options("held", dir)
          .lockTimeout(Duration.ofMillis(400)).build()).migrate())
          .isInstanceOf(MigrationException.class)
          .hasMessageContaining("another migrator holds the lock for schema \"held\" of repo test_repo")
          .hasMessageContaining("held by backend pid").hasMessageContaining("waited");
    }
    // a different schema has its own lock, and the released lock lets the run through
    assertThat(Migrator.create(db.dataSource(), options("held", dir).build()).migrate().versions()).hasSize(1);
  }

  interface Condition {
    boolean holds() throws Exception;
  }

  static void waitFor(Condition condition, Duration timeout, String what) throws Exception {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!condition.holds()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("timed out waiting for " + what);
      }
      Thread.sleep(50);
    }
  }
}
