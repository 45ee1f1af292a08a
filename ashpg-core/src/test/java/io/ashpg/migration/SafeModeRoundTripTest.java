package io.ashpg.migration;

import static org.assertj.core.api.Assertions.assertThat;

import io.ashpg.migration.ddl.MigrationFile;
import io.ashpg.migration.ddl.RenderContext;
import io.ashpg.migration.introspect.CatalogOracle;
import io.ashpg.migration.run.MigrationResult;
import io.ashpg.migration.run.Migrator;
import io.ashpg.migration.run.MigratorOptions;
import io.ashpg.migration.snapshot.TableSnapshot;
import io.ashpg.testing.TestDatabase;
import io.ashpg.testing.WithPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every safe-mode case on PostgreSQL through the real migrator (lock timeout and all): build the base state, fill it
 * with rows, migrate, and compare pg_catalog with the target snapshots — every constraint validated, the temporary
 * NOT NULL checks gone, every index valid; roll everything back and compare with the base; migrate again.
 */
@WithPostgres
class SafeModeRoundTripTest {

  private static final String TENANT = "tenant_a";

  private final TestDatabase db;
  @TempDir
  Path dir;

  SafeModeRoundTripTest(TestDatabase db) {
    this.db = db;
  }

  static List<SafeModeCases.Case> cases() {
    return SafeModeCases.all();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void upDownUp(SafeModeCases.Case c) throws SQLException, IOException {
    try (Connection conn = db.connect()) {
      GoldenRoundTripTest.reset(conn);
      String schema = c.tenant() ? TENANT : "public";
      if (c.tenant()) {
        GoldenRoundTripTest.exec(conn, "CREATE SCHEMA \"" + TENANT + "\"");
        GoldenRoundTripTest.exec(conn, "SET search_path TO \"" + TENANT + "\", public");
      }
      GoldenRoundTripTest.apply(conn, GoldenRoundTripTest.create(c.base(),
          c.tenant() ? RenderContext.TENANT : RenderContext.GLOBAL), true);
      GoldenRoundTripTest.exec(conn, c.seed());

      List<MigrationFile> files = c.files();
      for (MigrationFile f : files) {
        Files.writeString(dir.resolve(f.fileName()), f.text());
      }
      MigratorOptions.Builder options = MigratorOptions.builder().location(dir.toString()).quiet(true);
      if (c.tenant()) {
        options.prefix(TENANT);
      }
      Migrator migrator = Migrator.create(db.dataSource(), options.build());
      long first = Long.parseLong(files.get(0).version());

      MigrationResult up = migrator.migrate();
      assertThat(up.versions()).hasSize(files.size());
      verify(conn, schema, c.target(), "after up");
      for (String zero : c.zero()) {
        assertThat(count(conn, zero)).as(zero).isZero();
      }

      migrator.rollback(first);
      verify(conn, schema, c.base(), "after rolling back");

      migrator.migrate();
      verify(conn, schema, c.target(), "after up again");
    }
  }

  @org.junit.jupiter.api.Test
  void anInvalidLeftoverOfAnEarlierConcurrentBuildIsDroppedAndTheIndexBuiltAnew() throws SQLException, IOException {
    SafeModeCases.Case c = SafeModeCases.all().stream().filter(k -> k.name().equals("add_index")).findFirst()
        .orElseThrow();
    try (Connection conn = db.connect()) {
      GoldenRoundTripTest.reset(conn);
      GoldenRoundTripTest.apply(conn, GoldenRoundTripTest.create(c.base(), RenderContext.GLOBAL), true);
      GoldenRoundTripTest.exec(conn, c.seed());
      // a concurrent build that failed (here on a duplicate) leaves an INVALID index under the name the case uses
      GoldenRoundTripTest.exec(conn, "INSERT INTO users (id, email) VALUES (gen_random_uuid(), 'u1')");
      try {
        GoldenRoundTripTest.exec(conn, "CREATE UNIQUE INDEX CONCURRENTLY \"users_email_id_index\" ON users (email)");
        throw new AssertionError("the concurrent build was meant to fail");
      } catch (SQLException expected) {
        // 23505 unique_violation
      }
      assertThat(count(conn, "SELECT count(*) FROM pg_index WHERE NOT indisvalid")).isEqualTo(1);
      GoldenRoundTripTest.exec(conn, "DELETE FROM users WHERE email = 'u1'");

      for (MigrationFile f : c.files()) {
        Files.writeString(dir.resolve(f.fileName()), f.text());
      }
      Migrator.create(db.dataSource(), MigratorOptions.builder().location(dir.toString()).quiet(true).build())
          .migrate();
      // the leftover was unique on (email); the index now is the declared one on (email, id), and valid
      verify(conn, "public", c.target(), "after migrating over the leftover");
    }
  }

  /**
   * The database holds exactly {@code tables} (validated constraints included), besides the migrator's table, and no
   * index is left invalid.
   */
  private static void verify(Connection conn, String schema, List<TableSnapshot> tables, String when)
      throws SQLException {
    CatalogOracle.on(conn).tenantSchema(TENANT).ignoringTable(schema, "schema_migrations").assertMatches(when, tables);
    assertThat(count(conn, "SELECT count(*) FROM pg_index WHERE NOT indisvalid")).as("invalid indexes " + when)
        .isZero();
  }

  private static long count(Connection conn, String sql) throws SQLException {
    try (Statement s = conn.createStatement(); ResultSet rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }
}
