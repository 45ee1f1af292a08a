package io.ashpg.sql;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonElement;
import com.google.gson.ToNumberPolicy;
import io.ashpg.resource.Type;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import org.postgresql.util.PGobject;

/**
 * Converts Java values to what ashpg binds for a given attribute {@link Type}: {@code uuid} → {@link UUID},
 * {@code integer} → {@link Long}, {@code decimal} → {@link BigDecimal}, timestamps → {@code java.time} values in
 * UTC, {@code map} → a jsonb {@link PGobject} (Gson), arrays → {@link SqlArray}. Also renders values in PostgreSQL's
 * text format (array elements, COPY).
 *
 * <p>Conversion failures are {@link IllegalArgumentException}s naming the type and the value's class; the data layer
 * adds the resource and attribute.
 */
public final class SqlValues {
  /** Gson for jsonb: numbers come back as Long or Double, nulls in maps are kept. */
  public static final Gson GSON = new GsonBuilder()
      .setObjectToNumberStrategy(ToNumberPolicy.LONG_OR_DOUBLE)
      .serializeNulls()
      .disableHtmlEscaping()
      .create();

  private SqlValues() {}

  /** The JDBC value for {@code value} as {@code type}, or an untyped conversion when {@code type} is null. */
  public static Object toJdbc(Object value, Type type) {
    return value == null ? null : converter(type).apply(value);
  }

  /**
   * {@link #toJdbc} for one type, decided once: a caller converting many values of the same attribute (a bulk
   * create of 10,000 rows) looks at the type once per column instead of once per value. Takes non-null values.
   */
  public static Function<Object, Object> converter(Type type) {
    if (type == null) {
      return SqlValues::untyped;
    }
    if (type instanceof Type.ArrayOf a) {
      return value -> array(value, a.element());
    }
    if (type instanceof Type.Text) {
      return value -> text(value, type);
    }
    if (type instanceof Type.Decimal) {
      return SqlValues::decimal;
    }
    if (type instanceof Type.OneOf oneOf) {
      return value -> {
        String s = value instanceof Enum<?> e ? e.name() : text(value, type);
        if (!oneOf.values().contains(s)) {
          throw new IllegalArgumentException("'" + s + "' is not one of " + oneOf.values());
        }
        return s;
      };
    }
    if (type instanceof Type.Custom) {
      return value -> value instanceof PGobject o ? o.getValue() : value.toString();
    }
    return switch (type.name()) {
      case "uuid", "uuid_v7" -> SqlValues::uuid;
      case "integer" -> SqlValues::integer;
      case "float" -> SqlValues::floating;
      case "boolean" -> SqlValues::bool;
      case "date" -> SqlValues::date;
      case "time" -> SqlValues::time;
      case "utc_datetime", "utc_datetime_usec", "naive_datetime" -> SqlValues::localDateTime;
      case "timestamptz" -> SqlValues::offsetDateTime;
      case "binary" -> SqlValues::bytes;
      case "map" -> SqlValues::json;
      case "atom" -> value -> value instanceof Enum<?> e ? e.name() : text(value, type);
      default -> Function.identity();
    };
  }

  /** The PostgreSQL text representation of a JDBC value produced by {@link #toJdbc}. */
  public static String pgText(Object jdbcValue) {
    if (jdbcValue == null) {
      return null;
    }
    if (jdbcValue instanceof String s) {
      return s;
    }
    if (jdbcValue instanceof Boolean b) {
      return b ? "t" : "f";
    }
    if (jdbcValue instanceof BigDecimal d) {
      return d.toPlainString();
    }
    if (jdbcValue instanceof byte[] bytes) {
      return "\\x" + HexFormat.of().formatHex(bytes);
    }
    if (jdbcValue instanceof PGobject o) {
      return o.getValue();
    }
    if (jdbcValue instanceof SqlArray a) {
      return arrayLiteral(a.elements());
    }
    if (jdbcValue instanceof Double d) {
      return d.isNaN() ? "NaN" : d.isInfinite() ? (d > 0 ? "Infinity" : "-Infinity") : d.toString();
    }
    return jdbcValue.toString();
  }

  /** {@code {"a","b",NULL}}: an array literal with every element quoted. */
  public static String arrayLiteral(String[] elements) {
    StringBuilder out = new StringBuilder(16 + elements.length * 8).append('{');
    for (int i = 0; i < elements.length; i++) {
      if (i > 0) {
        out.append(',');
      }
      if (elements[i] == null) {
        out.append("NULL");
      } else {
        appendQuoted(out, elements[i]);
      }
    }
    return out.append('}').toString();
  }

  /**
   * Appends a JDBC value produced by {@link #toJdbc} as one element of an array literal: {@code NULL}, an integer
   * or UUID as is, anything else as its {@link #pgText} in double quotes with {@code "} and {@code \} escaped.
   */
  public static void appendArrayElement(StringBuilder out, Object jdbcValue) {
    if (jdbcValue == null) {
      out.append("NULL");
    } else if (jdbcValue instanceof Long l) {
      // digits and a sign need no quotes, and StringBuilder writes a long without an intermediate String
      out.append(l.longValue());
    } else if (jdbcValue instanceof UUID u) {
      out.append(u);
    } else if (jdbcValue instanceof LocalDateTime t && t.getYear() >= 0 && t.getYear() <= 9999) {
      // digits, '-', ':', ' ' and '.' need no quotes inside the array's double-quoted element, and written field by
      // field there is no String per value (a bulk create of 10,000 rows formats 10,000 of them)
      out.append('"');
      appendTimestamp(out, t);
      out.append('"');
    } else {
      appendQuoted(out, jdbcValue instanceof String s ? s : pgText(jdbcValue));
    }
  }

  /** {@code yyyy-MM-dd HH:mm:ss[.fraction]}, the fraction without trailing zeros; the year must be 0–9999. */
  private static void appendTimestamp(StringBuilder out, LocalDateTime t) {
    pad(out, t.getYear(), 4).append('-');
    pad(out, t.getMonthValue(), 2).append('-');
    pad(out, t.getDayOfMonth(), 2).append(' ');
    pad(out, t.getHour(), 2).append(':');
    pad(out, t.getMinute(), 2).append(':');
    pad(out, t.getSecond(), 2);
    int nanos = t.getNano();
    if (nanos != 0) {
      int digits = 9;
      while (nanos % 10 == 0) {
        nanos /= 10;
        digits--;
      }
      pad(out.append('.'), nanos, digits);
    }
  }

  private static StringBuilder pad(StringBuilder out, int value, int width) {
    for (int limit = 10, w = 1; w < width; w++, limit *= 10) {
      if (value < limit) {
        out.append('0');
      }
    }
    return out.append(value);
  }

  private static void appendQuoted(StringBuilder out, String e) {
    out.append('"');
    if (e.indexOf('"') < 0 && e.indexOf('\\') < 0) {
      // the usual case, found by two vectorised scans rather than a loop over the characters
      out.append(e);
    } else {
      for (int j = 0; j < e.length(); j++) {
        char c = e.charAt(j);
        if (c == '"' || c == '\\') {
          out.append('\\');
        }
        out.append(c);
      }
    }
    out.append('"');
  }

  /** The PostgreSQL element type name for an untyped value (used by {@code in} without an attribute). */
  public static String inferredPgType(Object value) {
    if (value instanceof UUID) {
      return "uuid";
    }
    if (value instanceof Long || value instanceof Integer || value instanceof Short || value instanceof BigInteger) {
      return "int8";
    }
    if (value instanceof BigDecimal) {
      return "numeric";
    }
    if (value instanceof Double || value instanceof Float) {
      return "float8";
    }
    if (value instanceof Boolean) {
      return "bool";
    }
    if (value instanceof LocalDate) {
      return "date";
    }
    if (value instanceof LocalTime) {
      return "time";
    }
    if (value instanceof LocalDateTime) {
      return "timestamp";
    }
    if (value instanceof OffsetDateTime || value instanceof Instant || value instanceof ZonedDateTime) {
      return "timestamptz";
    }
    if (value instanceof Map<?, ?> || value instanceof JsonElement) {
      return "jsonb";
    }
    if (value instanceof byte[]) {
      return "bytea";
    }
    return "text";
  }

  /** A value's elements, from a collection or a Java array. */
  public static List<Object> elements(Object value) {
    if (value instanceof Collection<?> c) {
      return new ArrayList<>(c);
    }
    if (value instanceof Object[] a) {
      return Arrays.asList(a);
    }
    throw new IllegalArgumentException("expected a collection or an array, got " + describe(value));
  }

  /** An array parameter of {@code values} converted as {@code elementType} (inferred when null). */
  public static SqlArray array(Collection<?> values, Type elementType) {
    return array((Object) values, elementType);
  }

  private static SqlArray array(Object value, Type elementType) {
    List<Object> items = elements(value);
    String[] texts = new String[items.size()];
    String pgType = elementType == null ? null : PgTypes.base(elementType);
    for (int i = 0; i < texts.length; i++) {
      Object item = items.get(i);
      if (pgType == null && item != null) {
        pgType = inferredPgType(item);
      }
      texts[i] = pgText(toJdbc(item, elementType));
    }
    return new SqlArray(pgType == null ? "text" : pgType, texts);
  }

  private static Object untyped(Object value) {
    if (value instanceof Enum<?> e) {
      return e.name();
    }
    if (value instanceof Instant i) {
      return i.atOffset(ZoneOffset.UTC);
    }
    if (value instanceof ZonedDateTime z) {
      return z.toOffsetDateTime();
    }
    if (value instanceof Character c) {
      return c.toString();
    }
    if (value instanceof Map<?, ?> || value instanceof JsonElement) {
      return json(value);
    }
    if (value instanceof Collection<?> || value instanceof Object[]) {
      return array(value, null);
    }
    if (value instanceof BigInteger b) {
      return new BigDecimal(b);
    }
    return value;
  }

  private static String text(Object value, Type type) {
    if (value instanceof CharSequence || value instanceof Character) {
      return value.toString();
    }
    if (value instanceof Enum<?> e) {
      return e.name();
    }
    throw mismatch(value, type);
  }

  private static UUID uuid(Object value) {
    if (value instanceof UUID u) {
      return u;
    }
    if (value instanceof String s) {
      try {
        return UUID.fromString(s);
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("'" + s + "' is not a UUID");
      }
    }
    throw mismatch(value, Type.UUID);
  }

  private static Long integer(Object value) {
    if (value instanceof Long l) {
      return l;
    }
    if (value instanceof Integer || value instanceof Short || value instanceof Byte) {
      return ((Number) value).longValue();
    }
    try {
      if (value instanceof BigDecimal || value instanceof BigInteger) {
        return new BigDecimal(value.toString()).longValueExact();
      }
      if (value instanceof Double || value instanceof Float) {
        return BigDecimal.valueOf(((Number) value).doubleValue()).longValueExact();
      }
      if (value instanceof String s) {
        return Long.parseLong(s.trim());
      }
    } catch (ArithmeticException | NumberFormatException e) {
      throw new IllegalArgumentException("'" + value + "' is not an integer (64-bit)");
    }
    throw mismatch(value, Type.INTEGER);
  }

  private static Double floating(Object value) {
    if (value instanceof Number n) {
      return n.doubleValue();
    }
    if (value instanceof String s) {
      try {
        return Double.parseDouble(s.trim());
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("'" + s + "' is not a number");
      }
    }
    throw mismatch(value, Type.FLOAT);
  }

  private static BigDecimal decimal(Object value) {
    if (value instanceof BigDecimal d) {
      return d;
    }
    try {
      if (value instanceof Number || value instanceof String) {
        return new BigDecimal(value.toString().trim());
      }
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("'" + value + "' is not a decimal number");
    }
    throw mismatch(value, Type.DECIMAL);
  }

  private static Boolean bool(Object value) {
    if (value instanceof Boolean b) {
      return b;
    }
    if ("true".equals(value)) {
      return true;
    }
    if ("false".equals(value)) {
      return false;
    }
    throw mismatch(value, Type.BOOLEAN);
  }

  private static LocalDate date(Object value) {
    try {
      if (value instanceof LocalDate d) {
        return d;
      }
      if (value instanceof LocalDateTime t) {
        return t.toLocalDate();
      }
      if (value instanceof String s) {
        return LocalDate.parse(s);
      }
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException("'" + value + "' is not an ISO date");
    }
    throw mismatch(value, Type.DATE);
  }

  private static LocalTime time(Object value) {
    try {
      if (value instanceof LocalTime t) {
        return t;
      }
      if (value instanceof String s) {
        return LocalTime.parse(s);
      }
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException("'" + value + "' is not an ISO time");
    }
    throw mismatch(value, Type.TIME);
  }

  /** Timestamp columns hold UTC wall-clock time; instants and zoned values are converted to UTC. */
  private static LocalDateTime localDateTime(Object value) {
    try {
      if (value instanceof LocalDateTime t) {
        return t;
      }
      if (value instanceof Instant i) {
        return LocalDateTime.ofInstant(i, ZoneOffset.UTC);
      }
      if (value instanceof OffsetDateTime o) {
        return o.withOffsetSameInstant(ZoneOffset.UTC).toLocalDateTime();
      }
      if (value instanceof ZonedDateTime z) {
        return z.withZoneSameInstant(ZoneOffset.UTC).toLocalDateTime();
      }
      if (value instanceof LocalDate d) {
        return d.atStartOfDay();
      }
      if (value instanceof String s) {
        return s.endsWith("Z") || s.matches(".*[+-]\\d\\d:\\d\\d$")
            ? localDateTime(OffsetDateTime.parse(s)) : LocalDateTime.parse(s);
      }
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException("'" + value + "' is not an ISO date-time");
    }
    throw mismatch(value, Type.UTC_DATETIME_USEC);
  }

  private static OffsetDateTime offsetDateTime(Object value) {
    try {
      if (value instanceof OffsetDateTime o) {
        return o;
      }
      if (value instanceof Instant i) {
        return i.atOffset(ZoneOffset.UTC);
      }
      if (value instanceof ZonedDateTime z) {
        return z.toOffsetDateTime();
      }
      if (value instanceof LocalDateTime t) {
        return t.atOffset(ZoneOffset.UTC);
      }
      if (value instanceof String s) {
        return OffsetDateTime.parse(s);
      }
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException("'" + value + "' is not an ISO date-time with offset");
    }
    throw mismatch(value, Type.TIMESTAMPTZ);
  }

  private static byte[] bytes(Object value) {
    if (value instanceof byte[] b) {
      return b;
    }
    throw mismatch(value, Type.BINARY);
  }

  /** Any value as jsonb: a {@link JsonElement} as written, everything else serialised by Gson. */
  public static PGobject json(Object value) {
    PGobject o = new PGobject();
    o.setType("jsonb");
    try {
      o.setValue(value instanceof JsonElement e ? e.toString() : GSON.toJson(value));
    } catch (java.sql.SQLException e) {
      throw new IllegalStateException(e);
    }
    return o;
  }

  private static IllegalArgumentException mismatch(Object value, Type type) {
    return new IllegalArgumentException(describe(value) + " cannot be used as " + type.name());
  }

  private static String describe(Object value) {
    return value == null ? "null" : "a value of " + value.getClass().getName();
  }
}
