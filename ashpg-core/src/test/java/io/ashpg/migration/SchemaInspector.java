package io.ashpg.migration;

import static org.assertj.core.api.Assertions.assertThat;

import io.ashpg.migration.diff.IndexDefinitions;
import io.ashpg.migration.snapshot.AttributeSnapshot;
import io.ashpg.migration.snapshot.CheckConstraintSnapshot;
import io.ashpg.migration.snapshot.CustomIndexSnapshot;
import io.ashpg.migration.snapshot.Deferrable;
import io.ashpg.migration.snapshot.IdentitySnapshot;
import io.ashpg.migration.snapshot.TableSnapshot;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/** Reads a table's structure from pg_catalog and checks it against a snapshot. */
final class SchemaInspector {

  private SchemaInspector() {
  }

  /** What pg_catalog says about a column. */
  record Column(String name, String type, boolean notNull, boolean hasDefault, String identity) {
  }

  /** Asserts the table {@code schema.t.table()} matches snapshot {@code t}. */
  static void assertMatches(Connection c, String schema, TableSnapshot t) throws SQLException {
    String where = schema + "." + t.table();
    Long oid = oid(c, schema, t.table());
    assertThat(oid).as("table %s exists", where).isNotNull();

    // columns: name, type, nullability, default, identity
    List<Column> actual = new ArrayList<>();
    try (PreparedStatement ps = c.prepareStatement("SELECT a.attname, format_type(a.atttypid, a.atttypmod),"
        + " a.attnotnull, d.adbin IS NOT NULL, a.attidentity FROM pg_attribute a"
        + " LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum"
        + " WHERE a.attrelid = ? AND a.attnum > 0 AND NOT a.attisdropped ORDER BY a.attnum")) {
      ps.setLong(1, oid);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          actual.add(new Column(rs.getString(1), rs.getString(2), rs.getBoolean(3), rs.getBoolean(4),
              rs.getString(5)));
        }
      }
    }
    List<Column> expected = new ArrayList<>();
    for (AttributeSnapshot a : t.attributes()) {
      boolean identity = a.type().equals("identity");
      expected.add(new Column(a.source(), expectedType(a), !a.allowNil() || a.primaryKey(),
          a.defaultValue() != null || a.type().endsWith("serial"), identity ? "d" : ""));
    }
    assertThat(sortByName(actual)).as("columns of %s", where).isEqualTo(sortByName(expected));

    // indexes: names and uniqueness
    Map<String, Boolean> indexes = new TreeMap<>();
    try (PreparedStatement ps = c.prepareStatement("SELECT ic.relname, i.indisunique FROM pg_index i"
        + " JOIN pg_class ic ON ic.oid = i.indexrelid WHERE i.indrelid = ?")) {
      ps.setLong(1, oid);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          indexes.put(rs.getString(1), rs.getBoolean(2));
        }
      }
    }
    Map<String, Boolean> expectedIndexes = new TreeMap<>();
    if (!t.primaryKey().isEmpty()) {
      expectedIndexes.put(t.table() + "_pkey", true);
    }
    for (IdentitySnapshot i : t.identities()) {
      expectedIndexes.put(i.indexName(), true);
    }
    for (CustomIndexSnapshot i : t.customIndexes()) {
      expectedIndexes.put(i.resolvedName(t.table()), i.unique());
    }
    for (AttributeSnapshot a : t.attributes()) {
      if (IndexDefinitions.hasReferenceIndex(a)) {
        expectedIndexes.put(IndexDefinitions.referenceIndexName(t.table(), t, a), false);
      }
    }
    assertThat(indexes).as("indexes of %s", where).isEqualTo(expectedIndexes);

    // constraints: primary key, foreign keys (with deferrability), checks
    Map<String, String> constraints = new TreeMap<>();
    try (PreparedStatement ps = c.prepareStatement("SELECT conname, contype::text, condeferrable, condeferred"
        + " FROM pg_constraint WHERE conrelid = ? AND contype IN ('p', 'f', 'c', 'u')")) {
      ps.setLong(1, oid);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          String kind = rs.getString(2);
          if (kind.equals("f")) {
            kind += rs.getBoolean(4) ? ":deferred" : rs.getBoolean(3) ? ":immediate" : "";
          }
          constraints.put(rs.getString(1), kind);
        }
      }
    }
    Map<String, String> expectedConstraints = new TreeMap<>();
    if (!t.primaryKey().isEmpty()) {
      expectedConstraints.put(t.table() + "_pkey", "p");
    }
    for (AttributeSnapshot a : t.attributes()) {
      if (a.references() != null) {
        Deferrable d = a.references().deferrable();
        expectedConstraints.put(a.references().name(),
            "f" + (d == Deferrable.DEFERRED ? ":deferred" : d == Deferrable.IMMEDIATE ? ":immediate" : ""));
      }
    }
    for (CheckConstraintSnapshot ch : t.checkConstraints()) {
      if (ch.check() != null) {
        expectedConstraints.put(ch.name(), "c");
      }
    }
    assertThat(constraints).as("constraints of %s", where).isEqualTo(expectedConstraints);
  }

  static Long oid(Connection c, String schema, String table) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("SELECT cl.oid FROM pg_class cl JOIN pg_namespace n"
        + " ON n.oid = cl.relnamespace WHERE n.nspname = ? AND cl.relname = ? AND cl.relkind IN ('r', 'p')")) {
      ps.setString(1, schema);
      ps.setString(2, table);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? rs.getLong(1) : null;
      }
    }
  }

  /** User tables of the database as {@code schema.table}. */
  static TreeSet<String> tables(Connection c) throws SQLException {
    TreeSet<String> out = new TreeSet<>();
    try (PreparedStatement ps = c.prepareStatement("SELECT schemaname || '.' || tablename FROM pg_tables"
        + " WHERE schemaname NOT IN ('pg_catalog', 'information_schema')");
         ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        out.add(rs.getString(1));
      }
    }
    return out;
  }

  private static List<Column> sortByName(List<Column> cols) {
    return cols.stream().sorted(java.util.Comparator.comparing(Column::name)).toList();
  }

  /** The type as {@code format_type} prints it. */
  static String expectedType(AttributeSnapshot a) {
    String t = a.type();
    String array = "";
    int bracket = t.indexOf('[');
    if (bracket >= 0) {
      array = t.substring(bracket);
      t = t.substring(0, bracket);
    }
    String base = switch (t) {
      case "identity", "bigserial", "bigint", "int8" -> "bigint";
      case "serial", "integer", "int", "int4" -> "integer";
      case "float8", "float", "double precision" -> "double precision";
      case "bool", "boolean" -> "boolean";
      case "timestamp" -> "timestamp without time zone";
      case "timestamp(0)" -> "timestamp(0) without time zone";
      case "timestamptz" -> "timestamp with time zone";
      case "time(0)" -> "time(0) without time zone";
      case "numeric", "decimal" -> a.precision() == null ? "numeric"
          : "numeric(" + a.precision() + "," + (a.scale() == null ? 0 : a.scale()) + ")";
      case "varchar" -> a.size() == null ? "character varying" : "character varying(" + a.size() + ")";
      default -> t;
    };
    return base + array;
  }
}
