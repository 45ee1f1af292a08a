package io.ashpg.migration;

import static org.assertj.core.api.Assertions.assertThat;

import io.ashpg.migration.ddl.MigrationFile;
import io.ashpg.migration.ddl.RenderContext;
import io.ashpg.migration.introspect.CatalogOracle;
import io.ashpg.migration.run.Migrator;
import io.ashpg.migration.run.MigratorOptions;
import io.ashpg.testing.TestDatabase;
import io.ashpg.testing.WithPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The safe forms while the application writes: a thread inserts rows and updates random existing ones (rows the
 * backfill has not reached yet included) for the whole migration, and a reader holds the table in long transactions.
 * Every write must succeed and the end state must be the declared one. No timing is asserted (see benchmark 7 for
 * the stalls).
 */
@WithPostgres
class SafeModeUnderWritesTest {

  private final TestDatabase db;
  @TempDir
  Path dir;

  SafeModeUnderWritesTest(TestDatabase db) {
    this.db = db;
  }

  @ParameterizedTest
  @ValueSource(strings = {"add_volatile_default_column", "set_not_null", "add_check"})
  void everyWriteSucceedsAndTheEndStateIsTheDeclaredOne(String name) throws Exception {
    SafeModeCases.Case c = SafeModeCases.all().stream().filter(k -> k.name().equals(name)).findFirst().orElseThrow();
    String table = c.base().get(0).table();
    try (Connection conn = db.connect()) {
      GoldenRoundTripTest.reset(conn);
      GoldenRoundTripTest.apply(conn, GoldenRoundTripTest.create(c.base(), RenderContext.GLOBAL), true);
      GoldenRoundTripTest.exec(conn, c.seed());
      // more rows than one backfill transaction covers, so the writer meets rows before and after the sweep
      GoldenRoundTripTest.exec(conn, "INSERT INTO \"" + table + "\" SELECT * FROM \"" + table + "\" LIMIT 0");
      for (int i = 0; i < 5; i++) {
        GoldenRoundTripTest.exec(conn, copyRows(c, table));
      }
      for (MigrationFile f : c.files()) {
        Files.writeString(dir.resolve(f.fileName()), f.text());
      }
      AtomicBoolean stop = new AtomicBoolean();
      AtomicLong writes = new AtomicLong();
      AtomicReference<Throwable> failure = new AtomicReference<>();
      Thread writer = new Thread(() -> write(c, table, stop, writes, failure));
      Thread reader = new Thread(() -> read(table, stop, failure));
      writer.start();
      reader.start();
      try {
        while (writes.get() < 20 && failure.get() == null) {
          Thread.sleep(10);
        }
        Migrator.create(db.dataSource(), MigratorOptions.builder().location(dir.toString()).quiet(true)
            .statementLockTimeout(Duration.ofMillis(100)).lockRetries(100).lockRetryDelay(Duration.ofMillis(10))
            .build()).migrate();
        long after = writes.get();
        while (writes.get() < after + 20 && failure.get() == null) {
          Thread.sleep(10);
        }
      } finally {
        stop.set(true);
        writer.join();
        reader.join();
      }
      assertThat(failure.get()).as("a write or read failed").isNull();
      CatalogOracle.on(conn).ignoringTable("public", "schema_migrations").assertMatches("after up", c.target());
      for (String zero : c.zero()) {
        try (Statement s = conn.createStatement(); ResultSet rs = s.executeQuery(zero)) {
          rs.next();
          assertThat(rs.getLong(1)).as(zero).isZero();
        }
      }
    }
  }

  /** Doubles the rows of the case's table, with new ids. */
  private static String copyRows(SafeModeCases.Case c, String table) {
    List<String> others = c.base().get(0).attributes().stream().map(a -> a.source()).filter(s -> !s.equals("id"))
        .map(s -> "\"" + s + "\"").toList();
    String cols = String.join(", ", others);
    return "INSERT INTO \"" + table + "\" (\"id\", " + cols + ") SELECT gen_random_uuid(), " + cols + " FROM \""
        + table + "\"";
  }

  /** Inserts a row and updates a random existing one (touching no column the migration adds), until stopped. */
  private void write(SafeModeCases.Case c, String table, AtomicBoolean stop, AtomicLong writes,
      AtomicReference<Throwable> failure) {
    String column = c.base().get(0).attributes().get(1).source();
    String value = c.base().get(0).attributes().get(1).type().equals("integer") ? "1" : "'w'";
    try (Connection conn = db.connect();
         PreparedStatement insert = conn.prepareStatement("INSERT INTO \"" + table + "\" (\"id\", \"" + column
             + "\") VALUES (gen_random_uuid(), " + value + ")");
         PreparedStatement update = conn.prepareStatement("UPDATE \"" + table + "\" SET \"" + column + "\" = "
             + value + " WHERE ctid = (SELECT ctid FROM \"" + table + "\" OFFSET ? LIMIT 1)")) {
      while (!stop.get()) {
        insert.executeUpdate();
        update.setInt(1, ThreadLocalRandom.current().nextInt(1000));
        update.executeUpdate();
        writes.incrementAndGet();
      }
    } catch (Throwable e) {
      failure.compareAndSet(null, e);
    }
  }

  /** Long transactions reading the table, a short pause between them. */
  private void read(String table, AtomicBoolean stop, AtomicReference<Throwable> failure) {
    try (Connection conn = db.connect()) {
      conn.setAutoCommit(false);
      while (!stop.get()) {
        try (Statement s = conn.createStatement()) {
          s.executeQuery("SELECT count(*) FROM \"" + table + "\"").close();
          s.execute("SELECT pg_sleep(0.2)");
        }
        conn.commit();
        Thread.sleep(50);
      }
    } catch (Throwable e) {
      failure.compareAndSet(null, e);
    }
  }
}
