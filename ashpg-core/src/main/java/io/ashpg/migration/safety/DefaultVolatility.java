package io.ashpg.migration.safety;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Whether a column default is volatile, so that adding a column with it rewrites the table (ALTER TABLE notes: a
 * non-volatile default is evaluated once and stored in the catalog; a volatile one is evaluated for every existing
 * row). Read from the expression's text: a call of a function known to be volatile, or of one not known at all, counts
 * as volatile (a rewrite wrongly predicted costs a warning; one missed costs an outage).
 */
public final class DefaultVolatility {

  /** Volatile functions defaults commonly call (pg_proc.provolatile = 'v'). */
  private static final Set<String> VOLATILE = Set.of("random", "gen_random_uuid", "uuid_generate_v1",
      "uuid_generate_v1mc", "uuid_generate_v4", "uuid_generate_v7", "uuidv4", "uuidv7", "clock_timestamp",
      "timeofday", "nextval", "setval", "txid_current", "pg_current_xact_id", "random_normal");

  /**
   * Stable and immutable functions, and type names written with a modifier in casts ({@code ::numeric(10,2)}):
   * these keep a default non-volatile. now() and the *_timestamp functions are STABLE: evaluated once per
   * statement, so one value for every existing row.
   */
  private static final Set<String> NOT_VOLATILE = Set.of("now", "transaction_timestamp", "statement_timestamp",
      "current_timestamp", "current_date", "current_time", "localtimestamp", "localtime", "timezone", "lower", "upper",
      "trim", "btrim", "coalesce", "nullif", "greatest", "least", "concat", "length", "abs", "round", "to_char",
      "to_date", "to_timestamp", "make_date", "make_timestamp", "make_interval", "jsonb_build_object",
      "json_build_object", "jsonb_build_array", "json_build_array", "array", "row", "numeric", "decimal", "varchar",
      "character", "char", "bit", "varbit", "timestamp", "timestamptz", "time", "timetz", "interval", "float");

  /** A function call (or a type with a modifier): a name, optionally schema-qualified, then "(". */
  private static final Pattern CALL = Pattern.compile("(?:\"?[A-Za-z_][A-Za-z0-9_]*\"?\\.)?\"?([A-Za-z_][A-Za-z0-9_]*)\"?\\s*\\(");

  private DefaultVolatility() {
  }

  /** Whether {@code expression} (a column default as written in SQL) is, or may be, volatile. Null: no default. */
  public static boolean isVolatile(String expression) {
    if (expression == null) {
      return false;
    }
    Matcher m = CALL.matcher(withoutStrings(expression));
    while (m.find()) {
      String function = m.group(1).toLowerCase(Locale.ROOT);
      if (VOLATILE.contains(function) || !NOT_VOLATILE.contains(function)) {
        return true;
      }
    }
    return false;
  }

  /** The expression with its string literals emptied, so text in them is not taken for calls. */
  private static String withoutStrings(String expression) {
    return expression.replaceAll("'(?:[^']|'')*'", "''");
  }
}
