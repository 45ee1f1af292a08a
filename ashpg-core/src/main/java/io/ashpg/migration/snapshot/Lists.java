package io.ashpg.migration.snapshot;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Null-tolerant immutable copies, so snapshot records never hold a null collection. */
final class Lists {

  private Lists() {
  }

  static <T> List<T> copy(List<T> list) {
    return list == null ? List.of() : List.copyOf(list);
  }

  /** Sorted by key: the JSON form sorts keys, so sorting here keeps a round trip equal. */
  static Map<String, String> sorted(Map<String, String> map) {
    return map == null ? Map.of() : java.util.Collections.unmodifiableMap(new TreeMap<>(map));
  }
}
