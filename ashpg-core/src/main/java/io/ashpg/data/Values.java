package io.ashpg.data;

import io.ashpg.resource.Type;
import io.ashpg.sql.SqlValues;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import org.postgresql.util.PGobject;

/**
 * Reading column values as the Java types of their attribute types, and converting them to other requested
 * types (typed getters, record components).
 */
final class Values {
  private Values() {}

  /**
   * Reads one column of the current row. {@code javaType} is the class of every non-null value it gives, or null
   * when that varies (JSON maps): a record mapping skips the per-value type check where it already fits.
   */
  record Decoder(Class<?> javaType, Reader reader) {
    Object read(ResultSet rs, int index) throws SQLException {
      return reader.read(rs, index);
    }
  }

  /** The read of one column value. */
  @FunctionalInterface
  interface Reader {
    Object read(ResultSet rs, int index) throws SQLException;
  }

  /** For columns of no known type: whatever the driver gives. */
  static final Decoder ANY = new Decoder(null, ResultSet::getObject);

  /** The decoder for columns of {@code type}; chosen once per column, not per row. */
  static Decoder decoder(Type type) {
    if (type instanceof Type.ArrayOf a) {
      Type element = a.element();
      return new Decoder(List.class, (rs, i) -> {
        Array array = rs.getArray(i);
        return array == null ? null : arrayToList(array, element);
      });
    }
    if (type instanceof Type.Decimal) {
      return new Decoder(BigDecimal.class, ResultSet::getBigDecimal);
    }
    if (type instanceof Type.Text || type instanceof Type.OneOf || type instanceof Type.Custom) {
      return new Decoder(String.class, ResultSet::getString);
    }
    return switch (type.name()) {
      case "uuid", "uuid_v7" -> new Decoder(UUID.class, (rs, i) -> rs.getObject(i, UUID.class));
      case "integer" -> new Decoder(Long.class, (rs, i) -> {
        long v = rs.getLong(i);
        return rs.wasNull() ? null : v;
      });
      case "float" -> new Decoder(Double.class, (rs, i) -> {
        double v = rs.getDouble(i);
        return rs.wasNull() ? null : v;
      });
      case "boolean" -> new Decoder(Boolean.class, (rs, i) -> {
        boolean v = rs.getBoolean(i);
        return rs.wasNull() ? null : v;
      });
      case "date" -> new Decoder(LocalDate.class, (rs, i) -> rs.getObject(i, LocalDate.class));
      case "time" -> new Decoder(LocalTime.class, (rs, i) -> rs.getObject(i, LocalTime.class));
      case "utc_datetime", "utc_datetime_usec", "naive_datetime" ->
          new Decoder(LocalDateTime.class, (rs, i) -> rs.getObject(i, LocalDateTime.class));
      case "timestamptz" -> new Decoder(OffsetDateTime.class, (rs, i) -> rs.getObject(i, OffsetDateTime.class));
      case "binary" -> new Decoder(byte[].class, ResultSet::getBytes);
      case "map" -> new Decoder(null, (rs, i) -> {
        String json = rs.getString(i);
        return json == null ? null : SqlValues.GSON.fromJson(json, Object.class);
      });
      default -> new Decoder(String.class, ResultSet::getString);
    };
  }

  private static List<Object> arrayToList(Array array, Type element) throws SQLException {
    Object[] raw = (Object[]) array.getArray();
    List<Object> out = new ArrayList<>(raw.length);
    for (Object o : raw) {
      out.add(element(o, element));
    }
    return Collections.unmodifiableList(out);
  }

  /** pgjdbc returns java.sql types and PGobjects inside arrays; normalise them to what scalar columns give. */
  private static Object element(Object o, Type element) {
    if (o == null) {
      return null;
    }
    if (o instanceof Timestamp t) {
      return element == Type.TIMESTAMPTZ ? t.toInstant().atOffset(ZoneOffset.UTC) : t.toLocalDateTime();
    }
    if (o instanceof java.sql.Date d) {
      return d.toLocalDate();
    }
    if (o instanceof java.sql.Time t) {
      return t.toLocalTime();
    }
    if (o instanceof PGobject p) {
      return "map".equals(element.name()) && p.getValue() != null
          ? SqlValues.GSON.fromJson(p.getValue(), Object.class) : p.getValue();
    }
    if ("map".equals(element.name()) && o instanceof String s) {
      return SqlValues.GSON.fromJson(s, Object.class);
    }
    if (o instanceof Integer i && "integer".equals(element.name())) {
      return i.longValue();
    }
    if (o instanceof Object[] nested) {
      List<Object> out = new ArrayList<>(nested.length);
      for (Object n : nested) {
        out.add(element(n, element instanceof Type.ArrayOf a ? a.element() : element));
      }
      return Collections.unmodifiableList(out);
    }
    return o;
  }

  /**
   * {@code value} as {@code target}: numbers widen or narrow exactly, timestamps convert between
   * {@link LocalDateTime} (UTC), {@link Instant} and {@link OffsetDateTime}, strings become enums or UUIDs, and JSON
   * values (maps and lists) become any Gson-mappable class.
   *
   * @throws IllegalArgumentException when no conversion applies
   */
  @SuppressWarnings({"unchecked", "rawtypes"})
  static Object convert(Object value, Class<?> target) {
    if (value == null) {
      if (target.isPrimitive()) {
        throw new IllegalArgumentException("null cannot be converted to primitive " + target.getName());
      }
      return null;
    }
    Class<?> boxed = box(target);
    if (boxed.isInstance(value)) {
      return value;
    }
    if (value instanceof Number n) {
      if (boxed == Integer.class) {
        return toBigDecimal(n).intValueExact();
      }
      if (boxed == Long.class) {
        return toBigDecimal(n).longValueExact();
      }
      if (boxed == Short.class) {
        return toBigDecimal(n).shortValueExact();
      }
      if (boxed == Double.class) {
        return n.doubleValue();
      }
      if (boxed == Float.class) {
        return n.floatValue();
      }
      if (boxed == BigDecimal.class) {
        return toBigDecimal(n);
      }
      if (boxed == BigInteger.class) {
        return toBigDecimal(n).toBigIntegerExact();
      }
    }
    if (value instanceof LocalDateTime t) {
      if (boxed == Instant.class) {
        return t.toInstant(ZoneOffset.UTC);
      }
      if (boxed == OffsetDateTime.class) {
        return t.atOffset(ZoneOffset.UTC);
      }
      if (boxed == LocalDate.class) {
        return t.toLocalDate();
      }
    }
    if (value instanceof OffsetDateTime o) {
      if (boxed == Instant.class) {
        return o.toInstant();
      }
      if (boxed == LocalDateTime.class) {
        return o.withOffsetSameInstant(ZoneOffset.UTC).toLocalDateTime();
      }
    }
    if (value instanceof String s) {
      if (boxed.isEnum()) {
        return Enum.valueOf((Class<? extends Enum>) boxed, s);
      }
      if (boxed == UUID.class) {
        return UUID.fromString(s);
      }
    }
    if (value instanceof UUID u && boxed == String.class) {
      return u.toString();
    }
    if (value instanceof java.util.Map<?, ?> || value instanceof List<?>) {
      if (!boxed.isPrimitive() && boxed != String.class) {
        return SqlValues.GSON.fromJson(SqlValues.GSON.toJsonTree(value), boxed);
      }
    }
    throw new IllegalArgumentException("a " + value.getClass().getName() + " cannot be converted to "
        + target.getName());
  }

  private static BigDecimal toBigDecimal(Number n) {
    if (n instanceof BigDecimal d) {
      return d;
    }
    if (n instanceof Double || n instanceof Float) {
      return BigDecimal.valueOf(n.doubleValue());
    }
    return new BigDecimal(n.toString());
  }

  static Class<?> box(Class<?> c) {
    if (!c.isPrimitive()) {
      return c;
    }
    if (c == int.class) {
      return Integer.class;
    }
    if (c == long.class) {
      return Long.class;
    }
    if (c == double.class) {
      return Double.class;
    }
    if (c == boolean.class) {
      return Boolean.class;
    }
    if (c == float.class) {
      return Float.class;
    }
    if (c == short.class) {
      return Short.class;
    }
    if (c == byte.class) {
      return Byte.class;
    }
    return Character.class;
  }
}
