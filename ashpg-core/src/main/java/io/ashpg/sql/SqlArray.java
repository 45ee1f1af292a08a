package io.ashpg.sql;

import java.util.Arrays;
import java.util.Objects;

/**
 * An array bind parameter: the executor turns it into a {@link java.sql.Array} of {@code elementType} with
 * {@code Connection.createArrayOf}. Elements are PostgreSQL text representations (or null), so every element type
 * — uuid, numeric, jsonb, citext, custom types — takes the same path.
 *
 * @param elementType PostgreSQL element type name without typmod, e.g. {@code "uuid"}, {@code "timestamp"}
 * @param elements    element texts; nulls are SQL NULLs
 */
public record SqlArray(String elementType, String[] elements) {
  public SqlArray {
    Objects.requireNonNull(elementType, "elementType");
    elements = elements.clone();
  }

  @Override
  public String[] elements() {
    return elements.clone();
  }

  /** Number of elements. */
  public int length() {
    return elements.length;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof SqlArray a && a.elementType.equals(elementType) && Arrays.equals(a.elements, elements);
  }

  @Override
  public int hashCode() {
    return elementType.hashCode() * 31 + Arrays.hashCode(elements);
  }

  @Override
  public String toString() {
    return elementType + "[]" + Arrays.toString(elements);
  }
}
