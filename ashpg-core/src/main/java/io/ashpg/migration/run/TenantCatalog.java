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
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import javax.sql.DataSource;

/**
 * Reads the applied versions of many schemas — a whole tenant fleet — in a fixed number of round trips, from the
 * {@code schema_migrations} tables themselves, so the answer is right whoever wrote them (another process, an older
 * ashpg, Ecto, a manual fix). One catalog query finds which schemas exist and which have a {@code schema_migrations}
 * table (and whether it has ashpg's {@code checksum} column); then every reader connection sends all of its
 * {@code UNION ALL} queries, {@value #CHUNK} tables each, as one pipelined execute: one round trip per connection,
 * however many tenants.
 *
 * <p>Why this shape (measured on 1,000 and 10,000 tenants, see performance.md): a fresh backend spends most of the
 * read building its caches for every table it opens (relation, index, planner data), some 70–120 µs of server CPU
 * per table; reading on several connections side by side divides that wall time. A {@code UNION ALL} plans in time
 * growing faster than its branch count past about a hundred branches, hence the chunks. Each chunk runs in its own
 * transaction ({@code BEGIN} … {@code COMMIT} inside the pipeline): one transaction over 10,000 tables would hold
 * 20,000 relation locks, more than a server with the default {@code max_locks_per_transaction} has room for.
 * A registry table of heads written by ashpg would be one indexed read, but it would be wrong as soon as anything
 * else writes a tenant's versions, and {@code query_to_xml} over every table in one statement costs as much as
 * this and runs into the same lock limit.
 */
final class TenantCatalog {

  /** Tables per {@code UNION ALL}. */
  static final int CHUNK = 50;
  /**
   * Listed schemas per reader connection. Measured on 2 cores (PostgreSQL 15, fresh backends): 1,000 tenants read in
   * 81 ms on one connection, 61 ms on two and 72 ms on four; 10,000 in 557 ms on two, 607 ms on four. More readers
   * than the server has cores only add connection set-up and contention; the server's core count is not known here,
   * so the readers grow with the fleet (and never exceed the run's parallelism).
   */
  static final int TABLES_PER_READER = 500;

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
    return applied(read(c, schemas));
  }

  /** {@link #readApplied(Connection, List)} on up to {@code parallelism} connections (see {@link #read}). */
  static Map<String, SortedMap<Long, AppliedMigration>> readApplied(Connection c, DataSource more, int parallelism,
      List<String> schemas) throws SQLException {
    return applied(read(c, more, parallelism, schemas));
  }

  private static Map<String, SortedMap<Long, AppliedMigration>> applied(Map<String, SchemaState> states) {
    Map<String, SortedMap<Long, AppliedMigration>> result = new LinkedHashMap<>();
    states.forEach((schema, state) -> result.put(schema, state.applied()));
    return result;
  }

  /** What the catalog says about each of {@code schemas} (validated names), in their order; all on {@code c}. */
  static Map<String, SchemaState> read(Connection c, List<String> schemas) throws SQLException {
    return read(c, null, 1, schemas);
  }

  /**
   * {@link #read(Connection, List)} with the tables spread over up to {@code parallelism} connections: {@code c}
   * and more from {@code more}, one per {@value #TABLES_PER_READER} listed schemas. The extra connections are opened
   * while {@code c} runs the catalog query.
   */
  static Map<String, SchemaState> read(Connection c, DataSource more, int parallelism, List<String> schemas)
      throws SQLException {
    int readers = more == null ? 1
        : Math.max(1, Math.min(parallelism, (schemas.size() + TABLES_PER_READER - 1) / TABLES_PER_READER));
    CompletableFuture<Catalog> catalog = new CompletableFuture<>();
    List<Reader> others = new ArrayList<>();
    for (int r = 1; r < readers; r++) {
      others.add(Reader.start(more, catalog, r, readers));
    }
    Map<Integer, SortedMap<Long, AppliedMigration>> rows = new HashMap<>();
    Catalog known;
    try {
      known = Catalog.query(c, schemas);
    } catch (SQLException | RuntimeException e) {
      catalog.completeExceptionally(e); // the other readers close their connections and stop
      throw e;
    }
    catalog.complete(known);
    SQLException failure = null;
    try {
      readChunks(c, known, chunksOf(known, 0, readers), rows);
    } catch (SQLException e) {
      failure = e;
    }
    for (Reader reader : others) {
      try {
        rows.putAll(reader.result());
      } catch (SQLException e) {
        if (failure == null) {
          failure = e;
        } else {
          failure.addSuppressed(e);
        }
      }
    }
    if (failure != null) {
      throw failure;
    }
    Map<String, SchemaState> result = new LinkedHashMap<>();
    for (String schema : schemas) {
      Integer index = known.index.get(schema);
      SortedMap<Long, AppliedMigration> applied = index == null ? null : rows.get(index);
      result.put(schema, new SchemaState(known.existing.contains(schema), index != null,
          index != null && known.checksum.get(index), applied == null ? new TreeMap<>() : applied));
    }
    return result;
  }

  /** The chunks reader {@code reader} of {@code readers} reads: every readers-th, so neighbours spread out. */
  private static List<Integer> chunksOf(Catalog catalog, int reader, int readers) {
    List<Integer> chunks = new ArrayList<>();
    for (int chunk = reader; chunk * CHUNK < catalog.present.size(); chunk += readers) {
      chunks.add(chunk);
    }
    return chunks;
  }

  /** A reader on a connection of its own: opens it at once, reads its chunks when the catalog is known. */
  private static final class Reader {
    private final Thread thread;
    private final Map<Integer, SortedMap<Long, AppliedMigration>> rows = new HashMap<>();
    private volatile SQLException failure;

    private Reader(DataSource ds, CompletableFuture<Catalog> catalog, int reader, int readers) {
      thread = new Thread(() -> {
        try (Connection own = ds.getConnection()) {
          Catalog known;
          try {
            known = catalog.get();
          } catch (ExecutionException e) {
            return; // the catalog query failed; the caller reports it
          }
          readChunks(own, known, chunksOf(known, reader, readers), rows);
        } catch (SQLException e) {
          failure = e;
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          failure = new SQLException("interrupted while reading tenant versions", e);
        } catch (RuntimeException e) {
          failure = new SQLException("reading tenant versions failed: " + e, e);
        }
      }, "ashpg-tenant-catalog-" + reader);
      thread.setDaemon(true);
    }

    static Reader start(DataSource ds, CompletableFuture<Catalog> catalog, int reader, int readers) {
      Reader r = new Reader(ds, catalog, reader, readers);
      r.thread.start();
      return r;
    }

    /** The rows read, by position; waits for the reader to finish. */
    Map<Integer, SortedMap<Long, AppliedMigration>> result() throws SQLException {
      try {
        thread.join();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new SQLException("interrupted while reading tenant versions", e);
      }
      if (failure != null) {
        throw failure;
      }
      return rows;
    }
  }

  /**
   * The catalog's answer for a list of schemas.
   *
   * @param existing schemas that exist
   * @param present schemas with a {@code schema_migrations} table, in list order
   * @param index position of each schema of {@code present}
   * @param checksum per position of {@code present}: whether the table has the {@code checksum} column
   */
  private record Catalog(Set<String> existing, List<String> present, Map<String, Integer> index,
      List<Boolean> checksum) {

    static Catalog query(Connection c, List<String> schemas) throws SQLException {
      Set<String> existing = new HashSet<>();
      Map<String, Boolean> withTable = new HashMap<>(); // schema -> has checksum column
      if (!schemas.isEmpty()) {
        // compare as name[], not text[]: nspname = ANY(text[]) casts every nspname and cannot use the catalog index.
        // The checksum column is a join, not an EXISTS per row: on a fresh backend with 1,000 schemas the EXISTS
        // took 15.8 ms, the join 8.0 ms (of which 3.6 ms without looking at columns at all)
        String sql = "SELECT n.nspname, c.oid IS NOT NULL, a.attnum IS NOT NULL"
            + " FROM pg_namespace n LEFT JOIN pg_class c ON c.relnamespace = n.oid"
            + " AND c.relname = '" + SchemaRunner.TABLE + "' AND c.relkind IN ('r', 'p')"
            + " LEFT JOIN pg_attribute a ON a.attrelid = c.oid AND a.attname = 'checksum' AND NOT a.attisdropped"
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
      List<String> present = new ArrayList<>();
      Map<String, Integer> index = new HashMap<>();
      List<Boolean> checksum = new ArrayList<>();
      for (String s : schemas) {
        Boolean hasChecksum = withTable.get(s);
        if (hasChecksum != null && !index.containsKey(s)) {
          index.put(s, present.size());
          present.add(s);
          checksum.add(hasChecksum);
        }
      }
      return new Catalog(existing, present, index, checksum);
    }
  }

  /**
   * Reads {@code chunks} (numbers of {@value #CHUNK}-table slices of {@code catalog.present}) on {@code c} in one
   * pipelined execute, into {@code into} by position in {@code present}. With more than one chunk on a connection in
   * autocommit mode, each runs in its own transaction, so no more than one chunk's locks are held at a time.
   */
  private static void readChunks(Connection c, Catalog catalog, List<Integer> chunks,
      Map<Integer, SortedMap<Long, AppliedMigration>> into) throws SQLException {
    if (chunks.isEmpty()) {
      return;
    }
    boolean ownTransactions = chunks.size() > 1 && c.getAutoCommit();
    StringBuilder sql = new StringBuilder();
    for (int chunk : chunks) {
      if (ownTransactions) {
        sql.append("BEGIN;\n");
      }
      int from = chunk * CHUNK;
      int to = Math.min(from + CHUNK, catalog.present.size());
      for (int i = from; i < to; i++) {
        into.put(i, new TreeMap<>());
        if (i > from) {
          sql.append(" UNION ALL ");
        }
        // the position, not the name, identifies the schema: no string literal to escape
        sql.append("SELECT ").append(i).append(", \"version\", \"inserted_at\", ")
            .append(catalog.checksum.get(i) ? "\"checksum\"" : "NULL::text")
            .append(" FROM ").append(Identifier.qualified(catalog.present.get(i), SchemaRunner.TABLE));
      }
      sql.append(";\n");
      if (ownTransactions) {
        sql.append("COMMIT;\n");
      }
    }
    try (Statement st = c.createStatement()) {
      boolean rows = st.execute(sql.toString());
      while (rows || st.getUpdateCount() != -1) {
        if (rows) {
          try (ResultSet rs = st.getResultSet()) {
            while (rs.next()) {
              long v = rs.getLong(2);
              into.get(rs.getInt(1)).put(v, new AppliedMigration(v, rs.getObject(3, LocalDateTime.class),
                  rs.getString(4)));
            }
          }
        }
        rows = st.getMoreResults();
      }
    } catch (SQLException e) {
      if (ownTransactions) {
        // a failed statement leaves its BEGIN's transaction open and aborted: end it before the connection is reused
        try (Statement st = c.createStatement()) {
          st.execute("ROLLBACK");
        } catch (SQLException again) {
          e.addSuppressed(again);
        }
      }
      throw e;
    }
  }
}
