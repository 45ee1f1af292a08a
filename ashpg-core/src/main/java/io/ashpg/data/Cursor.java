package io.ashpg.data;

import com.google.gson.reflect.TypeToken;
import io.ashpg.sql.SqlValues;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A keyset pagination position: the values of the sort attributes (and primary key) of one row. Pass it to
 * {@link Query#after(Cursor)} or {@link Query#before(Cursor)}; {@link #encode()} gives an opaque string for APIs.
 * Values are kept as text and converted back by attribute type when the query is rendered.
 *
 * @param values attribute name → value text
 */
public record Cursor(Map<String, String> values) {
  public Cursor {
    values = Collections.unmodifiableMap(new LinkedHashMap<>(Objects.requireNonNull(values, "values")));
  }

  /**
   * The cursor of {@code row} for {@code query}'s keyset order (its sort attributes followed by the primary key).
   *
   * @throws IllegalArgumentException when the row lacks a key attribute or the sort uses an expression
   */
  public static Cursor of(Row row, Query query) {
    Map<String, String> values = new LinkedHashMap<>();
    for (Sort sort : query.keysetSort()) {
      String attribute = sort.attribute();
      Object v = row.get(attribute);
      values.put(attribute, v == null ? null : text(v));
    }
    return new Cursor(values);
  }

  private static String text(Object v) {
    if (v instanceof java.math.BigDecimal d) {
      return d.toPlainString();
    }
    return v.toString();
  }

  /** An opaque URL-safe string. */
  public String encode() {
    return Base64.getUrlEncoder().withoutPadding()
        .encodeToString(SqlValues.GSON.toJson(values).getBytes(StandardCharsets.UTF_8));
  }

  /**
   * The cursor encoded by {@link #encode()}.
   *
   * @throws IllegalArgumentException when {@code encoded} is not a cursor
   */
  public static Cursor decode(String encoded) {
    try {
      String json = new String(Base64.getUrlDecoder().decode(encoded), StandardCharsets.UTF_8);
      Map<String, String> values = SqlValues.GSON.fromJson(json, new TypeToken<Map<String, String>>() {}.getType());
      return new Cursor(values);
    } catch (RuntimeException e) {
      throw new IllegalArgumentException("not a valid cursor", e);
    }
  }

  /** The attribute names, in key order. */
  List<String> attributes() {
    return List.copyOf(values.keySet());
  }
}
