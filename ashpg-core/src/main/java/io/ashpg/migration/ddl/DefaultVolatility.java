package io.ashpg.migration.ddl;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Whether a column default is volatile, read from its SQL text without a database. It decides what adding the
 * column costs: since PostgreSQL 11 a non-volatile default is evaluated once and stored in the catalog, so
 * {@code ADD COLUMN … DEFAULT} touches no row; a volatile one ({@code gen_random_uuid()}, {@code clock_timestamp()})
 * must be evaluated per row, which rewrites the whole table under an ACCESS EXCLUSIVE lock ("Adding a column with a
 * volatile DEFAULT … will require the entire table and its indexes to be rewritten", ALTER TABLE, PostgreSQL 15–18
 * documentation, Notes).
 *
 * <p>Only calls of functions known to be immutable or stable count as non-volatile; any other function call is taken
 * as volatile, since the cautious answer only costs a backfill where none was needed.
 */
public final class DefaultVolatility {

  /** A function call: a name followed by an opening parenthesis (string literals removed first). */
  private static final Pattern CALL = Pattern.compile("([A-Za-z_][A-Za-z0-9_$]*)\\s*\\(");
  private static final Pattern STRING = Pattern.compile("'(?:[^']|'')*'");
  /** Immutable or stable functions (pg_proc.provolatile 'i' or 's') defaults commonly use, and type names in casts. */
  private static final Set<String> NOT_VOLATILE = Set.of("now", "transaction_timestamp", "statement_timestamp",
      "localtimestamp", "current_timestamp", "timezone", "lower", "upper", "coalesce", "nullif", "concat",
      "jsonb_build_object", "json_build_object", "jsonb_build_array", "json_build_array", "to_jsonb", "array",
      "make_date", "make_time", "make_timestamp", "make_timestamptz", "make_interval", "date_trunc", "interval",
      "numeric", "varchar", "character", "char", "timestamp", "timestamptz", "time", "decimal", "bit", "row",
      "greatest", "least", "abs", "round", "trim", "length");

  private DefaultVolatility() {
  }

  /** Whether {@code defaultSql} (a column DEFAULT expression, or null for none) may give each row another value. */
  public static boolean isVolatile(String defaultSql) {
    if (defaultSql == null) {
      return false;
    }
    Matcher m = CALL.matcher(STRING.matcher(defaultSql).replaceAll("''"));
    while (m.find()) {
      if (!NOT_VOLATILE.contains(m.group(1).toLowerCase(Locale.ROOT))) {
        return true;
      }
    }
    return false;
  }
}
