package io.ashpg.data;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Maps rows to a record type by component name. The reflective work (components, canonical constructor) happens
 * once per record class; binding to a row layout happens once per layout; mapping a row is then an index walk and
 * one constructor call, either from a {@link Row} or straight from the result set (no Row in between). This is the
 * only reflection in the data layer.
 */
final class RecordMapper<R extends Record> {
  private static final ClassValue<RecordMapper<?>> CACHE = new ClassValue<>() {
    @Override
    protected RecordMapper<?> computeValue(Class<?> type) {
      return create(type.asSubclass(Record.class));
    }
  };

  private final Class<R> type;
  private final String[] names;
  private final String[] snakeNames;
  private final Class<?>[] types;
  /** The component types with primitives boxed: a value already of that class needs no conversion. */
  private final Class<?>[] boxed;
  private final Constructor<R> constructor;
  /**
   * Bindings by layout (identity). Layouts are per model and select list, but those with aggregates or calculations
   * are made per query: the cap keeps them from piling up (beyond it a binding is made per call, which is cheap).
   */
  private final Map<Columns, Bound<R>> bound = new ConcurrentHashMap<>();
  private static final int MAX_BOUND = 256;

  private RecordMapper(Class<R> type) {
    if (!type.isRecord()) {
      throw new IllegalArgumentException(type.getName() + " is not a record");
    }
    this.type = type;
    RecordComponent[] components = type.getRecordComponents();
    names = new String[components.length];
    snakeNames = new String[components.length];
    types = new Class<?>[components.length];
    boxed = new Class<?>[components.length];
    for (int i = 0; i < components.length; i++) {
      names[i] = components[i].getName();
      snakeNames[i] = snake(names[i]);
      types[i] = components[i].getType();
      boxed[i] = Values.box(types[i]);
    }
    try {
      constructor = type.getDeclaredConstructor(types);
      constructor.setAccessible(true);
    } catch (NoSuchMethodException | RuntimeException e) {
      throw new IllegalArgumentException("cannot use the canonical constructor of " + type.getName() + ": " + e, e);
    }
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static RecordMapper<?> create(Class<? extends Record> type) {
    return new RecordMapper(type);
  }

  @SuppressWarnings("unchecked")
  static <R extends Record> RecordMapper<R> of(Class<R> type) {
    return (RecordMapper<R>) CACHE.get(type);
  }

  /** The mapper for rows laid out as {@code columns}. */
  Bound<R> bind(Columns columns) {
    Bound<R> b = bound.get(columns);
    if (b != null) {
      return b;
    }
    return bound.size() < MAX_BOUND ? bound.computeIfAbsent(columns, this::newBound) : newBound(columns);
  }

  private Bound<R> newBound(Columns columns) {
    int[] positions = new int[names.length];
    for (int i = 0; i < names.length; i++) {
      int p = columns.indexOf(names[i]);
      if (p < 0) {
        p = columns.indexOf(snakeNames[i]);
      }
      if (p < 0) {
        throw new IllegalArgumentException("record " + type.getName() + " has component '" + names[i]
            + "' but the rows have no attribute '" + names[i] + "'" + (snakeNames[i].equals(names[i]) ? ""
            : " or '" + snakeNames[i] + "'") + "; selected attributes: " + columns.names());
      }
      positions[i] = p;
    }
    boolean[] direct = new boolean[names.length];
    for (int i = 0; i < names.length; i++) {
      Class<?> given = columns.javaType(positions[i]);
      direct[i] = given != null && boxed[i].isAssignableFrom(given);
    }
    return new Bound<>(this, columns, positions, direct);
  }

  /** A mapper bound to one row layout. */
  static final class Bound<R extends Record> {
    private final RecordMapper<R> mapper;
    private final Columns columns;
    private final int[] positions;
    /** Per component: the column's values already have its type, so only null needs a look (primitives). */
    private final boolean[] direct;

    private Bound(RecordMapper<R> mapper, Columns columns, int[] positions, boolean[] direct) {
      this.mapper = mapper;
      this.columns = columns;
      this.positions = positions;
      this.direct = direct;
    }

    R map(Row row) {
      Object[] args = new Object[positions.length];
      for (int i = 0; i < args.length; i++) {
        args[i] = convert(i, row.get(positions[i]));
      }
      return construct(args);
    }

    /** The record of the current row of {@code rs}, laid out as the bound columns; decodes only the mapped ones. */
    R read(ResultSet rs) throws SQLException {
      Object[] args = new Object[positions.length];
      for (int i = 0; i < args.length; i++) {
        Object v = columns.read(rs, positions[i]);
        args[i] = direct[i] && v != null ? v : convert(i, v);
      }
      return construct(args);
    }

    /** The records of all remaining rows of {@code rs}, about {@code expected} of them. */
    List<R> readAll(ResultSet rs, int expected) throws SQLException {
      List<R> out = new ArrayList<>(expected);
      while (rs.next()) {
        out.add(read(rs));
      }
      return out;
    }

    private Object convert(int i, Object v) {
      if (v != null && mapper.boxed[i].isInstance(v)) {
        return v;
      }
      try {
        return Values.convert(v, mapper.types[i]);
      } catch (RuntimeException e) {
        throw new IllegalArgumentException("record " + mapper.type.getName() + ", component '" + mapper.names[i]
            + "': " + e.getMessage(), e);
      }
    }

    private R construct(Object[] args) {
      try {
        return mapper.constructor.newInstance(args);
      } catch (InvocationTargetException e) {
        Throwable cause = e.getCause();
        throw cause instanceof RuntimeException r ? r : new IllegalStateException(cause);
      } catch (ReflectiveOperationException e) {
        throw new IllegalStateException("cannot construct " + mapper.type.getName(), e);
      }
    }
  }

  static String snake(String camel) {
    StringBuilder out = new StringBuilder(camel.length() + 4);
    for (int i = 0; i < camel.length(); i++) {
      char c = camel.charAt(i);
      if (Character.isUpperCase(c)) {
        if (i > 0) {
          out.append('_');
        }
        out.append(Character.toLowerCase(c));
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }
}
