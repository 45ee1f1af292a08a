package io.ashpg.migration;

import static io.ashpg.migration.Snap.table;
import static io.ashpg.migration.Snap.uuidPk;
import static org.assertj.core.api.Assertions.assertThat;

import io.ashpg.migration.ddl.MigrationFile;
import io.ashpg.migration.ddl.MigrationWriter;
import io.ashpg.migration.ddl.RenderContext;
import io.ashpg.migration.diff.Differ;
import io.ashpg.migration.diff.NeverRename;
import io.ashpg.migration.diff.OperationGraph;
import io.ashpg.migration.snapshot.AttributeSnapshot;
import io.ashpg.migration.snapshot.TableSnapshot;
import io.ashpg.testing.TestDatabase;
import io.ashpg.testing.WithPostgres;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every change between a plain integer column (with and without a default), a serial column and an identity column,
 * on a table that already has rows: up and down must apply, leave the column exactly as declared (type, default,
 * owned sequence or identity, no stray sequence), and a generated column must hand out values past the existing
 * rows.
 */
@WithPostgres
class GeneratedColumnChangesTest {

  private final TestDatabase db;

  GeneratedColumnChangesTest(TestDatabase db) {
    this.db = db;
  }

  /** Column kinds, as the snapshot writes them. */
  enum Kind {
    BIGINT("bigint", null), BIGINT_DEFAULT("bigint", "7"), BIGSERIAL("bigserial", null), IDENTITY("identity", null),
    INTEGER("integer", null), SERIAL("serial", null);

    final String type;
    final String dflt;

    Kind(String type, String dflt) {
      this.type = type;
      this.dflt = dflt;
    }

    boolean generated() {
      return this == BIGSERIAL || this == IDENTITY || this == SERIAL;
    }

    String storage() {
      return this == INTEGER || this == SERIAL ? "integer" : "bigint";
    }

    AttributeSnapshot column() {
      return new AttributeSnapshot("n", type, null, null, null, dflt, false, generated(), false, null);
    }
  }

  static Stream<Arguments> pairs() {
    List<Arguments> out = new ArrayList<>();
    for (Kind from : Kind.values()) {
      for (Kind to : Kind.values()) {
        if (from != to) {
          out.add(Arguments.of(from, to));
        }
      }
    }
    return out.stream();
  }

  private static TableSnapshot counters(Kind kind) {
    return table("counters", uuidPk("id"), kind.column());
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @MethodSource("pairs")
  void upAndDownLeaveTheColumnAsDeclared(Kind from, Kind to) throws SQLException {
    List<MigrationFile> files = new MigrationWriter(RenderContext.GLOBAL).write(OperationGraph.order(
        new Differ(false).diff(Snap.set(counters(from)), Snap.set(counters(to)), NeverRename.INSTANCE)),
        "change", GoldenCases.fixedClock());
    try (Connection conn = db.connect()) {
      GoldenRoundTripTest.reset(conn);
      GoldenRoundTripTest.apply(conn, GoldenRoundTripTest.create(List.of(counters(from)), RenderContext.GLOBAL), true);
      GoldenRoundTripTest.exec(conn, "INSERT INTO counters (n) VALUES (1), (2), (30)");
      assertColumn(conn, from, "before");

      GoldenRoundTripTest.apply(conn, files, true);
      assertColumn(conn, to, "after up");
      insertWithoutValue(conn, to, "after up");

      GoldenRoundTripTest.apply(conn, reversed(files), false);
      assertColumn(conn, from, "after down");
      insertWithoutValue(conn, from, "after down");
    }
  }

  @ParameterizedTest(name = "{0}.{1}")
  @org.junit.jupiter.params.provider.CsvSource({
      "counters, n",
      "a_table_name_that_is_long_enough_to_need_shortening_xxxxxxxxxxx, id",
      "t, a_column_name_that_is_long_enough_to_need_shortening_xxxxxxxxxx",
      "tabelle_mit_überlangen_ümlauten_äöü_äöü_äöü_äöü, spalte_mit_ümlauten_äöü_äöü"})
  void serialSequenceNamesAreTheOnesPostgresChooses(String table, String column) throws SQLException {
    try (Connection conn = db.connect()) {
      GoldenRoundTripTest.reset(conn);
      GoldenRoundTripTest.exec(conn, "CREATE TABLE " + io.ashpg.sql.Identifier.quote(table) + " ("
          + io.ashpg.sql.Identifier.quote(column) + " bigserial)");
      try (PreparedStatement ps = conn.prepareStatement("SELECT c.relname FROM pg_class c WHERE c.relkind = 'S'");
           ResultSet rs = ps.executeQuery()) {
        assertThat(rs.next()).isTrue();
        assertThat(io.ashpg.resource.Names.serialSequence(table, column)).isEqualTo(rs.getString(1));
      }
    }
  }

  private static List<MigrationFile> reversed(List<MigrationFile> files) {
    List<MigrationFile> out = new ArrayList<>(files);
    java.util.Collections.reverse(out);
    return out;
  }

  /** A generated column gives the next row a value past every existing one; a default gives its value. */
  private static void insertWithoutValue(Connection conn, Kind kind, String when) throws SQLException {
    if (!kind.generated() && kind.dflt == null) {
      return;
    }
    long max = queryLong(conn, "SELECT max(n) FROM counters");
    long inserted = queryLong(conn, "INSERT INTO counters DEFAULT VALUES RETURNING n");
    if (kind.generated()) {
      assertThat(inserted).as("%s: value generated for %s", when, kind).isEqualTo(max + 1);
    } else {
      assertThat(inserted).as("%s: default of %s", when, kind).isEqualTo(7);
      GoldenRoundTripTest.exec(conn, "DELETE FROM counters WHERE n = 7");
    }
  }

  private static void assertColumn(Connection conn, Kind kind, String when) throws SQLException {
    try (PreparedStatement ps = conn.prepareStatement("SELECT format_type(a.atttypid, a.atttypmod), a.attnotnull,"
        + " a.attidentity, pg_get_expr(d.adbin, d.adrelid), pg_get_serial_sequence('counters', 'n'),"
        + " (SELECT count(*) FROM pg_class c WHERE c.relkind = 'S'),"
        + " 'nextval(' || quote_literal(pg_get_serial_sequence('counters', 'n')::regclass::text) || '::regclass)'"
        + " FROM pg_attribute a LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum"
        + " WHERE a.attrelid = 'counters'::regclass AND a.attname = 'n'");
         ResultSet rs = ps.executeQuery()) {
      assertThat(rs.next()).isTrue();
      String describe = when + ", column " + kind + ": type " + rs.getString(1) + ", identity '" + rs.getString(3)
          + "', default " + rs.getString(4) + ", sequence " + rs.getString(5) + ", sequences " + rs.getLong(6);
      assertThat(rs.getString(1)).as(describe).isEqualTo(kind.storage());
      assertThat(rs.getBoolean(2)).as(describe).isTrue();
      assertThat(rs.getString(3)).as(describe).isEqualTo(kind == Kind.IDENTITY ? "d" : "");
      String dflt = rs.getString(4);
      String sequence = rs.getString(5);
      switch (kind) {
        case BIGSERIAL, SERIAL -> {
          assertThat(sequence).as(describe).isNotNull();
          assertThat(dflt).as(describe).isEqualTo(rs.getString(7));
        }
        case IDENTITY -> {
          assertThat(sequence).as(describe).isNotNull();
          assertThat(dflt).as(describe).isNull();
        }
        default -> {
          assertThat(sequence).as(describe).isNull();
          assertThat(dflt).as(describe).isEqualTo(kind.dflt);
        }
      }
      assertThat(rs.getLong(6)).as(describe + ": sequences in the database").isEqualTo(kind.generated() ? 1 : 0);
    }
  }

  private static long queryLong(Connection conn, String sql) throws SQLException {
    try (PreparedStatement ps = conn.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
      rs.next();
      return rs.getLong(1);
    }
  }
}
