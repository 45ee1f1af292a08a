package io.ashpg.resource;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/** Immutable copies that keep declaration order (order matters for generated names and stable snapshots). */
final class Copies {
  private Copies() {}

  /** An unmodifiable copy of {@code map} that keeps its iteration order; nulls are rejected. */
  static <K, V> Map<K, V> orderedMap(Map<K, V> map) {
    Map<K, V> copy = new LinkedHashMap<>();
    map.forEach((k, v) -> copy.put(Objects.requireNonNull(k, "map key"), Objects.requireNonNull(v, "map value")));
    return Collections.unmodifiableMap(copy);
  }

  /** An unmodifiable copy of a context map whose nested maps and lists are copied too. */
  static Map<String, Object> deepMap(Map<String, ?> map) {
    Map<String, Object> copy = new LinkedHashMap<>();
    map.forEach((k, v) -> copy.put(Objects.requireNonNull(k, "map key"), deepImmutable(v)));
    return Collections.unmodifiableMap(copy);
  }

  /** Copies maps, lists and sets recursively into unmodifiable ones; other values are returned as they are. */
  static Object deepImmutable(Object value) {
    Objects.requireNonNull(value, "value");
    if (value instanceof Map<?, ?> map) {
      Map<Object, Object> copy = new LinkedHashMap<>();
      map.forEach((k, v) -> copy.put(Objects.requireNonNull(k, "map key"), deepImmutable(v)));
      return Collections.unmodifiableMap(copy);
    }
    if (value instanceof List<?> list) {
      List<Object> copy = new ArrayList<>(list.size());
      list.forEach(v -> copy.add(deepImmutable(v)));
      return Collections.unmodifiableList(copy);
    }
    if (value instanceof Set<?> set) {
      return Set.copyOf(set);
    }
    return value;
  }
}
