package io.ashpg.resource;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The naming conventions of generated database objects. They are load-bearing: the migration generator creates
 * objects under these names and the error mapper recognises constraint violations by them.
 */
public final class Names {
  /** PostgreSQL truncates identifiers longer than this many bytes, so longer names are definition errors. */
  public static final int MAX_IDENTIFIER_BYTES = 63;

  private static final Pattern NON_WORD = Pattern.compile("[^A-Za-z0-9_]");

  private Names() {}

  /** {@code <table>_pkey}. */
  public static String primaryKey(String table) {
    return table + "_pkey";
  }

  /** {@code <table>_<identity>_index}, the default unique index name of an identity. */
  public static String identityIndex(String table, String identity) {
    return table + "_" + identity + "_index";
  }

  /**
   * {@code <table>_<field>_<field>_index}: each field's text has non-word characters replaced by {@code _} and
   * trailing {@code _} trimmed (Ecto's default index name).
   */
  public static String customIndex(String table, List<IndexField> fields) {
    List<String> parts = new ArrayList<>();
    parts.add(table);
    for (IndexField field : fields) {
      parts.add(trimTrailingUnderscores(NON_WORD.matcher(field.text()).replaceAll("_")));
    }
    parts.add("index");
    return String.join("_", parts);
  }

  /** {@link #customIndex(String, List)} for fields given as strings (columns or expressions). */
  public static String customIndex(String table, String... fields) {
    return customIndex(table, java.util.Arrays.stream(fields).map(IndexField::of).toList());
  }

  /** {@code <table>_<column>_fkey}, the default foreign key constraint name. */
  public static String foreignKey(String table, String column) {
    return table + "_" + column + "_fkey";
  }

  /** {@code <table>_<col>_<col>_index}, the name of the index on foreign key column(s). */
  public static String referenceIndex(String table, List<String> columns) {
    return table + "_" + String.join("_", columns) + "_index";
  }

  /**
   * {@code <table>_<column>_seq}, the sequence PostgreSQL creates for a serial column. When that is longer than
   * {@link #MAX_IDENTIFIER_BYTES}, PostgreSQL shortens the longer of table and column a byte at a time until the
   * name fits (then cuts each at a character boundary); so does this.
   */
  public static String serialSequence(String table, String column) {
    return fitted(table, column, "_seq");
  }

  /**
   * {@code <table>_<column>_not_null_check}, the temporary check constraint through which safe-mode migrations make a
   * column NOT NULL without a long lock; shortened like {@link #serialSequence}.
   */
  public static String notNullCheck(String table, String column) {
    return fitted(table, column, "_not_null_check");
  }

  /** {@code <table>_<column><suffix>}, table and column shortened as PostgreSQL shortens serial sequence names. */
  private static String fitted(String table, String column, String suffix) {
    int room = MAX_IDENTIFIER_BYTES - suffix.length() - 1;
    int a = byteLength(table);
    int b = byteLength(column);
    while (a + b > room) {
      if (a > b) {
        a--;
      } else {
        b--;
      }
    }
    return clip(table, a) + "_" + clip(column, b) + suffix;
  }

  /** The longest prefix of {@code s} of at most {@code bytes} UTF-8 bytes. */
  private static String clip(String s, int bytes) {
    String out = s;
    while (byteLength(out) > bytes) {
      out = out.substring(0, out.offsetByCodePoints(out.length(), -1));
    }
    return out;
  }

  /** Length of {@code identifier} in UTF-8 bytes, the unit PostgreSQL's identifier limit counts. */
  public static int byteLength(String identifier) {
    return identifier.getBytes(StandardCharsets.UTF_8).length;
  }

  /** Whether {@code identifier} exceeds {@link #MAX_IDENTIFIER_BYTES}. */
  public static boolean tooLong(String identifier) {
    return byteLength(identifier) > MAX_IDENTIFIER_BYTES;
  }

  private static String trimTrailingUnderscores(String s) {
    int end = s.length();
    while (end > 0 && s.charAt(end - 1) == '_') {
      end--;
    }
    return s.substring(0, end);
  }
}
