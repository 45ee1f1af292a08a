package io.ashpg.resource;

import java.util.Map;
import java.util.Optional;

/** Reads and writes the {@code data_layer.table} entry of Ash-style context maps. */
final class Contexts {
  static final String DATA_LAYER = "data_layer";
  static final String TABLE = "table";

  private Contexts() {}

  static Optional<String> table(Map<String, Object> context) {
    if (context.get(DATA_LAYER) instanceof Map<?, ?> dataLayer && dataLayer.get(TABLE) instanceof String table) {
      return Optional.of(table);
    }
    return Optional.empty();
  }

  static Map<String, Object> withTable(String table) {
    return Map.of(DATA_LAYER, Map.of(TABLE, table));
  }
}
