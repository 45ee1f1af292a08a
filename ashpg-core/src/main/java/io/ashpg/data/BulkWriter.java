package io.ashpg.data;

import io.ashpg.resource.Attribute;
import io.ashpg.resource.Type;
import io.ashpg.sql.PgTypes;
import io.ashpg.sql.Sql;
import io.ashpg.sql.SqlBuilder;
import io.ashpg.sql.SqlValues;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * The three bulk insert paths. Rows arrive complete (defaults applied) and already converted to JDBC values, one
 * {@code Object[]} per row in column order.
 */
final class BulkWriter {
  /** PostgreSQL's limit on bind parameters per statement (the protocol counts them in 16 bits). */
  static final int MAX_BINDS = 65_535;
  private static final int COPY_CHUNK = 64 * 1024;
  /** Most characters an unnest array builder is sized for up front. */
  private static final long MAX_PRESIZE = 1 << 24;

  private BulkWriter() {}

  /**
   * {@code INSERT … SELECT unnest(?::t1[]), unnest(?::t2[]), …}: the text does not depend on the batch size. The
   * unnests sit in the select list rather than in FROM: a FROM-clause function scan first materialises its rows,
   * which measured 9–13 ms more backend CPU for 10,000 rows of 5 columns (e.g. 108 vs 96 ms). Each array is sent as
   * one literal built straight from the values, without a String per element.
   */
  static Sql unnest(Model m, List<Attribute> columns, List<Object[]> rows, Upsert upsert, Columns returning) {
    int n = columns.size();
    StringBuilder[] arrays = new StringBuilder[n];
    for (int c = 0; c < n; c++) {
      arrays[c] = new StringBuilder(64).append('{');
    }
    // row by row: each row's values are read once, while in cache
    for (int r = 0; r < rows.size(); r++) {
      Object[] row = rows.get(r);
      for (int c = 0; c < n; c++) {
        if (r > 0) {
          arrays[c].append(',');
        }
        SqlValues.appendArrayElement(arrays[c], row[c]);
        if (r == 0) {
          // sized from the first element, so that the builder rarely grows (each growth copies it); capped, as a
          // long first value says little about the rest
          arrays[c].ensureCapacity((int) Math.min(MAX_PRESIZE, (long) arrays[c].length() * rows.size() * 5 / 4));
        }
      }
    }
    SqlBuilder b = new SqlBuilder();
    WriteRenderer.insertHead(b, m, columns);
    b.append(" SELECT ");
    for (int c = 0; c < n; c++) {
      if (c > 0) {
        b.append(", ");
      }
      b.append("unnest(");
      b.bind(new Jdbc.UntypedText(arrays[c].append('}').toString()), elementType(m, columns.get(c)) + "[]");
      b.append(')');
    }
    WriteRenderer.onConflict(b, m, upsert);
    if (upsert != null) {
      WriteRenderer.returningWithOutcome(b, m, returning);
    } else {
      WriteRenderer.returning(b, m, returning);
    }
    return b.build();
  }

  /**
   * Most rows per multi-row VALUES statement: beyond about a thousand rows the server's parse and plan of the long
   * statement cost more than the round trips saved (measured: 10,000 rows of 5 columns per statement took ~1.2× the
   * CPU of 1,000).
   */
  static final int MAX_VALUES_ROWS = 1000;

  /** Rows per multi-row VALUES statement: the batch size, capped by {@link #MAX_VALUES_ROWS} and the bind limit. */
  static int valuesRowsPerStatement(int batchSize, int columns) {
    return Math.max(1, Math.min(Math.min(batchSize, MAX_VALUES_ROWS), MAX_BINDS / Math.max(1, columns)));
  }

  /** {@code INSERT … VALUES (?, …), (?, …)}. */
  static Sql values(Model m, List<Attribute> columns, List<Object[]> rows, Upsert upsert, Columns returning) {
    SqlBuilder b = new SqlBuilder();
    WriteRenderer.insertHead(b, m, columns);
    b.append(" VALUES ");
    String[] casts = new String[columns.size()];
    for (int c = 0; c < casts.length; c++) {
      casts[c] = m.castFor(columns.get(c));
    }
    for (int r = 0; r < rows.size(); r++) {
      b.append(r == 0 ? "(" : ", (");
      Object[] row = rows.get(r);
      for (int c = 0; c < row.length; c++) {
        if (c > 0) {
          b.append(", ");
        }
        b.bind(row[c], casts[c]);
      }
      b.append(')');
    }
    WriteRenderer.onConflict(b, m, upsert);
    if (upsert != null) {
      WriteRenderer.returningWithOutcome(b, m, returning);
    } else {
      WriteRenderer.returning(b, m, returning);
    }
    return b.build();
  }

  /** {@code COPY "s"."t" (…) FROM STDIN} in text format; returns the number of rows copied. */
  static long copy(Statements st, Model m, List<Attribute> columns, List<Object[]> rows) throws SQLException {
    StringBuilder sql = new StringBuilder("COPY ").append(m.qualifiedTable).append(" (");
    for (int i = 0; i < columns.size(); i++) {
      if (i > 0) {
        sql.append(", ");
      }
      sql.append(m.column(columns.get(i).name()));
    }
    sql.append(") FROM STDIN");
    return st.copy(sql.toString(), () -> copyRows(st.connection(), sql.toString(), rows));
  }

  private static long copyRows(Connection c, String sql, List<Object[]> rows) throws SQLException {
    CopyIn in = c.unwrap(PGConnection.class).getCopyAPI().copyIn(sql);
    try {
      StringBuilder chunk = new StringBuilder(COPY_CHUNK + 1024);
      for (Object[] row : rows) {
        for (int i = 0; i < row.length; i++) {
          if (i > 0) {
            chunk.append('\t');
          }
          copyField(chunk, row[i]);
        }
        chunk.append('\n');
        if (chunk.length() >= COPY_CHUNK) {
          write(in, chunk);
        }
      }
      write(in, chunk);
      return in.endCopy();
    } finally {
      if (in.isActive()) {
        in.cancelCopy();
      }
    }
  }

  private static void write(CopyIn in, StringBuilder chunk) throws SQLException {
    if (chunk.length() > 0) {
      byte[] bytes = chunk.toString().getBytes(StandardCharsets.UTF_8);
      in.writeToCopy(bytes, 0, bytes.length);
      chunk.setLength(0);
    }
  }

  /** One field in COPY text format: {@code \N} for null, backslash escapes for the format's special characters. */
  private static void copyField(StringBuilder out, Object jdbcValue) {
    String text = SqlValues.pgText(jdbcValue);
    if (text == null) {
      out.append("\\N");
      return;
    }
    int n = text.length();
    int clean = 0;
    while (clean < n && !special(text.charAt(clean))) {
      clean++;
    }
    // most values need no escaping: one bulk append instead of one per character
    out.append(text, 0, clean);
    for (int i = clean; i < n; i++) {
      char ch = text.charAt(i);
      switch (ch) {
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> out.append(ch);
      }
    }
  }

  private static boolean special(char ch) {
    return ch == '\\' || ch == '\n' || ch == '\r' || ch == '\t';
  }

  /** The array element type for unnest: the storage type override or the attribute type without typmod. */
  private static String elementType(Model m, Attribute a) {
    String storage = m.resource.postgres().storageTypes().get(a.name());
    return storage != null ? PgTypes.base(PgTypes.validate(storage)) : PgTypes.base(a.type());
  }

  /** Whether unnest can carry the column (it would flatten array-valued columns). */
  static boolean unnestable(List<Attribute> columns) {
    return columns.stream().noneMatch(a -> a.type() instanceof Type.ArrayOf);
  }

  /** Splits {@code rows} into consecutive batches of at most {@code size}. */
  static List<List<Object[]>> batches(List<Object[]> rows, int size) {
    List<List<Object[]>> out = new ArrayList<>();
    for (int i = 0; i < rows.size(); i += size) {
      out.add(rows.subList(i, Math.min(rows.size(), i + size)));
    }
    return out;
  }
}
