package io.ashpg.migration.run;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a PostgreSQL script into statements at top-level semicolons.
 *
 * <p>A semicolon does not end a statement inside a single-quoted string (with doubled quotes, and backslash
 * escapes in {@code E'...'} strings), a double-quoted identifier, a dollar-quoted body ({@code $$ ... $$},
 * {@code $tag$ ... $tag$}), a {@code --} line comment or a (nested) {@code /* *}{@code /} block comment. Statements
 * keep their comments; a piece that holds nothing but comments and white space is dropped.
 *
 * <p>Not understood: SQL-standard function bodies ({@code BEGIN ATOMIC ... END}, PostgreSQL 14+), whose inner
 * semicolons are top-level; write such functions with a dollar-quoted body instead. Strings are read with
 * {@code standard_conforming_strings = on} (PostgreSQL's default since 9.1).
 */
public final class StatementSplitter {

  private StatementSplitter() {
  }

  /** A script that cannot be split: an unterminated quote, dollar quote or block comment. */
  public static final class SplitException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;
    private final int line;

    SplitException(String message, int line) {
      super(message + " (starting at line " + line + ")");
      this.line = line;
    }

    /** 1-based line where the unterminated construct starts. */
    public int line() {
      return line;
    }
  }

  /**
   * The statements of {@code sql}, trimmed, without the separating semicolons.
   *
   * @param firstLine line number of the first character of {@code sql} in its file, for error messages
   * @throws SplitException when a quote, dollar quote or comment is not closed
   */
  public static List<String> split(String sql, int firstLine) {
    return pieces(sql, firstLine).stream().map(Piece::text).toList();
  }

  /**
   * One statement of a script and where it starts.
   *
   * @param text the statement, trimmed, with its comments, without the separating semicolon
   * @param line 1-based line of its first character that is not a comment or white space
   */
  public record Piece(String text, int line) {
  }

  /**
   * The statements of {@code sql} with the line each starts on (its first code, after any leading comments).
   *
   * @param firstLine line number of the first character of {@code sql} in its file
   * @throws SplitException when a quote, dollar quote or comment is not closed
   */
  public static List<Piece> pieces(String sql, int firstLine) {
    List<Piece> statements = new ArrayList<>();
    int codeLine = firstLine;
    int n = sql.length();
    int start = 0;
    int line = firstLine;
    boolean hasCode = false; // the current piece holds something besides comments and blanks
    int i = 0;
    while (i < n) {
      char c = sql.charAt(i);
      if (c == '\n') {
        line++;
        i++;
      } else if (c == ';') {
        if (hasCode) {
          statements.add(new Piece(sql.substring(start, i).trim(), codeLine));
        }
        hasCode = false;
        start = i + 1;
        i++;
      } else if (c == '-' && i + 1 < n && sql.charAt(i + 1) == '-') {
        while (i < n && sql.charAt(i) != '\n') {
          i++;
        }
      } else if (c == '/' && i + 1 < n && sql.charAt(i + 1) == '*') {
        int startLine = line;
        int depth = 1;
        i += 2;
        while (depth > 0) {
          if (i >= n) {
            throw new SplitException("unterminated /* block comment", startLine);
          }
          char d = sql.charAt(i);
          if (d == '\n') {
            line++;
          }
          if (d == '/' && i + 1 < n && sql.charAt(i + 1) == '*') {
            depth++;
            i += 2;
          } else if (d == '*' && i + 1 < n && sql.charAt(i + 1) == '/') {
            depth--;
            i += 2;
          } else {
            i++;
          }
        }
      } else if (c == '\'' || c == '"') {
        // strings and quoted identifiers: the quote doubled is the quote itself; E'' strings also take \ escapes
        boolean escapes = c == '\'' && i > 0 && (sql.charAt(i - 1) == 'E' || sql.charAt(i - 1) == 'e')
            && (i < 2 || !isIdentifierChar(sql.charAt(i - 2)));
        String what = c == '\'' ? "' string" : "\" identifier";
        int startLine = line;
        codeLine = hasCode ? codeLine : line;
        i++;
        while (true) {
          if (i >= n) {
            throw new SplitException("unterminated " + what, startLine);
          }
          char d = sql.charAt(i);
          if (d == '\n') {
            line++;
          }
          if (escapes && d == '\\') {
            if (i + 1 < n && sql.charAt(i + 1) == '\n') {
              line++;
            }
            i += 2;
          } else if (d == c) {
            if (i + 1 < n && sql.charAt(i + 1) == c) {
              i += 2;
            } else {
              i++;
              break;
            }
          } else {
            i++;
          }
        }
        hasCode = true;
      } else if (c == '$' && (i == 0 || !isIdentifierChar(sql.charAt(i - 1))) && dollarTagEnd(sql, i) > 0) {
        int tagEnd = dollarTagEnd(sql, i);
        codeLine = hasCode ? codeLine : line;
        String tag = sql.substring(i, tagEnd);
        int close = sql.indexOf(tag, tagEnd);
        if (close < 0) {
          throw new SplitException("unterminated dollar quote " + tag, line);
        }
        line += countNewlines(sql, i, close + tag.length());
        i = close + tag.length();
        hasCode = true;
      } else {
        if (!Character.isWhitespace(c)) {
          codeLine = hasCode ? codeLine : line;
          hasCode = true;
        }
        i++;
      }
    }
    if (hasCode) {
      statements.add(new Piece(sql.substring(start).trim(), codeLine));
    }
    return List.copyOf(statements);
  }

  /** {@link #split(String, int)} for a script starting at line 1. */
  public static List<String> split(String sql) {
    return split(sql, 1);
  }

  /** End (exclusive) of a dollar-quote opener {@code $tag$} at {@code i}, or -1 when there is none. */
  private static int dollarTagEnd(String sql, int i) {
    int j = i + 1;
    int n = sql.length();
    if (j < n && sql.charAt(j) == '$') {
      return j + 1;
    }
    if (j >= n || !(Character.isLetter(sql.charAt(j)) || sql.charAt(j) == '_')) {
      return -1; // "$1" is a parameter, not a quote
    }
    while (j < n && (Character.isLetterOrDigit(sql.charAt(j)) || sql.charAt(j) == '_')) {
      j++;
    }
    return j < n && sql.charAt(j) == '$' ? j + 1 : -1;
  }

  private static boolean isIdentifierChar(char c) {
    return Character.isLetterOrDigit(c) || c == '_' || c == '$';
  }

  private static int countNewlines(String s, int from, int to) {
    int count = 0;
    for (int k = from; k < to; k++) {
      if (s.charAt(k) == '\n') {
        count++;
      }
    }
    return count;
  }
}
