package io.ashpg.sql;

import java.util.ArrayList;
import java.util.List;

/**
 * Scans hand-written SQL (fragments, {@code baseFilterSql}, identity wheres) the way pgjdbc's parser does, so that
 * question marks mean the same thing to ashpg and to the driver: a {@code ?} outside quotes and comments is a
 * placeholder, anything inside single quotes, double quotes, dollar quotes or comments is left alone.
 */
public final class RawSql {
  private RawSql() {}

  /** A piece of scanned SQL: literal text, or a placeholder position. */
  sealed interface Part permits Text, Placeholder {}

  /** Literal SQL, already escaped for pgjdbc ({@code ??} for a literal question mark outside quotes). */
  record Text(String sql) implements Part {}

  /** A {@code ?} placeholder. */
  record Placeholder() implements Part {}

  /**
   * Splits {@code sql} into text and placeholders. {@code \?} outside quotes is a literal question mark, emitted as
   * pgjdbc's escape {@code ??}.
   */
  static List<Part> parse(String sql) {
    List<Part> parts = new ArrayList<>();
    StringBuilder text = new StringBuilder(sql.length() + 8);
    int i = 0;
    int n = sql.length();
    while (i < n) {
      char c = sql.charAt(i);
      if (c == '\'' || c == '"') {
        int end = closingQuote(sql, i, c);
        text.append(sql, i, end);
        i = end;
      } else if (c == '-' && i + 1 < n && sql.charAt(i + 1) == '-') {
        int end = sql.indexOf('\n', i);
        end = end < 0 ? n : end + 1;
        text.append(sql, i, end);
        i = end;
      } else if (c == '/' && i + 1 < n && sql.charAt(i + 1) == '*') {
        int end = sql.indexOf("*/", i + 2);
        end = end < 0 ? n : end + 2;
        text.append(sql, i, end);
        i = end;
      } else if (c == '$' && dollarTag(sql, i) != null) {
        String tag = dollarTag(sql, i);
        int close = sql.indexOf(tag, i + tag.length());
        int end = close < 0 ? n : close + tag.length();
        text.append(sql, i, end);
        i = end;
      } else if (c == '\\' && i + 1 < n && sql.charAt(i + 1) == '?') {
        text.append("??");
        i += 2;
      } else if (c == '?') {
        if (i + 1 < n && sql.charAt(i + 1) == '?') {
          // Already pgjdbc's escape for a literal '?': keep it literal.
          text.append("??");
          i += 2;
        } else {
          if (text.length() > 0) {
            parts.add(new Text(text.toString()));
            text.setLength(0);
          }
          parts.add(new Placeholder());
          i++;
        }
      } else {
        text.append(c);
        i++;
      }
    }
    if (text.length() > 0) {
      parts.add(new Text(text.toString()));
    }
    return parts;
  }

  /**
   * {@code sql} made safe to embed in a prepared statement that takes no parameters of its own: every placeholder
   * becomes a literal question mark.
   *
   * @throws IllegalArgumentException naming {@code what} if the SQL contains a bare {@code ?}
   */
  public static String escapeLiteral(String sql, String what) {
    StringBuilder out = new StringBuilder(sql.length());
    for (Part part : parse(sql)) {
      if (part instanceof Text t) {
        out.append(t.sql());
      } else {
        throw new IllegalArgumentException(what + " contains a bare '?', which would be taken as a bind parameter; "
            + "write \\? (or ??) for a literal question mark: " + sql);
      }
    }
    return out.toString();
  }

  private static int closingQuote(String sql, int start, char quote) {
    int i = start + 1;
    while (i < sql.length()) {
      char c = sql.charAt(i);
      if (c == quote) {
        if (i + 1 < sql.length() && sql.charAt(i + 1) == quote) {
          i += 2;
          continue;
        }
        return i + 1;
      }
      i++;
    }
    return sql.length();
  }

  private static String dollarTag(String sql, int start) {
    int i = start + 1;
    while (i < sql.length()) {
      char c = sql.charAt(i);
      if (c == '$') {
        return sql.substring(start, i + 1);
      }
      if (!(Character.isLetterOrDigit(c) || c == '_') || (i == start + 1 && Character.isDigit(c))) {
        return null;
      }
      i++;
    }
    return null;
  }
}
