package io.ashpg.migration.run;

import io.ashpg.sql.Identifier;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.sql.DataSource;

/**
 * Reads the applied versions of many schemas cheaply: one catalog query finds which schemas exist and which have a
 * {@code schema_migrations} table (and whether it has ashpg's {@code checksum} column), then one {@code UNION ALL}
 * query per chunk of {@value #CHUNK} schemas reads them all. Chunks keep planning time linear: a single union over
 * 1,000 tables spends far longer planning than executing.
 */
final class TenantCatalog {

  static final int CHUNK = 100;

  /**
   * What the read saw of one schema: a tenant worker uses it to skip its own catalog query (see
   * {@link SchemaRunner#prepare(SchemaState)}); it may be stale by the time the worker holds the lock.
   *
   * @param schemaExists whether the schema exists
   * @param tableExists whether it has a {@code schema_migrations} table
   * @param hasChecksum whether that table has ashpg's {@code checksum} column
   * @param applied the rows of the table, by version (empty without a table)
   */
  record SchemaState(boolean schemaExists, boolean tableExists, boolean hasChecksum,
      SortedMap<Long, AppliedMigration> applied) {

  }

  private TenantCatalog() {
  }

  /**
   * Applied versions per schema, in the order of {@code schemas}; a schema without the table maps to an empty map.
   * Schema names must have been validated.
   */
  static Map<String, SortedMap<Long, AppliedMigration>> readApplied(Connection c, List<String> schemas)
      throws SQLException {
    Map<String, SortedMap<Long, AppliedMigration>> result = new LinkedHashMap<>();
    read(c, schemas).forEach((schema, state) -> result.put(schema, state.applied()));
    return result;
  }

  /** What the catalog says about each of {@code schemas} (validated names), in their order; all on {@code c}. */
  static Map<String, SchemaState> read(Connection c, List<String> schemas) throws SQLException {
    return read(c, null, 1, schemas);
  }

  /**
   * {@link #read(Connection, List)} with the chunks spread over up to {@code parallelism} connections: {@code c} and
   * more from {@code more}. A backend reading a table for the first time builds its relation cache entry, which at a
   * thousand tenants is most of the read's cost; on several backends those builds run side by side.
   */
  static Map<String, SchemaState> read(Connection c, DataSource more, int parallelism, List<String> schemas)
      throws SQLException {
    Map<String, SortedMap<Long, AppliedMigration>> applied = new LinkedHashMap<>();
    schemas.forEach(s -> applied.put(s, new TreeMap<>()));
    Set<String> existing = new HashSet<>();
    Map<String, Boolean> withTable = new HashMap<>(); // schema -> has checksum column
    if (!schemas.isEmpty()) {
      // compare as name[], not text[]: nspname = ANY(text[]) casts every nspname and cannot use the catalog index
      String sql = "SELECT n.nspname, c.oid IS NOT NULL, EXISTS (SELECT 1 FROM pg_attribute a"
          + " WHERE a.attrelid = c.oid AND a.attname = 'checksum' AND NOT a.attisdropped)"
          + " FROM pg_namespace n LEFT JOIN pg_class c ON c.relnamespace = n.oid"
          + " AND c.relname = '" + SchemaRunner.TABLE + "' AND c.relkind IN ('r', 'p')"
          + " WHERE n.nspname = ANY (?::name[])";
      try (PreparedStatement ps = c.prepareStatement(sql)) {
        ps.setArray(1, c.createArrayOf("text", schemas.toArray()));
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            existing.add(rs.getString(1));
            if (rs.getBoolean(2)) {
              withTable.put(rs.getString(1), rs.getBoolean(3));
            }
          }
        }
      }
    }
    List<List<String>> chunks = new ArrayList<>();
    List<String> present = new ArrayList<>();
    for (String s : schemas) {
      if (withTable.containsKey(s)) {
        present.add(s);
      }
    }
    for (int from = 0; from < present.size(); from += CHUNK) {
      chunks.add(present.subList(from, Math.min(from + CHUNK, present.size())));
    }
    int workers = more == null ? 1 : Math.max(1, Math.min(parallelism, chunks.size()));
    if (workers == 1) {
      for (List<String> chunk : chunks) {
        readChunk(c, chunk, withTable, applied);
      }
    } else {
      readInParallel(c, more, workers, chunks, withTable, applied);
    }
    Map<String, SchemaState> result = new LinkedHashMap<>();
    applied.forEach((schema, rows) -> result.put(schema, new SchemaState(existing.contains(schema),
        withTable.containsKey(schema), Boolean.TRUE.equals(withTable.get(schema)), rows)));
    return result;
  }

  /** Worker i reads chunks i, i + workers, …; worker 0 on {@code c}, the others on connections of {@code more}. */
  private static void readInParallel(Connection c, DataSource more, int workers, List<List<String>> chunks,
      Map<String, Boolean> withTable, Map<String, SortedMap<Long, AppliedMigration>> applied) throws SQLException {
    ExecutorService pool = Executors.newFixedThreadPool(workers - 1, r -> {
      Thread t = new Thread(r, "ashpg-tenant-catalog");
      t.setDaemon(true);
      return t;
    });
    try {
      List<Future<Map<String, SortedMap<Long, AppliedMigration>>>> futures = new ArrayList<>();
      for (int w = 1; w < workers; w++) {
        int first = w;
        futures.add(pool.submit(() -> {
          Map<String, SortedMap<Long, AppliedMigration>> mine = new HashMap<>();
          try (Connection own = more.getConnection()) {
            for (int i = first; i < chunks.size(); i += workers) {
              readChunk(own, chunks.get(i), withTable, mine);
            }
          }
          return mine;
        }));
      }
      Map<String, SortedMap<Long, AppliedMigration>> own = new HashMap<>();
      for (int i = 0; i < chunks.size(); i += workers) {
        readChunk(c, chunks.get(i), withTable, own);
      }
      applied.putAll(own);
      for (Future<Map<String, SortedMap<Long, AppliedMigration>>> f : futures) {
        applied.putAll(f.get());
      }
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof SQLException sql) {
        throw sql;
      }
      throw new IllegalStateException("reading tenant versions failed", cause);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new SQLException("interrupted while reading tenant versions", e);
    } finally {
      pool.shutdownNow();
    }
  }

  /** One {@code UNION ALL} over the {@code schema_migrations} tables of {@code chunk}, into {@code into}. */
  private static void readChunk(Connection c, List<String> chunk, Map<String, Boolean> withTable,
      Map<String, SortedMap<Long, AppliedMigration>> into) throws SQLException {
    StringBuilder union = new StringBuilder();
    for (int i = 0; i < chunk.size(); i++) {
      String schema = chunk.get(i);
      if (i > 0) {
        union.append(" UNION ALL ");
      }
      // the branch number, not the name, identifies the schema: no string literal to escape
      union.append("SELECT ").append(i).append(", \"version\", \"inserted_at\", ")
          .append(withTable.get(schema) ? "\"checksum\"" : "NULL::text")
          .append(" FROM ").append(Identifier.qualified(schema, SchemaRunner.TABLE));
    }
    Map<String, SortedMap<Long, AppliedMigration>> rows = new HashMap<>();
    chunk.forEach(s -> rows.put(s, new TreeMap<>()));
    try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(union.toString())) {
      while (rs.next()) {
        long v = rs.getLong(2);
        rows.get(chunk.get(rs.getInt(1))).put(v, new AppliedMigration(v, rs.getObject(3, LocalDateTime.class),
            rs.getString(4)));
      }
    }
    into.putAll(rows);
  }
}
