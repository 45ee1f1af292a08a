package io.ashpg.adopt;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Column types and defaults as the resource DSL writes them. Each mapping is chosen so that the migration generator
 * turns it back into the same column: a type the DSL names ({@code text} → {@code Type.STRING}) becomes that
 * constant, any other type {@code Type.custom(...)} with its PostgreSQL spelling; a default whose DSL form lowers to
 * the same SQL ({@code 0}, {@code 'draft'::text}, {@code now()}) becomes that form, any other
 * {@code AttributeDefault.sql(...)} with the text PostgreSQL prints.
 */
final class ColumnMapping {

  /** Types the DSL has a constant for, by {@code format_type} spelling. */
  private static final Map<String, String> CONSTANTS = Map.ofEntries(
      Map.entry("text", "Type.STRING"),
      Map.entry("citext", "Type.CI_STRING"),
      Map.entry("uuid", "Type.UUID"),
      Map.entry("bigint", "Type.INTEGER"),
      Map.entry("boolean", "Type.BOOLEAN"),
      Map.entry("double precision", "Type.FLOAT"),
      Map.entry("numeric", "Type.DECIMAL"),
      Map.entry("date", "Type.DATE"),
      Map.entry("time(0) without time zone", "Type.TIME"),
      Map.entry("timestamp(0) without time zone", "Type.UTC_DATETIME"),
      Map.entry("timestamp without time zone", "Type.UTC_DATETIME_USEC"),
      Map.entry("timestamp with time zone", "Type.TIMESTAMPTZ"),
      Map.entry("bytea", "Type.BINARY"),
      Map.entry("jsonb", "Type.MAP"));

  /** Shorter spellings people write for what {@code format_type} prints. */
  private static final Map<String, String> ALIASES = Map.of(
      "character varying", "varchar",
      "character", "char");

  private static final Pattern NUMERIC = Pattern.compile("numeric\\((\\d+),(\\d+)\\)");
  private static final Pattern SIZED = Pattern.compile("(character varying|character)\\((\\d+)\\)");
  private static final Pattern INTEGER_LITERAL = Pattern.compile("\\d{1,18}");
  private static final Pattern STRING_LITERAL = Pattern.compile("'((?:[^']|'')*)'::(text|citext)");

  private ColumnMapping() {
  }

  /** The DSL type expression of a column type as {@code format_type} prints it. */
  static String type(String pgType) {
    String constant = CONSTANTS.get(pgType);
    if (constant != null) {
      return constant;
    }
    Matcher numeric = NUMERIC.matcher(pgType);
    if (numeric.matches()) {
      return "Type.decimal(" + numeric.group(1) + ", " + numeric.group(2) + ")";
    }
    if (pgType.endsWith("[]")) {
      String element = pgType.substring(0, pgType.length() - 2);
      if (CONSTANTS.containsKey(element) || NUMERIC.matcher(element).matches()) {
        return "Type.arrayOf(" + type(element) + ")";
      }
    }
    return "Type.custom(" + JavaNames.literal(customSpelling(pgType)) + ")";
  }

  /** {@code character varying(20)} → {@code varchar(20)}; other types as printed. */
  private static String customSpelling(String pgType) {
    Matcher sized = SIZED.matcher(pgType);
    if (sized.matches()) {
      return ALIASES.get(sized.group(1)) + "(" + sized.group(2) + ")";
    }
    return ALIASES.getOrDefault(pgType, pgType);
  }

  /** Whether the type holds a time zone (a {@code now()} default is then plain {@code now()}). */
  static boolean zoned(String pgType) {
    return pgType.toLowerCase(Locale.ROOT).contains("with time zone");
  }

  /** Whether the type is a microsecond UTC timestamp, the type of the timestamp helpers. */
  static boolean usecTimestamp(String pgType) {
    return pgType.equals("timestamp without time zone");
  }

  /**
   * The DSL default of a column default as {@code pg_get_expr} prints it, as the argument of
   * {@code defaultValue(...)}; empty when there is none.
   *
   * @param uuidOssp whether the generated repo installs "uuid-ossp" (its UUID default is then
   *                 {@code uuid_generate_v4()}, else {@code gen_random_uuid()})
   */
  static Optional<String> defaultValue(String expression, String pgType, boolean uuidOssp) {
    if (expression == null) {
      return Optional.empty();
    }
    if (isUuidGenerate(expression, uuidOssp)) {
      return Optional.of("AttributeDefault.uuidGenerate()");
    }
    if (isNow(expression, pgType)) {
      return Optional.of("AttributeDefault.now()");
    }
    if (expression.equals("CURRENT_DATE") && pgType.equals("date")) {
      return Optional.of("AttributeDefault.today()");
    }
    if (INTEGER_LITERAL.matcher(expression).matches() && (pgType.equals("bigint") || pgType.equals("integer")
        || pgType.equals("smallint"))) {
      return Optional.of(expression + "L");
    }
    if ((expression.equals("true") || expression.equals("false")) && pgType.equals("boolean")) {
      return Optional.of(expression);
    }
    Matcher string = STRING_LITERAL.matcher(expression);
    if (string.matches() && string.group(2).equals(pgType)) {
      return Optional.of(JavaNames.literal(string.group(1).replace("''", "'")));
    }
    return Optional.of("AttributeDefault.sql(" + JavaNames.literal(expression) + ")");
  }

  /** Whether the default is the random UUID the DSL's {@code uuidGenerate()} lowers to for this repo. */
  static boolean isUuidGenerate(String expression, boolean uuidOssp) {
    return expression != null && expression.equals(uuidOssp ? "uuid_generate_v4()" : "gen_random_uuid()");
  }

  /** Whether the default is the current time as the DSL's {@code now()} lowers it for this type. */
  static boolean isNow(String expression, String pgType) {
    if (expression == null) {
      return false;
    }
    if (zoned(pgType)) {
      return expression.equals("now()");
    }
    return pgType.startsWith("timestamp") && expression.equals("(now() AT TIME ZONE 'utc'::text)");
  }
}
