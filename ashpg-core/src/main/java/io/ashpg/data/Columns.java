package io.ashpg.data;

import io.ashpg.resource.Attribute;
import io.ashpg.resource.Type;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The layout of result rows for one select list: attribute names, their positions and decoders. Computed once per
 * (resource, select list) and shared by every {@link Row} read with it, so a row is just an array of values.
 */
final class Columns {
  private final String[] names;
  private final Values.Decoder[] decoders;
  private final Map<String, Integer> index;
  private final int attributeCount;

  private Columns(String[] names, Values.Decoder[] decoders, int attributeCount) {
    this.names = names;
    this.decoders = decoders;
    this.attributeCount = attributeCount;
    Map<String, Integer> idx = new HashMap<>(names.length * 2);
    for (int i = 0; i < names.length; i++) {
      idx.put(names[i], i);
    }
    this.index = idx;
  }

  /**
   * This layout followed by the named values of aggregates and calculations; a null type (not inferable) reads the
   * value as the driver returns it.
   */
  Columns withExtras(List<String> extraNames, List<Type> types) {
    if (extraNames.isEmpty()) {
      return this;
    }
    int n = names.length + extraNames.size();
    String[] allNames = java.util.Arrays.copyOf(names, n);
    Values.Decoder[] allDecoders = java.util.Arrays.copyOf(decoders, n);
    for (int i = 0; i < extraNames.size(); i++) {
      Type t = types.get(i);
      allNames[names.length + i] = extraNames.get(i);
      allDecoders[names.length + i] = t == null ? Values.ANY : Values.decoder(t);
    }
    return new Columns(allNames, allDecoders, names.length);
  }

  /** How many leading columns are attributes (the rest are aggregates and calculations). */
  int attributeCount() {
    return attributeCount;
  }

  Columns(List<Attribute> attributes) {
    int n = attributes.size();
    this.names = new String[n];
    this.decoders = new Values.Decoder[n];
    Map<String, Integer> idx = new HashMap<>(n * 2);
    for (int i = 0; i < n; i++) {
      Attribute a = attributes.get(i);
      names[i] = a.name();
      decoders[i] = Values.decoder(a.type());
      idx.put(a.name(), i);
    }
    this.index = idx;
    this.attributeCount = n;
  }

  int size() {
    return names.length;
  }

  String name(int i) {
    return names[i];
  }

  List<String> names() {
    return Collections.unmodifiableList(java.util.Arrays.asList(names));
  }

  /** Position of {@code name}, or -1. */
  int indexOf(String name) {
    Integer i = index.get(name);
    return i == null ? -1 : i;
  }

  /** The class of column {@code index}'s non-null values, or null when it varies. */
  Class<?> javaType(int index) {
    return decoders[index].javaType();
  }

  /** Decodes column {@code index} (0-based) of the current row of {@code rs}. */
  Object read(ResultSet rs, int index) throws SQLException {
    return decoders[index].read(rs, index + 1);
  }

  /** Reads the current row of {@code rs}, whose first columns are laid out as this. */
  Row read(ResultSet rs) throws SQLException {
    Object[] values = new Object[names.length];
    for (int i = 0; i < values.length; i++) {
      values[i] = decoders[i].read(rs, i + 1);
    }
    return new Row(this, values);
  }

  List<Row> readAll(ResultSet rs) throws SQLException {
    List<Row> rows = new ArrayList<>();
    while (rs.next()) {
      rows.add(read(rs));
    }
    return rows;
  }
}
