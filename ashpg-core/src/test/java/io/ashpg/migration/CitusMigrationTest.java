package io.ashpg.migration;

import static io.ashpg.migration.ResourceRoundTripTest.succeeded;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ashpg.migration.ResourceRoundTripTest.Run;
import io.ashpg.migration.generate.MigrationGenerator;
import io.ashpg.migration.generate.PrimaryKeyChooser;
import io.ashpg.migration.generate.RepoSnapshots;
import io.ashpg.migration.generate.SnapshotBuilder;
import io.ashpg.migration.snapshot.DistributionSnapshot;
import io.ashpg.migration.snapshot.TableSnapshot;
import io.ashpg.resource.Domain;
import io.ashpg.testing.CitusDatabase;
import io.ashpg.testing.WithCitus;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The {@link CitusCases} migrated on a local Citus cluster (coordinator and two workers): after every step and after
 * rolling each step back, Citus's catalog places every table as its snapshot says (reference, distributed by its
 * column and colocated, local, or in the distributed tenant schema), and the schema matches the resources.
 */
@WithCitus
class CitusMigrationTest {

  /** The tenant schema, created as a distributed schema (schema-based sharding) before the tenant migrations run. */
  private static final String TENANT = "org_1";

  private final CitusDatabase db;

  @TempDir
  Path project;

  CitusMigrationTest(CitusDatabase db) {
    this.db = db;
  }

  static Stream<ResourceCases.Case> cases() {
    return CitusCases.all().stream();
  }

  /** The cases share the class's database: each starts without their tables and with a fresh tenant schema. */
  @BeforeEach
  void clean() throws SQLException {
    try (Connection c = db.connect(); Statement s = c.createStatement()) {
      List<String> tables = new ArrayList<>();
      try (ResultSet rs = s.executeQuery("SELECT quote_ident(tablename) FROM pg_tables WHERE schemaname = 'public'")) {
        while (rs.next()) {
          tables.add(rs.getString(1));
        }
      }
      for (String t : tables) {
        s.execute("DROP TABLE IF EXISTS public." + t + " CASCADE");
      }
      s.execute("DROP SCHEMA IF EXISTS " + TENANT + " CASCADE");
      s.execute("SET citus.enable_schema_based_sharding TO on");
      s.execute("CREATE SCHEMA " + TENANT);
      s.execute("RESET citus.enable_schema_based_sharding");
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void upDownUp(ResourceCases.Case c) throws IOException, SQLException {
    List<Map<String, String>> filesAfterStep = ResourceGoldenTest.generateSteps(c, project);
    List<Run> runs = ResourceRoundTripTest.runs(db.dataSource(), project.resolve("src/main/resources/db"), TENANT);
    int last = c.steps().size() - 1;
    try (Connection conn = db.connect()) {
      runs.forEach(r -> succeeded(r.migrator().migrate()));
      verify(conn, c, last, "after migrating");

      List<Run> newestFirst = new ArrayList<>(runs);
      Collections.reverse(newestFirst);
      for (int step = last; step >= 0; step--) {
        for (Run r : newestFirst) {
          OptionalLong first = ResourceRoundTripTest.firstVersion(filesAfterStep, step, r.folder());
          if (first.isPresent()) {
            succeeded(r.migrator().rollback(first.getAsLong()));
          }
        }
        if (step > 0) {
          verify(conn, c, step - 1, "after rolling back step " + (step + 1));
        }
      }
      assertThat(placements(conn).values()).as("Citus tables after rolling everything back")
          .allSatisfy(p -> assertThat(p.type()).isIn("schema", "local"));

      runs.forEach(r -> succeeded(r.migrator().migrate()));
      verify(conn, c, last, "after migrating again");
    }
  }

  /** The brief's shape, spelled out: what Citus's catalog says after migrating, and after rolling back. */
  @Test
  void saasShapeIsPlacedAsCitusNeedsItAndRollbackUndoesIt() throws IOException, SQLException {
    ResourceCases.Case saas = CitusCases.saas();
    MigrationGenerator generator = ResourceCases.generator();
    assertThat(saas.steps().get(0).generate(project, generator).written()).isTrue();
    List<Run> runs = ResourceRoundTripTest.runs(db.dataSource(), project.resolve("src/main/resources/db"), TENANT);
    try (Connection conn = db.connect(); Statement s = conn.createStatement()) {
      runs.forEach(r -> succeeded(r.migrator().migrate()));

      assertThat(single(s, "SELECT citus_table_type FROM citus_tables WHERE table_name = 'users'::regclass"))
          .isEqualTo("reference");
      assertThat(single(s, "SELECT citus_table_type FROM citus_tables WHERE table_name = 'organizations'::regclass"))
          .isEqualTo("reference");
      assertThat(single(s, "SELECT citus_table_type || ' by ' || distribution_column FROM citus_tables"
          + " WHERE table_name = 'audit_log'::regclass")).isEqualTo("distributed by org_id");
      // the metadata table behind it: hash-distributed by org_id; reference tables have no partition column
      assertThat(single(s, "SELECT partmethod::text || ' ' || column_to_column_name(logicalrelid, partkey)"
          + " FROM pg_dist_partition WHERE logicalrelid = 'audit_log'::regclass")).isEqualTo("h org_id");
      assertThat(single(s, "SELECT partmethod::text FROM pg_dist_partition WHERE logicalrelid = 'users'::regclass"))
          .isEqualTo("n");
      // tenant tables live in the distributed schema, their keys to users accepted by Citus
      assertThat(single(s, "SELECT string_agg(table_name::text || ':' || citus_table_type, ',' ORDER BY"
          + " table_name::text) FROM citus_tables WHERE table_name::text LIKE '" + TENANT + ".%'"))
          .isEqualTo(TENANT + ".projects:schema," + TENANT + ".schema_migrations:schema," + TENANT + ".tasks:schema");
      s.execute("INSERT INTO users (email) VALUES ('ada@example.com')");
      s.execute("INSERT INTO organizations (name) VALUES ('acme')");
      s.execute("INSERT INTO " + TENANT + ".projects (name, owner_id) SELECT 'p', id FROM users");
      s.execute("INSERT INTO audit_log (org_id, action, actor_id) SELECT o.id, 'created', u.id FROM organizations o,"
          + " users u");
      assertThatThrownBy(() -> s.execute("INSERT INTO audit_log (org_id, action) VALUES (999, 'orphan')"))
          .as("the foreign key from the distributed table to the reference table holds")
          .isInstanceOf(SQLException.class).extracting(e -> ((SQLException) e).getSQLState()).isEqualTo("23503");

      for (int i = runs.size() - 1; i >= 0; i--) {
        succeeded(runs.get(i).migrator().rollback()); // the runs' scope is all: everything
      }
      assertThat(single(s, "SELECT count(*) FROM pg_dist_partition WHERE logicalrelid::text IN ('users',"
          + " 'organizations', 'audit_log')")).isEqualTo("0");
      assertThat(single(s, "SELECT count(*) FROM pg_tables WHERE tablename IN ('users', 'organizations',"
          + " 'audit_log', 'projects', 'tasks')")).isEqualTo("0");
    }
  }

  /** Changing a table's placement step by step keeps its rows and its foreign keys, up and down. */
  @Test
  void changingPlacementKeepsRowsAndKeys() throws IOException, SQLException {
    ResourceCases.Case c = CitusCases.distributionChange();
    MigrationGenerator generator = ResourceCases.generator();
    try (Connection conn = db.connect(); Statement s = conn.createStatement()) {
      List<Run> runs = new ArrayList<>();
      List<Map<String, String>> filesAfterStep = new ArrayList<>();
      for (int step = 0; step < c.steps().size(); step++) {
        assertThat(c.steps().get(step).generate(project, generator).written()).isTrue();
        filesAfterStep.add(GoldenFiles.read(project.resolve("src/main/resources/db")));
        runs = ResourceRoundTripTest.runs(db.dataSource(), project.resolve("src/main/resources/db"), TENANT);
        runs.forEach(r -> succeeded(r.migrator().migrate()));
        checkPlacements(conn, c, step, "after migrating step " + (step + 1));
        if (step == 0) {
          s.execute("INSERT INTO tags (name) VALUES ('red'), ('blue')");
          s.execute("INSERT INTO labels (text, tag_id) SELECT 'label ' || name, id FROM tags");
          s.execute("INSERT INTO metrics (org_id, value) SELECT g, g * 1.5 FROM generate_series(1, 20) g");
        }
        assertRowsAndKeys(s, "after migrating step " + (step + 1));
      }
      Run publicRun = runs.get(0);
      for (int step = c.steps().size() - 1; step > 0; step--) {
        succeeded(publicRun.migrator().rollback(
            ResourceRoundTripTest.firstVersion(filesAfterStep, step, publicRun.folder()).orElseThrow()));
        checkPlacements(conn, c, step - 1, "after rolling back step " + (step + 1));
        assertRowsAndKeys(s, "after rolling back step " + (step + 1));
      }
    }
  }

  private static void assertRowsAndKeys(Statement s, String when) throws SQLException {
    assertThat(single(s, "SELECT count(*) || ' ' || (SELECT count(*) FROM labels) || ' ' ||"
        + " (SELECT sum(value) FROM metrics) FROM tags")).as("rows " + when).isEqualTo("2 2 315");
    assertThatThrownBy(() -> s.execute("INSERT INTO labels (text, tag_id) VALUES ('x', gen_random_uuid())"))
        .as("labels' foreign key to tags " + when)
        .isInstanceOf(SQLException.class).extracting(e -> ((SQLException) e).getSQLState()).isEqualTo("23503");
  }

  private void verify(Connection conn, ResourceCases.Case c, int step, String when) throws SQLException {
    checkPlacements(conn, c, step, when);
    ResourceRoundTripTest.verify(conn, c, step, when, TENANT);
  }

  /**
   * Every table of step {@code step} is placed as its snapshot says: a reference or distributed table (by its column,
   * in its colocation's group), a tenant table in the distributed tenant schema, any other table not distributed.
   */
  private static void checkPlacements(Connection conn, ResourceCases.Case c, int step, String when)
      throws SQLException {
    ResourceCases.Step s = c.steps().get(step);
    List<RepoSnapshots> repos = new SnapshotBuilder(PrimaryKeyChooser.fromHints(s.primaryKeys()))
        .build(Domain.of(s.resources()));
    Map<String, Placement> actual = placements(conn);
    String label = when + " (" + c + ", step " + (step + 1) + "), table ";
    for (RepoSnapshots repo : repos) {
      for (TableSnapshot t : repo.tables()) {
        if (t.isTenant()) {
          assertThat(actual.get(TENANT + "." + t.table())).as(label + t.table())
              .extracting(Placement::type).isEqualTo("schema");
          continue;
        }
        String name = t.schema() == null ? t.table() : t.schema() + "." + t.table();
        Placement p = actual.get(name);
        DistributionSnapshot d = t.distribution();
        if (d == null) {
          assertThat(p == null ? "local" : p.type()).as(label + name).isEqualTo("local");
        } else if (d.isReference()) {
          assertThat(p).as(label + name).isNotNull().extracting(Placement::type).isEqualTo("reference");
        } else {
          assertThat(p).as(label + name).isNotNull().extracting(Placement::type, Placement::column)
              .containsExactly("distributed", d.column());
          if (d.colocateWith() != null) {
            assertThat(p.colocationId()).as(label + name + " colocated with " + d.colocateWith())
                .isEqualTo(actual.get(d.colocateWith().toString()).colocationId());
          }
        }
      }
    }
  }

  /** A row of {@code citus_tables}. */
  private record Placement(String type, String column, long colocationId) {
  }

  /** {@code citus_tables} by table name as the search path shows it ({@code users}, {@code org_1.projects}). */
  private static Map<String, Placement> placements(Connection conn) throws SQLException {
    Map<String, Placement> out = new HashMap<>();
    try (Statement s = conn.createStatement();
         ResultSet rs = s.executeQuery("SELECT table_name::text, citus_table_type, distribution_column,"
             + " colocation_id FROM citus_tables")) {
      while (rs.next()) {
        out.put(rs.getString(1), new Placement(rs.getString(2), rs.getString(3), rs.getLong(4)));
      }
    }
    return out;
  }

  private static String single(Statement s, String sql) throws SQLException {
    try (ResultSet rs = s.executeQuery(sql)) {
      assertThat(rs.next()).as("a row from " + sql).isTrue();
      return rs.getString(1);
    }
  }
}
