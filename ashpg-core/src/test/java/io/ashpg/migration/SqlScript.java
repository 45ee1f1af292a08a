package io.ashpg.migration;

import java.util.ArrayList;
import java.util.List;

/**
 * Test-only reading of migration files: the up/down sections and a statement splitter that understands
 * quotes, dollar quotes and comments. (The real parser belongs to the migrator.)
 */
public final class SqlScript {

  public final boolean noTransaction;
  public final String up;
  public final String down;

  private SqlScript(boolean noTransaction, String up, String down) {
    this.noTransaction = noTransaction;
    this.up = up;
    this.down = down;
  }

  public static SqlScript parse(String text) {
    int u = text.indexOf("-- ashpg:up\n");
    int d = text.indexOf("-- ashpg:down\n");
    if (u < 0 || d < u) {
      throw new IllegalArgumentException("no up/down sections in:\n" + text);
    }
    return new SqlScript(text.substring(0, u).contains("-- ashpg:no-transaction"),
        text.substring(u + "-- ashpg:up\n".length(), d), text.substring(d + "-- ashpg:down\n".length()));
  }

  /** Statements of {@code sql}, without comments-only statements. */
  public static List<String> split(String sql) {
    List<String> out = new ArrayList<>();
    StringBuilder cur = new StringBuilder();
    int i = 0;
    int n = sql.length();
    while (i < n) {
      char c = sql.charAt(i);
      if (c == '-' && i + 1 < n && sql.charAt(i + 1) == '-') {
        int e = sql.indexOf('\n', i);
        i = e < 0 ? n : e + 1;
        cur.append('\n');
      } else if (c == '/' && i + 1 < n && sql.charAt(i + 1) == '*') {
        int e = sql.indexOf("*/", i + 2);
        i = e < 0 ? n : e + 2;
        cur.append(' ');
      } else if (c == '\'' || c == '"') {
        int e = i + 1;
        while (e < n) {
          if (sql.charAt(e) == c) {
            if (e + 1 < n && sql.charAt(e + 1) == c) {
              e += 2;
              continue;
            }
            break;
          }
          e++;
        }
        cur.append(sql, i, Math.min(e + 1, n));
        i = e + 1;
      } else if (c == '$') {
        int e = i + 1;
        while (e < n && (Character.isLetterOrDigit(sql.charAt(e)) || sql.charAt(e) == '_')) {
          e++;
        }
        if (e < n && sql.charAt(e) == '$') {
          String tag = sql.substring(i, e + 1);
          int close = sql.indexOf(tag, e + 1);
          int end = close < 0 ? n : close + tag.length();
          cur.append(sql, i, end);
          i = end;
        } else {
          cur.append(c);
          i++;
        }
      } else if (c == ';') {
        add(out, cur);
        cur.setLength(0);
        i++;
      } else {
        cur.append(c);
        i++;
      }
    }
    add(out, cur);
    return out;
  }

  private static void add(List<String> out, StringBuilder cur) {
    String s = cur.toString().strip();
    if (!s.isEmpty()) {
      out.add(s);
    }
  }
}
