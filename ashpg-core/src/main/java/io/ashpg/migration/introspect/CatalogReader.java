package io.ashpg.migration.introspect;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Reads schemas from {@code pg_catalog} into {@link SchemaCatalog}s: a fixed handful of queries for any number of
 * schemas and tables (tables, columns, indexes with their keys, constraints, extensions), every name a bind
 * parameter. Works on PostgreSQL 15 and later ({@code indnullsnotdistinct} and {@code confdelsetcols} appeared in
 * 15).
 *
 * <p>Ecto's {@code schema_migrations} bookkeeping table is left out unless
 * {@link #includingSchemaMigrations()} is used. Expressions (defaults, predicates, checks, index expressions) come
 * back as PostgreSQL prints them, relative to the connection's {@code search_path}, so two catalogs compare equal
 * only when read with the same {@code search_path}.
 *
 * <p>The schema-fidelity oracle of the migration tests uses it today; drift checks and adopting an existing
 * database build on it.
 */
public final class CatalogReader {

  /** Ecto's migration bookkeeping table, not part of an application's schema. */
  public static final String SCHEMA_MIGRATIONS = "schema_migrations";

  private static final String TABLES = """
      SELECT n.nspname, c.relname
      FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE c.relkind IN ('r', 'p') AND n.nspname = ANY(?)
      ORDER BY 1, 2""";

  private static final String COLUMNS = """
      SELECT n.nspname, c.relname, a.attname, format_type(a.atttypid, a.atttypmod), a.attnotnull,
             a.attidentity::text, a.attgenerated::text, pg_get_expr(d.adbin, d.adrelid, true),
             a.attidentity = '' AND d.oid IS NOT NULL AND EXISTS (
               SELECT 1 FROM pg_depend own
               JOIN pg_class s ON s.oid = own.objid AND s.relkind = 'S'
               JOIN pg_depend use ON use.classid = 'pg_attrdef'::regclass AND use.objid = d.oid
                 AND use.refclassid = 'pg_class'::regclass AND use.refobjid = s.oid
               WHERE own.classid = 'pg_class'::regclass AND own.refclassid = 'pg_class'::regclass
                 AND own.refobjid = c.oid AND own.refobjsubid = a.attnum AND own.deptype = 'a')
      FROM pg_attribute a
      JOIN pg_class c ON c.oid = a.attrelid AND c.relkind IN ('r', 'p')
      JOIN pg_namespace n ON n.oid = c.relnamespace
      LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
      WHERE a.attnum > 0 AND NOT a.attisdropped AND n.nspname = ANY(?)
      ORDER BY 1, 2, a.attnum""";

  /** One row per index key part (key columns first, then INCLUDE columns). */
  private static final String INDEXES = """
      SELECT n.nspname, c.relname, ic.relname, x.indisunique, am.amname, x.indnkeyatts,
             pg_get_expr(x.indpred, x.indrelid, true), x.indnullsnotdistinct,
             EXISTS (SELECT 1 FROM pg_constraint k WHERE k.conindid = x.indexrelid AND k.conrelid = x.indrelid
                     AND k.contype IN ('p', 'u', 'x')),
             key.ord, key.attnum,
             CASE WHEN key.attnum = 0 THEN pg_get_indexdef(x.indexrelid, key.ord::int, true) ELSE a.attname END,
             CASE WHEN key.ord <= x.indnkeyatts THEN x.indoption[key.ord - 1] ELSE 0 END,
             CASE WHEN opc.opcdefault THEN NULL ELSE opc.opcname END
      FROM pg_index x
      JOIN pg_class ic ON ic.oid = x.indexrelid
      JOIN pg_class c ON c.oid = x.indrelid AND c.relkind IN ('r', 'p')
      JOIN pg_namespace n ON n.oid = c.relnamespace
      JOIN pg_am am ON am.oid = ic.relam
      CROSS JOIN LATERAL unnest(x.indkey::int2[]) WITH ORDINALITY AS key(attnum, ord)
      LEFT JOIN pg_attribute a ON a.attrelid = x.indrelid AND a.attnum = key.attnum
      LEFT JOIN pg_opclass opc ON key.ord <= x.indnkeyatts AND opc.oid = x.indclass[key.ord - 1]
      WHERE n.nspname = ANY(?)
      ORDER BY 1, 2, 3, key.ord""";

  private static final String CONSTRAINTS = """
      SELECT n.nspname, c.relname, k.conname, k.contype::text, k.condeferrable, k.condeferred, k.convalidated,
             ARRAY(SELECT a.attname FROM unnest(k.conkey) WITH ORDINALITY AS u(num, ord)
                   JOIN pg_attribute a ON a.attrelid = k.conrelid AND a.attnum = u.num ORDER BY u.ord),
             fn.nspname, fc.relname,
             ARRAY(SELECT a.attname FROM unnest(k.confkey) WITH ORDINALITY AS u(num, ord)
                   JOIN pg_attribute a ON a.attrelid = k.confrelid AND a.attnum = u.num ORDER BY u.ord),
             k.confdeltype::text, k.confupdtype::text, k.confmatchtype::text,
             ARRAY(SELECT a.attname FROM unnest(k.confdelsetcols) WITH ORDINALITY AS u(num, ord)
                   JOIN pg_attribute a ON a.attrelid = k.conrelid AND a.attnum = u.num ORDER BY u.ord),
             CASE WHEN k.contype = 'c' THEN pg_get_expr(k.conbin, k.conrelid, true) END,
             CASE WHEN k.contype = 'x' THEN pg_get_constraintdef(k.oid, true) END
      FROM pg_constraint k
      JOIN pg_class c ON c.oid = k.conrelid AND c.relkind IN ('r', 'p')
      JOIN pg_namespace n ON n.oid = c.relnamespace
      LEFT JOIN pg_class fc ON fc.oid = k.confrelid
      LEFT JOIN pg_namespace fn ON fn.oid = fc.relnamespace
      WHERE k.contype IN ('p', 'f', 'c', 'x') AND n.nspname = ANY(?)
      ORDER BY 1, 2, 3""";

  private static final String EXTENSIONS = "SELECT extname FROM pg_extension ORDER BY 1";

  private static final String USER_SCHEMAS = """
      SELECT nspname FROM pg_namespace
      WHERE nspname NOT LIKE 'pg\\_%' AND nspname <> 'information_schema'
      ORDER BY 1""";

  private final Connection connection;
  private final boolean schemaMigrations;

  private CatalogReader(Connection connection, boolean schemaMigrations) {
    this.connection = Objects.requireNonNull(connection, "connection");
    this.schemaMigrations = schemaMigrations;
  }

  /** A reader on {@code connection} (not closed by the reader). */
  public static CatalogReader of(Connection connection) {
    return new CatalogReader(connection, false);
  }

  /** A reader that also reports {@value #SCHEMA_MIGRATIONS} tables. */
  public CatalogReader includingSchemaMigrations() {
    return new CatalogReader(connection, true);
  }

  /** Schemas that hold user objects: all but {@code pg_*} and {@code information_schema}, sorted. */
  public List<String> userSchemas() throws SQLException {
    List<String> out = new ArrayList<>();
    try (PreparedStatement ps = connection.prepareStatement(USER_SCHEMAS); ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        out.add(rs.getString(1));
      }
    }
    return out;
  }

  /** One schema; a schema that does not exist reads as empty. */
  public SchemaCatalog read(String schema) throws SQLException {
    return read(List.of(schema)).get(0);
  }

  /** Several schemas, in the order given; a schema that does not exist reads as empty. */
  public List<SchemaCatalog> read(List<String> schemas) throws SQLException {
    Map<String, Map<String, TableBuilder>> bySchema = new LinkedHashMap<>();
    schemas.forEach(s -> bySchema.put(Objects.requireNonNull(s, "schema"), new LinkedHashMap<>()));
    query(TABLES, schemas, rs -> {
      if (schemaMigrations || !rs.getString(2).equals(SCHEMA_MIGRATIONS)) {
        bySchema.get(rs.getString(1)).put(rs.getString(2), new TableBuilder(rs.getString(1), rs.getString(2)));
      }
    });
    query(COLUMNS, schemas, rs -> {
      TableBuilder t = tableOf(bySchema, rs);
      if (t != null) {
        t.columns.add(column(rs));
      }
    });
    query(INDEXES, schemas, rs -> {
      TableBuilder t = tableOf(bySchema, rs);
      if (t != null) {
        t.indexKey(rs);
      }
    });
    query(CONSTRAINTS, schemas, rs -> {
      TableBuilder t = tableOf(bySchema, rs);
      if (t != null) {
        t.constraint(rs);
      }
    });
    List<String> extensions = new ArrayList<>();
    try (PreparedStatement ps = connection.prepareStatement(EXTENSIONS); ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        extensions.add(rs.getString(1));
      }
    }
    List<SchemaCatalog> out = new ArrayList<>();
    bySchema.forEach((schema, tables) -> {
      Map<String, TableCatalog> built = new LinkedHashMap<>();
      tables.forEach((name, b) -> built.put(name, b.build()));
      out.add(new SchemaCatalog(schema, built, extensions));
    });
    return out;
  }

  private interface RowHandler {
    void row(ResultSet rs) throws SQLException;
  }

  private void query(String sql, List<String> schemas, RowHandler handler) throws SQLException {
    try (PreparedStatement ps = connection.prepareStatement(sql)) {
      Array names = connection.createArrayOf("text", schemas.toArray());
      ps.setArray(1, names);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          handler.row(rs);
        }
      } finally {
        names.free();
      }
    }
  }

  /** The table of a row (schema and name in its first two columns), or null when it is left out. */
  private static TableBuilder tableOf(Map<String, Map<String, TableBuilder>> bySchema, ResultSet rs)
      throws SQLException {
    return bySchema.get(rs.getString(1)).get(rs.getString(2));
  }

  private static ColumnCatalog column(ResultSet rs) throws SQLException {
    String identity = rs.getString(6);
    String generated = rs.getString(7);
    String expression = rs.getString(8);
    boolean serial = rs.getBoolean(9);
    boolean isGenerated = generated != null && !generated.isEmpty();
    return new ColumnCatalog(rs.getString(3), rs.getString(4), rs.getBoolean(5),
        isGenerated || serial ? null : expression,
        switch (identity == null ? "" : identity) {
          case "a" -> ColumnCatalog.Identity.ALWAYS;
          case "d" -> ColumnCatalog.Identity.BY_DEFAULT;
          default -> ColumnCatalog.Identity.NONE;
        },
        serial, isGenerated ? expression : null);
  }

  private static List<String> strings(Array array) throws SQLException {
    if (array == null) {
      return List.of();
    }
    try {
      return Arrays.stream((Object[]) array.getArray()).map(String.class::cast).toList();
    } finally {
      array.free();
    }
  }

  /** Collects one table's rows. */
  private static final class TableBuilder {
    private final String schema;
    private final String name;
    private final List<ColumnCatalog> columns = new ArrayList<>();
    private final Map<String, IndexBuilder> indexes = new LinkedHashMap<>();
    private final List<ForeignKeyCatalog> foreignKeys = new ArrayList<>();
    private final List<CheckCatalog> checks = new ArrayList<>();
    private final List<ExclusionCatalog> exclusions = new ArrayList<>();
    private PrimaryKeyCatalog primaryKey;

    TableBuilder(String schema, String name) {
      this.schema = schema;
      this.name = name;
    }

    void indexKey(ResultSet rs) throws SQLException {
      String indexName = rs.getString(3);
      IndexBuilder b = indexes.get(indexName);
      if (b == null) {
        b = new IndexBuilder(indexName, rs.getBoolean(4), rs.getString(5), rs.getInt(6), rs.getString(7),
            rs.getBoolean(8), rs.getBoolean(9));
        indexes.put(indexName, b);
      }
      int ord = rs.getInt(10);
      boolean expression = rs.getInt(11) == 0;
      String value = rs.getString(12);
      if (ord > b.keyCount) {
        b.include.add(value);
      } else {
        int option = rs.getInt(13);
        // indoption bit 0: DESC, bit 1: NULLS FIRST
        b.keys.add(new IndexKey(value, expression, rs.getString(14),
            IndexKey.order((option & 1) != 0, (option & 2) != 0)));
      }
    }

    void constraint(ResultSet rs) throws SQLException {
      String conname = rs.getString(3);
      List<String> columns = strings(rs.getArray(8));
      switch (rs.getString(4)) {
        case "p" -> primaryKey = new PrimaryKeyCatalog(conname, columns);
        case "f" -> foreignKeys.add(new ForeignKeyCatalog(conname, columns, rs.getString(9), rs.getString(10),
            strings(rs.getArray(11)), ReferentialAction.fromCatalog(rs.getString(12)), strings(rs.getArray(15)),
            ReferentialAction.fromCatalog(rs.getString(13)), MatchType.fromCatalog(rs.getString(14)),
            rs.getBoolean(5), rs.getBoolean(6), rs.getBoolean(7)));
        case "c" -> checks.add(new CheckCatalog(conname, rs.getString(16), rs.getBoolean(7)));
        case "x" -> exclusions.add(new ExclusionCatalog(conname, rs.getString(17)));
        default -> { }
      }
    }

    TableCatalog build() {
      return new TableCatalog(schema, name, columns, primaryKey,
          indexes.values().stream().map(IndexBuilder::build).toList(), foreignKeys, checks, exclusions);
    }
  }

  /** Collects one index's key rows. */
  private static final class IndexBuilder {
    private final String name;
    private final boolean unique;
    private final String method;
    private final int keyCount;
    private final String predicate;
    private final boolean nullsNotDistinct;
    private final boolean backsConstraint;
    private final List<IndexKey> keys = new ArrayList<>();
    private final List<String> include = new ArrayList<>();

    IndexBuilder(String name, boolean unique, String method, int keyCount, String predicate,
        boolean nullsNotDistinct, boolean backsConstraint) {
      this.name = name;
      this.unique = unique;
      this.method = method;
      this.keyCount = keyCount;
      this.predicate = predicate;
      this.nullsNotDistinct = nullsNotDistinct;
      this.backsConstraint = backsConstraint;
    }

    IndexCatalog build() {
      return new IndexCatalog(name, unique, method, keys, include, predicate, nullsNotDistinct, backsConstraint);
    }
  }
}
