package io.ashpg.migration.ddl;

import static org.assertj.core.api.Assertions.assertThat;

import io.ashpg.migration.ddl.TypeCasts.Cast;
import io.ashpg.sql.Identifier;
import io.ashpg.testing.TestDatabase;
import io.ashpg.testing.WithPostgres;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@link TypeCasts} against PostgreSQL itself: for every ordered pair of a wide set of column types, on an empty
 * table, a plain {@code ALTER COLUMN … TYPE} applies exactly when the table says implicit, assignment or binary; with
 * {@code USING "v"::t} exactly when it says explicit; neither when it says none. And the table's file is replaced
 * (a rewrite) exactly when {@link TypeCasts#rewritesTable} says so.
 */
@WithPostgres
class TypeCastsCatalogTest {

  /** Column types as a snapshot or a user would write them; {@code mood} is an enum created here. */
  private static final List<String> TYPES = List.of("text", "varchar(20)", "varchar(40)", "varchar", "char(3)",
      "smallint", "integer", "bigint", "numeric", "numeric(10,2)", "numeric(12,2)", "numeric(10,3)", "real",
      "double precision", "boolean", "uuid", "date", "timestamp(0)", "timestamp", "timestamptz", "time(0)", "time",
      "timetz", "interval", "json", "jsonb", "bytea", "inet", "cidr", "text[]", "varchar(5)[]", "varchar(10)[]", "bigint[]",
      "integer[]", "boolean[]", "mood", "mood[]");

  private final TestDatabase db;

  TypeCastsCatalogTest(TestDatabase db) {
    this.db = db;
  }

  @Test
  void everyPairBehavesAsTheTableSays() throws SQLException {
    List<String> wrong = new ArrayList<>();
    int pairs = 0;
    try (Connection conn = db.connect()) {
      conn.setAutoCommit(true);
      exec(conn, "DROP TYPE IF EXISTS mood CASCADE");
      exec(conn, "CREATE TYPE mood AS ENUM ('sad', 'happy')");
      // timestamp <-> timestamptz converts in place when the session's zone is UTC (PostgreSQL 12+); TypeCasts does
      // not know the session it runs in, so it says "rewrites", which is true in any other zone
      exec(conn, "SET TimeZone = 'Europe/Berlin'");
      for (String from : TYPES) {
        for (String to : TYPES) {
          if (TypeCasts.parse(from).equals(TypeCasts.parse(to))) {
            continue;
          }
          pairs++;
          Cast said = TypeCasts.cast(TypeCasts.parse(from), TypeCasts.parse(to));
          Outcome plain = alter(conn, from, to, "");
          Outcome using = alter(conn, from, to, " USING \"v\"::" + to);
          Cast seen = plain.applied() ? (plain.rewrote() ? Cast.ASSIGNMENT : Cast.BINARY)
              : using.applied() ? Cast.EXPLICIT : Cast.NONE;
          boolean agrees = switch (said) {
            case BINARY -> seen == Cast.BINARY;
            case IMPLICIT, ASSIGNMENT -> seen == Cast.ASSIGNMENT;
            default -> seen == said;
          };
          if (!agrees) {
            wrong.add(from + " -> " + to + ": TypeCasts says " + said + ", PostgreSQL " + seen + " (" + plain.error()
                + " / " + using.error() + ")");
          }
        }
      }
    }
    assertThat(pairs).isGreaterThan(1000);
    assertThat(wrong).as("pairs where the cast table and PostgreSQL disagree").isEmpty();
  }

  /** What an ALTER did on an empty table with one column of type {@code from}. */
  private record Outcome(boolean applied, boolean rewrote, String error) {
  }

  private static Outcome alter(Connection conn, String from, String to, String using) throws SQLException {
    exec(conn, "DROP TABLE IF EXISTS cast_probe");
    exec(conn, "CREATE TABLE cast_probe (v " + from + ")");
    long before = filenode(conn);
    try (Statement s = conn.createStatement()) {
      s.execute("ALTER TABLE cast_probe ALTER COLUMN " + Identifier.quote("v") + " TYPE " + to + using);
    } catch (SQLException e) {
      return new Outcome(false, false, e.getSQLState() + " " + e.getMessage().lines().findFirst().orElse(""));
    }
    return new Outcome(true, filenode(conn) != before, "");
  }

  private static long filenode(Connection conn) throws SQLException {
    try (Statement s = conn.createStatement();
         ResultSet rs = s.executeQuery("SELECT pg_relation_filenode('cast_probe')")) {
      rs.next();
      return rs.getLong(1);
    }
  }

  private static void exec(Connection conn, String sql) throws SQLException {
    try (Statement s = conn.createStatement()) {
      s.execute(sql);
    }
  }
}
