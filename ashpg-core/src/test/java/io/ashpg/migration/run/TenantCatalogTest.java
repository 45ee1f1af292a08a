package io.ashpg.migration.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ashpg.testing.TestDatabase;
import io.ashpg.testing.WithPostgres;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Reading many schemas' applied versions, on one connection and spread over several. */
@WithPostgres
class TenantCatalogTest {
  private final TestDatabase db;

  TenantCatalogTest(TestDatabase db) {
    this.db = db;
  }

  @Test
  void chunksReadOnSeveralConnectionsGiveWhatOneConnectionReads() throws Exception {
    List<String> schemas = new ArrayList<>();
    StringBuilder ddl = new StringBuilder();
    int count = TenantCatalog.TABLES_PER_READER + 30;
    for (int i = 0; i < count; i++) {
      String s = String.format("cat_%03d", i);
      schemas.add(s);
      if (i % 23 == 0) {
        continue; // no schema at all
      }
      ddl.append("CREATE SCHEMA ").append(s).append(';');
      if (i % 17 == 0) {
        continue; // a schema without schema_migrations
      }
      ddl.append("CREATE TABLE ").append(s).append(".schema_migrations (version bigint PRIMARY KEY,"
          + " inserted_at timestamp(0), checksum varchar(64));");
      for (int v = 1; v <= i % 5; v++) {
        ddl.append("INSERT INTO ").append(s).append(".schema_migrations VALUES (").append(v)
            .append(", now(), 'c").append(i).append("');");
      }
    }
    try (Connection c = db.connect(); Statement st = c.createStatement()) {
      st.execute(ddl.toString());
    }
    CountingDataSource counting = new CountingDataSource(db.dataSource());
    Map<String, TenantCatalog.SchemaState> one;
    Map<String, TenantCatalog.SchemaState> spread;
    try (Connection c = db.connect()) {
      one = TenantCatalog.read(c, schemas);
      spread = TenantCatalog.read(c, counting, 4, schemas);
    }
    // just over one reader's share of schemas: two readers, the first connection plus one more, which sends its chunks in one execute
    assertThat(counting.connections.get()).isEqualTo(1);
    assertThat(counting.executed).hasSize(1);
    assertThat(counting.executed.get(0)).contains("BEGIN;", "UNION ALL", "COMMIT;");
    assertThat(spread).isEqualTo(one);
    assertThat(List.copyOf(spread.keySet())).isEqualTo(schemas);
    assertThat(spread.get("cat_000").schemaExists()).isFalse();
    assertThat(spread.get("cat_017").schemaExists()).isTrue();
    assertThat(spread.get("cat_017").tableExists()).isFalse();
    assertThat(spread.get("cat_229").applied()).containsOnlyKeys(1L, 2L, 3L, 4L);
    assertThat(spread.get("cat_229").applied().get(4L).checksum()).isEqualTo("c229");
    int last = count - 1;
    while (last % 23 == 0 || last % 17 == 0) {
      last--;
    }
    assertThat(spread.get(String.format("cat_%03d", last)).applied()).hasSize(last % 5);
    assertThat(spread.values().stream().mapToInt(s -> s.applied().size()).sum()).isPositive()
        .isEqualTo(one.values().stream().mapToInt(s -> s.applied().size()).sum());
  }

  @Test
  void aChunkThatFailsEndsItsTransactionAndLeavesTheConnectionUsable() throws Exception {
    List<String> schemas = new ArrayList<>();
    StringBuilder ddl = new StringBuilder();
    for (int i = 0; i < 130; i++) {
      String s = String.format("bad_%03d", i);
      schemas.add(s);
      // bad_120, in the third chunk, has a schema_migrations without inserted_at: its SELECT fails on the server
      ddl.append("CREATE SCHEMA ").append(s).append("; CREATE TABLE ").append(s).append(".schema_migrations")
          .append(i == 120 ? " (version bigint PRIMARY KEY, checksum text);" : " (version bigint PRIMARY KEY,"
              + " inserted_at timestamp(0), checksum text);");
    }
    try (Connection c = db.connect(); Statement st = c.createStatement()) {
      st.execute(ddl.toString());
    }
    try (Connection c = db.connect()) {
      assertThatThrownBy(() -> TenantCatalog.read(c, schemas)).isInstanceOf(SQLException.class)
          .hasMessageContaining("inserted_at");
      // the failed chunk's BEGIN was rolled back: the connection is not left in an aborted transaction
      assertThat(c.getAutoCommit()).isTrue();
      try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT count(*) FROM pg_locks"
          + " WHERE pid = pg_backend_pid() AND locktype = 'relation' AND relation::regclass::text LIKE 'bad%'")) {
        rs.next();
        assertThat(rs.getLong(1)).isZero();
      }
      assertThat(TenantCatalog.read(c, schemas.subList(0, 100))).hasSize(100);
    }
  }
}
