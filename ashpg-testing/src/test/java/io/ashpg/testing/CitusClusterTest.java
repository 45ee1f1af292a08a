package io.ashpg.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

@WithCitus
class CitusClusterTest {

  private final CitusDatabase db;

  CitusClusterTest(CitusDatabase db) {
    this.db = db;
  }

  @Test
  void theCoordinatorHasTwoActiveWorkers() throws SQLException {
    List<Integer> ports = new ArrayList<>();
    try (Connection c = db.connect(); Statement s = c.createStatement();
         ResultSet rs = s.executeQuery("SELECT node_port FROM citus_get_active_worker_nodes() ORDER BY node_port")) {
      while (rs.next()) {
        ports.add(rs.getInt(1));
      }
    }
    assertThat(ports).hasSize(2)
        .containsExactlyInAnyOrderElementsOf(db.workers().stream().map(w -> w.server().port()).toList())
        .doesNotContain(db.coordinator().server().port());
  }

  @Test
  void aSchemaCreatedWithSchemaBasedShardingIsDistributedToAWorker() throws SQLException {
    try (Connection c = db.connect(); Statement s = c.createStatement()) {
      s.execute("SET citus.enable_schema_based_sharding TO on");
      s.execute("CREATE SCHEMA org_smoke");
      s.execute("CREATE TABLE org_smoke.projects (id bigint PRIMARY KEY, name text)");
      s.execute("INSERT INTO org_smoke.projects VALUES (1, 'one'), (2, 'two')");
      assertThat(single(s, "SELECT count(*) FROM citus_schemas WHERE schema_name = 'org_smoke'::regnamespace"))
          .isEqualTo("1");
      assertThat(single(s, "SELECT citus_table_type FROM citus_tables"
          + " WHERE table_name = 'org_smoke.projects'::regclass")).isEqualTo("schema");
      // the shard lives on a worker, and only there
      int shardPort = Integer.parseInt(single(s, "SELECT nodeport FROM citus_shards"
          + " WHERE table_name = 'org_smoke.projects'::regclass"));
      assertThat(db.workers().stream().map(w -> w.server().port())).contains(shardPort);
      assertThat(single(s, "SELECT count(*) FROM org_smoke.projects")).isEqualTo("2");
    }
  }

  @Test
  void theDatabaseExistsOnEveryNodeWithCitus(TestDatabase coordinatorSide) throws SQLException {
    assertThat(coordinatorSide).isSameAs(db.coordinator());
    assertThat(db.workers()).hasSize(2);
    for (TestDatabase node : db.workers()) {
      assertThat(node.name()).isEqualTo(db.name()).startsWith("ashpg_citusclustertest_");
      try (Connection c = node.connect(); Statement s = c.createStatement()) {
        assertThat(single(s, "SELECT extname FROM pg_extension WHERE extname = 'citus'")).isEqualTo("citus");
        assertThat(single(s, "SHOW wal_level")).isEqualTo("logical");
      }
    }
  }

  @Test
  void createdDatabasesAreDroppedOnEveryNode() throws SQLException {
    CitusDatabase extra = CitusCluster.local().createDatabase("drop me");
    List<TestDatabase> nodes = new ArrayList<>(extra.workers());
    nodes.add(0, extra.coordinator());
    for (TestDatabase node : nodes) {
      assertThat(exists(node, extra.name())).isTrue();
    }
    // used, so that Citus runs its maintenance daemon in the database on every node (a session DROP DATABASE
    // WITH (FORCE) does not end by itself)
    try (Connection c = extra.connect(); Statement s = c.createStatement()) {
      s.execute("SET citus.enable_schema_based_sharding TO on");
      s.execute("CREATE SCHEMA org_used");
      s.execute("CREATE TABLE org_used.t (id int PRIMARY KEY)");
      s.execute("INSERT INTO org_used.t VALUES (1)");
    }
    for (TestDatabase node : nodes) {
      try (Connection c = node.connect(); Statement s = c.createStatement()) {
        assertThat(single(s, "SELECT count(*) > 0 FROM pg_stat_activity WHERE datname = current_database()"
            + " AND backend_type LIKE 'Citus Maintenance Daemon%'")).as(node.toString()).isEqualTo("t");
      }
    }
    extra.close();
    for (TestDatabase node : nodes) {
      assertThat(exists(node, extra.name())).isFalse();
    }
  }

  private static boolean exists(TestDatabase node, String name) throws SQLException {
    TestDatabase maintenance = new TestDatabase(node.server().maintenanceDatabase(), node.server());
    try (Connection c = maintenance.connect(); Statement s = c.createStatement()) {
      return single(s, "SELECT count(*) FROM pg_database WHERE datname = '" + name + "'").equals("1");
    }
  }

  private static String single(Statement s, String sql) throws SQLException {
    try (ResultSet rs = s.executeQuery(sql)) {
      assertThat(rs.next()).as(sql).isTrue();
      return rs.getString(1);
    }
  }
}
