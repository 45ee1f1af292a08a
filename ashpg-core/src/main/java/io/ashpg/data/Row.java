package io.ashpg.data;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * One record read from the database, keyed by attribute name. Values have the Java type of their attribute type:
 * {@link UUID}, {@link Long} (integer), {@link Double} (float), {@link BigDecimal} (decimal), {@link Boolean},
 * {@link String} (string, ci_string, atom, enums, custom types), {@link LocalDate}, {@link LocalTime},
 * {@link LocalDateTime} (UTC timestamps), {@link OffsetDateTime} (timestamptz), {@code byte[]}, JSON values as
 * {@code Map}/{@code List}/{@code String}/{@code Long}/{@code Double}/{@code Boolean}, and arrays as {@code List}.
 * Immutable (byte arrays are shared; do not modify them).
 */
public final class Row {
  private final Columns columns;
  private final Object[] values;
  private final Map<String, Object> loaded;

  Row(Columns columns, Object[] values) {
    this(columns, values, Map.of());
  }

  private Row(Columns columns, Object[] values, Map<String, Object> loaded) {
    this.columns = columns;
    this.values = values;
    this.loaded = loaded;
  }

  /** This row with relationship {@code name} loaded as {@code value} (a {@code List<Row>} or a nullable Row). */
  Row withLoaded(String name, Object value) {
    Map<String, Object> copy = new LinkedHashMap<>(loaded);
    copy.put(name, value instanceof List<?> l ? List.copyOf(l) : value);
    return new Row(columns, values, Collections.unmodifiableMap(copy));
  }

  /**
   * The records of a loaded to-many relationship ({@link Query#load}), in the load's sort order.
   *
   * @throws IllegalArgumentException when the relationship was not loaded or is to-one
   */
  @SuppressWarnings("unchecked")
  public List<Row> many(String relationship) {
    Object v = loadedValue(relationship);
    if (!(v instanceof List<?>)) {
      throw new IllegalArgumentException("relationship '" + relationship + "' is to-one; use one(...)");
    }
    return (List<Row>) v;
  }

  /**
   * The record of a loaded to-one relationship (belongs_to, has_one), if there is one.
   *
   * @throws IllegalArgumentException when the relationship was not loaded or is to-many
   */
  public Optional<Row> one(String relationship) {
    Object v = loadedValue(relationship);
    if (v instanceof List<?>) {
      throw new IllegalArgumentException("relationship '" + relationship + "' is to-many; use many(...)");
    }
    return Optional.ofNullable((Row) v);
  }

  /** Whether relationship {@code name} was loaded. */
  public boolean isLoaded(String relationship) {
    return loaded.containsKey(relationship);
  }

  private Object loadedValue(String relationship) {
    if (!loaded.containsKey(relationship)) {
      throw new IllegalArgumentException("relationship '" + relationship + "' was not loaded; loaded: "
          + loaded.keySet() + " (use Query.load)");
    }
    return loaded.get(relationship);
  }

  /** Whether the row has the attribute (it may have been left out by {@code select}). */
  public boolean has(String attribute) {
    return columns.indexOf(attribute) >= 0;
  }

  /** The attribute names, in select order. */
  public List<String> attributes() {
    return columns.names();
  }

  /**
   * The raw value of {@code attribute} (may be null).
   *
   * @throws IllegalArgumentException when the row has no such attribute
   */
  public Object get(String attribute) {
    int i = columns.indexOf(attribute);
    if (i < 0) {
      throw new IllegalArgumentException("row has no attribute '" + attribute + "'; it has " + columns.names());
    }
    return values[i];
  }

  Object get(int index) {
    return values[index];
  }

  Columns columns() {
    return columns;
  }

  /**
   * The value of {@code attribute} converted to {@code type} (numbers, timestamps, enums, UUIDs, JSON to classes).
   *
   * @throws IllegalArgumentException when it cannot be converted
   */
  public <T> T get(String attribute, Class<T> type) {
    Object v = get(attribute);
    try {
      @SuppressWarnings("unchecked")
      T t = (T) Values.convert(v, type);
      return t;
    } catch (RuntimeException e) {
      throw new IllegalArgumentException("attribute '" + attribute + "': " + e.getMessage(), e);
    }
  }

  /** A string attribute. */
  public String getString(String attribute) {
    return get(attribute, String.class);
  }

  /** An integer attribute as {@code Long}. */
  public Long getLong(String attribute) {
    return get(attribute, Long.class);
  }

  /** An integer attribute as {@code Integer} (fails if it does not fit). */
  public Integer getInt(String attribute) {
    return get(attribute, Integer.class);
  }

  /** A float attribute. */
  public Double getDouble(String attribute) {
    return get(attribute, Double.class);
  }

  /** A decimal attribute. */
  public BigDecimal getBigDecimal(String attribute) {
    return get(attribute, BigDecimal.class);
  }

  /** A boolean attribute. */
  public Boolean getBoolean(String attribute) {
    return get(attribute, Boolean.class);
  }

  /** A uuid attribute. */
  public UUID getUuid(String attribute) {
    return get(attribute, UUID.class);
  }

  /** A date attribute. */
  public LocalDate getLocalDate(String attribute) {
    return get(attribute, LocalDate.class);
  }

  /** A time attribute. */
  public LocalTime getLocalTime(String attribute) {
    return get(attribute, LocalTime.class);
  }

  /** A timestamp attribute as UTC wall-clock time. */
  public LocalDateTime getLocalDateTime(String attribute) {
    return get(attribute, LocalDateTime.class);
  }

  /** A timestamp attribute as an instant (timestamp columns are read as UTC). */
  public Instant getInstant(String attribute) {
    return get(attribute, Instant.class);
  }

  /** A timestamptz attribute. */
  public OffsetDateTime getOffsetDateTime(String attribute) {
    return get(attribute, OffsetDateTime.class);
  }

  /** A binary attribute. */
  public byte[] getBytes(String attribute) {
    return get(attribute, byte[].class);
  }

  /** A map (jsonb object) attribute. */
  @SuppressWarnings("unchecked")
  public Map<String, Object> getMap(String attribute) {
    return (Map<String, Object>) get(attribute, Map.class);
  }

  /** An array (or jsonb array) attribute. */
  @SuppressWarnings("unchecked")
  public List<Object> getList(String attribute) {
    return (List<Object>) get(attribute, List.class);
  }

  /** The row as an ordered map of attribute name to value. */
  public Map<String, Object> toMap() {
    Map<String, Object> map = new LinkedHashMap<>();
    for (int i = 0; i < values.length; i++) {
      map.put(columns.name(i), values[i]);
    }
    return Collections.unmodifiableMap(map);
  }

  /**
   * The row as a Java record whose components are named like the attributes ({@code insertedAt} or
   * {@code inserted_at} both match {@code inserted_at}).
   */
  public <R extends Record> R as(Class<R> recordType) {
    return RecordMapper.of(recordType).bind(columns).map(this);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Row r && r.columns.names().equals(columns.names()) && Arrays.deepEquals(r.values, values);
  }

  @Override
  public int hashCode() {
    return Objects.hash(columns.names(), Arrays.deepHashCode(values));
  }

  @Override
  public String toString() {
    return "Row" + toMap() + (loaded.isEmpty() ? "" : " loaded " + loaded);
  }
}
