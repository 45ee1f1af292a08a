package io.ashpg.data;

import io.ashpg.sql.Sql;
import io.ashpg.sql.SqlArray;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.List;

/** Binding and executing rendered {@link Sql} on a connection. */
final class Jdbc {
  private static final System.Logger LOG = System.getLogger(DataLayer.class.getName());

  private Jdbc() {}

  /**
   * A parameter sent as untyped text: the server reads it with the input function of the type the statement casts
   * the placeholder to (e.g. {@code ?::uuid[]}), with no type lookup or re-encoding by the driver.
   */
  record UntypedText(String text) {
    @Override
    public String toString() {
      return text.length() <= 100 ? text : text.substring(0, 100) + "… (" + text.length() + " chars)";
    }
  }

  static void bind(Connection c, PreparedStatement ps, List<Object> binds) throws SQLException {
    for (int i = 0; i < binds.size(); i++) {
      Object v = binds.get(i);
      int p = i + 1;
      if (v == null) {
        // Unspecified type: PostgreSQL infers it from the context (column, operator).
        ps.setNull(p, Types.NULL);
      } else if (v instanceof SqlArray a) {
        ps.setArray(p, c.createArrayOf(a.elementType(), a.elements()));
      } else if (v instanceof UntypedText t) {
        ps.setObject(p, t.text(), Types.OTHER);
      } else if (v instanceof byte[] bytes) {
        ps.setBytes(p, bytes);
      } else {
        ps.setObject(p, v);
      }
    }
  }

  static List<Row> query(Connection c, Sql sql, Columns columns) throws SQLException {
    return query(c, sql, columns::readAll);
  }

  /** Runs a query and hands its result set to {@code reader}. */
  static <T> T query(Connection c, Sql sql, Reader<T> reader) throws SQLException {
    log(sql);
    try (PreparedStatement ps = c.prepareStatement(sql.text())) {
      bind(c, ps, sql.binds());
      try (ResultSet rs = ps.executeQuery()) {
        return reader.read(rs);
      }
    }
  }

  /** Reads a whole result set. */
  @FunctionalInterface
  interface Reader<T> {
    T read(ResultSet rs) throws SQLException;
  }

  static int update(Connection c, Sql sql) throws SQLException {
    log(sql);
    try (PreparedStatement ps = c.prepareStatement(sql.text())) {
      bind(c, ps, sql.binds());
      return ps.executeUpdate();
    }
  }

  static long queryLong(Connection c, Sql sql) throws SQLException {
    return query(c, sql, rs -> {
      rs.next();
      return rs.getLong(1);
    });
  }

  static void log(Sql sql) {
    // Only the text: bind values may be personal data.
    if (LOG.isLoggable(System.Logger.Level.DEBUG)) {
      LOG.log(System.Logger.Level.DEBUG, "{0} ({1} binds)", sql.text(), sql.binds().size());
    }
  }
}
