package io.ashpg.migration.safety;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The tokens of one SQL statement, enough to recognise DDL: words (keywords and unquoted names, compared in upper
 * case), quoted names, string and dollar-quoted literals, numbers and punctuation. Comments are dropped. A cursor walks
 * them.
 */
final class SqlTokens {

  /** What a token is. */
  enum Type { WORD, QUOTED, STRING, NUMBER, SYMBOL }

  /**
   * One token; {@code text} is a word in upper case, a quoted name without its quotes; {@code raw} a word as written.
   */
  record Token(Type type, String text, String raw) {
    Token(Type type, String text) {
      this(type, text, text);
    }

    boolean isWord(String word) {
      return type == Type.WORD && text.equals(word);
    }

    boolean isSymbol(String symbol) {
      return type == Type.SYMBOL && text.equals(symbol);
    }

    /** As an identifier: a word folded to lower case, a quoted name as written. */
    String identifier() {
      return type == Type.WORD ? text.toLowerCase(Locale.ROOT) : text;
    }

    boolean isName() {
      return type == Type.WORD || type == Type.QUOTED;
    }
  }

  private final List<Token> tokens;
  private int at;

  private SqlTokens(List<Token> tokens) {
    this.tokens = tokens;
  }

  /** The tokens of {@code sql}. */
  static SqlTokens of(String sql) {
    return new SqlTokens(tokenize(sql));
  }

  /** The tokens from {@code from} (inclusive) to {@code to} (exclusive), with a cursor of their own. */
  SqlTokens slice(int from, int to) {
    return new SqlTokens(tokens.subList(from, to));
  }

  int position() {
    return at;
  }

  boolean atEnd() {
    return at >= tokens.size();
  }

  Token peek() {
    return atEnd() ? null : tokens.get(at);
  }

  Token next() {
    return atEnd() ? null : tokens.get(at++);
  }

  /** Whether the next tokens are the words {@code words}; if so, moves past them. */
  boolean accept(String... words) {
    for (int k = 0; k < words.length; k++) {
      if (at + k >= tokens.size() || !tokens.get(at + k).isWord(words[k])) {
        return false;
      }
    }
    at += words.length;
    return true;
  }

  /** Whether the next tokens are the words {@code words}, without moving. */
  boolean peekWords(String... words) {
    int before = at;
    boolean yes = accept(words);
    at = before;
    return yes;
  }

  /** A possibly qualified name ({@code a.b.c}): its last part as an identifier; null when there is none. */
  String name() {
    Token t = peek();
    if (t == null || !t.isName()) {
      return null;
    }
    String last = next().identifier();
    while (peek() != null && peek().isSymbol(".") && at + 1 < tokens.size() && tokens.get(at + 1).isName()) {
      at++;
      last = next().identifier();
    }
    return last;
  }

  /** Whether the words {@code words} follow each other anywhere from the cursor on (the cursor stays). */
  boolean contains(String... words) {
    for (int i = at; i + words.length <= tokens.size(); i++) {
      boolean all = true;
      for (int k = 0; k < words.length && all; k++) {
        all = tokens.get(i + k).isWord(words[k]);
      }
      if (all) {
        return true;
      }
    }
    return false;
  }

  /** Index of the first word {@code word} from the cursor on at parenthesis depth 0, or the end. */
  int findTopLevel(String word) {
    int depth = 0;
    for (int i = at; i < tokens.size(); i++) {
      Token t = tokens.get(i);
      if (t.isSymbol("(")) {
        depth++;
      } else if (t.isSymbol(")")) {
        depth--;
      } else if (depth == 0 && t.isWord(word)) {
        return i;
      }
    }
    return tokens.size();
  }

  /** The rest split at top-level commas: ALTER TABLE's subcommands. */
  List<SqlTokens> splitAtCommas() {
    List<SqlTokens> out = new ArrayList<>();
    int depth = 0;
    int start = at;
    for (int i = at; i < tokens.size(); i++) {
      Token t = tokens.get(i);
      if (t.isSymbol("(") || t.isSymbol("[")) {
        depth++;
      } else if (t.isSymbol(")") || t.isSymbol("]")) {
        depth--;
      } else if (depth == 0 && t.isSymbol(",")) {
        out.add(slice(start, i));
        start = i + 1;
      }
    }
    if (start < tokens.size()) {
      out.add(slice(start, tokens.size()));
    }
    return out;
  }

  /** The text of tokens {@code from} to {@code to}, joined by spaces (for volatility checks and messages). */
  String text(int from, int to) {
    StringBuilder sb = new StringBuilder();
    for (int i = from; i < to && i < tokens.size(); i++) {
      Token t = tokens.get(i);
      if (sb.length() > 0 && !t.isSymbol("(") && !t.isSymbol(")") && !t.isSymbol(",")) {
        sb.append(' ');
      }
      sb.append(switch (t.type()) {
        case QUOTED -> "\"" + t.text() + "\"";
        case STRING -> "'" + t.text().replace("'", "''") + "'";
        default -> t.raw();
      });
    }
    return sb.toString();
  }

  int size() {
    return tokens.size();
  }

  private static List<Token> tokenize(String sql) {
    List<Token> out = new ArrayList<>();
    int n = sql.length();
    int i = 0;
    while (i < n) {
      char c = sql.charAt(i);
      if (Character.isWhitespace(c)) {
        i++;
      } else if (c == '-' && i + 1 < n && sql.charAt(i + 1) == '-') {
        while (i < n && sql.charAt(i) != '\n') {
          i++;
        }
      } else if (c == '/' && i + 1 < n && sql.charAt(i + 1) == '*') {
        int depth = 1;
        i += 2;
        while (i < n && depth > 0) {
          if (sql.startsWith("/*", i)) {
            depth++;
            i += 2;
          } else if (sql.startsWith("*/", i)) {
            depth--;
            i += 2;
          } else {
            i++;
          }
        }
      } else if (c == '\'' || c == '"') {
        StringBuilder sb = new StringBuilder();
        i++;
        while (i < n) {
          char d = sql.charAt(i);
          if (d == c && i + 1 < n && sql.charAt(i + 1) == c) {
            sb.append(c);
            i += 2;
          } else if (d == c) {
            i++;
            break;
          } else {
            sb.append(d);
            i++;
          }
        }
        out.add(new Token(c == '"' ? Type.QUOTED : Type.STRING, sb.toString()));
      } else if (c == '$' && dollarTag(sql, i) != null) {
        String tag = dollarTag(sql, i);
        int close = sql.indexOf(tag, i + tag.length());
        int end = close < 0 ? n : close;
        out.add(new Token(Type.STRING, sql.substring(i + tag.length(), end)));
        i = close < 0 ? n : close + tag.length();
      } else if (Character.isLetter(c) || c == '_') {
        int start = i;
        while (i < n && (Character.isLetterOrDigit(sql.charAt(i)) || sql.charAt(i) == '_' || sql.charAt(i) == '$')) {
          i++;
        }
        String word = sql.substring(start, i);
        out.add(new Token(Type.WORD, word.toUpperCase(Locale.ROOT), word));
      } else if (Character.isDigit(c)) {
        int start = i;
        while (i < n && (Character.isDigit(sql.charAt(i)) || sql.charAt(i) == '.')) {
          i++;
        }
        out.add(new Token(Type.NUMBER, sql.substring(start, i)));
      } else if (c == ':' && i + 1 < n && sql.charAt(i + 1) == ':') {
        out.add(new Token(Type.SYMBOL, "::"));
        i += 2;
      } else {
        out.add(new Token(Type.SYMBOL, String.valueOf(c)));
        i++;
      }
    }
    return out;
  }

  /** The dollar-quote opener {@code $tag$} at {@code i}, or null. */
  private static String dollarTag(String sql, int i) {
    int j = i + 1;
    while (j < sql.length() && (Character.isLetterOrDigit(sql.charAt(j)) || sql.charAt(j) == '_')) {
      j++;
    }
    if (j < sql.length() && sql.charAt(j) == '$' && (j == i + 1 || !Character.isDigit(sql.charAt(i + 1)))) {
      return sql.substring(i, j + 1);
    }
    return null;
  }
}
