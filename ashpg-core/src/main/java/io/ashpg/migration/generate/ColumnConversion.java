package io.ashpg.migration.generate;

import io.ashpg.migration.snapshot.TableKey;
import io.ashpg.resource.Resource;
import io.ashpg.resource.TypeConversion;
import java.util.List;
import java.util.Objects;

/**
 * A resource's stated conversion of one column's type change ({@code convertType}), placed on its table.
 *
 * @param table      the table (null schema for a context-multitenant one)
 * @param column     the column
 * @param resource   the resource stating it, for messages
 * @param conversion the conversion
 */
public record ColumnConversion(TableKey table, String column, String resource, TypeConversion conversion) {

  public ColumnConversion {
    Objects.requireNonNull(table, "table");
    Objects.requireNonNull(column, "column");
    Objects.requireNonNull(conversion, "conversion");
  }

  /** The conversions {@code resource} states, on its table {@code key}. */
  static List<ColumnConversion> of(Resource resource, TableKey key) {
    return resource.postgres().typeConversions().entrySet().stream()
        .flatMap(e -> resource.attribute(e.getKey()).stream()
            .map(a -> new ColumnConversion(key, a.source(), resource.name(), e.getValue())))
        .toList();
  }
}
