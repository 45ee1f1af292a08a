package io.ashpg.data;

import io.ashpg.sql.Sql;
import io.ashpg.sql.SqlArray;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.List;

/** Binding rendered {@link Sql} to a statement (run through {@link Statements}). */
final class Jdbc {
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

  /** Reads a whole result set. */
  @FunctionalInterface
  interface Reader<T> {
    T read(ResultSet rs) throws SQLException;
  }
}
