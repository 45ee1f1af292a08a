package io.ashpg.migration.safety;

import static org.assertj.core.api.Assertions.assertThat;

import io.ashpg.testing.TestDatabase;
import io.ashpg.testing.WithPostgres;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@link DefaultVolatility} against PostgreSQL: what it calls volatile adds a column by rewriting the table (a new
 * file node), what it calls non-volatile stores the default in the catalog (the same file), and the functions it
 * names agree with {@code pg_proc.provolatile}.
 */
@WithPostgres
class DefaultVolatilityTest {

  private final TestDatabase db;

  DefaultVolatilityTest(TestDatabase db) {
    this.db = db;
  }

  @Test
  void theVerdictMatchesWhetherAddingTheColumnRewritesTheTable() throws SQLException {
    List<String[]> defaults = List.of(
        new String[] {"float8", "random()"},
        new String[] {"uuid", "gen_random_uuid()"},
        new String[] {"timestamptz", "clock_timestamp()"},
        new String[] {"timestamptz", "now()"},
        new String[] {"timestamptz", "(now() AT TIME ZONE 'utc')"},
        new String[] {"text", "'random()'"},
        new String[] {"numeric(10,2)", "'1.5'::numeric(10,2)"},
        new String[] {"date", "CURRENT_DATE"},
        new String[] {"text", "lower('ABC')"});
    try (Connection c = db.connect(); Statement st = c.createStatement()) {
      st.execute("CREATE TABLE vol (id int); INSERT INTO vol SELECT g FROM generate_series(1, 50) g");
      int i = 0;
      for (String[] d : defaults) {
        long before = filenode(c);
        st.execute("ALTER TABLE vol ADD COLUMN c" + i++ + " " + d[0] + " DEFAULT " + d[1]);
        boolean rewrote = filenode(c) != before;
        assertThat(DefaultVolatility.isVolatile(d[1])).as(d[1]).isEqualTo(rewrote);
      }
    }
  }

  @Test
  void namedFunctionsAgreeWithPgProc() throws SQLException {
    try (Connection c = db.connect(); PreparedStatement ps = c.prepareStatement(
        "SELECT bool_and(provolatile = 'v') FROM pg_proc WHERE proname = ?")) {
      for (String f : List.of("random", "gen_random_uuid", "clock_timestamp", "timeofday", "nextval")) {
        ps.setString(1, f);
        try (ResultSet rs = ps.executeQuery()) {
          rs.next();
          assertThat(rs.getBoolean(1)).as(f + " is volatile").isTrue();
          assertThat(DefaultVolatility.isVolatile(f + "()")).isTrue();
        }
      }
      for (String f : List.of("now", "statement_timestamp", "transaction_timestamp", "lower", "upper", "coalesce")) {
        ps.setString(1, f);
        try (ResultSet rs = ps.executeQuery()) {
          rs.next();
          // coalesce is syntax, not a pg_proc entry: null there
          assertThat(rs.getObject(1) == null || !rs.getBoolean(1)).as(f + " is not volatile").isTrue();
          assertThat(DefaultVolatility.isVolatile(f + "(x)")).isFalse();
        }
      }
    }
  }

  private static long filenode(Connection c) throws SQLException {
    try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT pg_relation_filenode('vol')")) {
      rs.next();
      return rs.getLong(1);
    }
  }
}
