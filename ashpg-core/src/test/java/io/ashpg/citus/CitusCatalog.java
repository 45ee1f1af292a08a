package io.ashpg.citus;

import io.ashpg.testing.CitusDatabase;
import io.ashpg.testing.TestDatabase;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/** What Citus's catalog on the coordinator (and a worker's own catalog) says, for assertions. */
final class CitusCatalog {

  private CitusCatalog() {
  }

  /** The distributed schemas, sorted. */
  static List<String> distributedSchemas(CitusDatabase db) {
    return strings(db.coordinator(), "SELECT schema_name::text FROM citus_schemas ORDER BY 1");
  }

  /** {@code citus_tables.citus_table_type} of a table ({@code schema}, {@code reference}, …), or null when local. */
  static String tableType(CitusDatabase db, String qualifiedTable) {
    List<String> type = strings(db.coordinator(), "SELECT citus_table_type FROM citus_tables"
        + " WHERE table_name = '" + qualifiedTable + "'::regclass");
    return type.isEmpty() ? null : type.get(0);
  }

  /** The port of the node holding a schema's tables (all its shards), or -1 when it has none. */
  static int nodePortOf(CitusDatabase db, String schema) {
    List<String> ports = strings(db.coordinator(), "SELECT DISTINCT nodeport::text FROM citus_shards"
        + " WHERE table_name::text LIKE '" + schema + ".%'");
    if (ports.size() > 1) {
      throw new AssertionError("schema " + schema + " has shards on several nodes: " + ports);
    }
    return ports.isEmpty() ? -1 : Integer.parseInt(ports.get(0));
  }

  /** The worker database listening on {@code port}. */
  static TestDatabase worker(CitusDatabase db, int port) {
    return db.workers().stream().filter(w -> w.server().port() == port).findFirst()
        .orElseThrow(() -> new AssertionError("no worker on port " + port));
  }

  /** The worker that does not listen on {@code port}. */
  static TestDatabase otherWorker(CitusDatabase db, int port) {
    return db.workers().stream().filter(w -> w.server().port() != port).findFirst().orElseThrow();
  }

  static void exec(TestDatabase db, String... sql) {
    try (Connection c = db.connect(); Statement s = c.createStatement()) {
      for (String one : sql) {
        s.execute(one);
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e.getMessage(), e);
    }
  }

  static long count(TestDatabase db, String sql) {
    return Long.parseLong(strings(db, sql).get(0));
  }

  static List<String> strings(TestDatabase db, String sql) {
    try (Connection c = db.connect(); PreparedStatement ps = c.prepareStatement(sql);
         ResultSet rs = ps.executeQuery()) {
      List<String> out = new ArrayList<>();
      while (rs.next()) {
        out.add(rs.getString(1));
      }
      return out;
    } catch (SQLException e) {
      throw new IllegalStateException(sql + ": " + e.getMessage(), e);
    }
  }
}
