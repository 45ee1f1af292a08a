package io.ashpg.migration.introspect;

import java.util.List;
import java.util.Objects;

/**
 * A primary key constraint.
 *
 * @param name    constraint name
 * @param columns key columns in key order
 */
public record PrimaryKeyCatalog(String name, List<String> columns) {

  public PrimaryKeyCatalog {
    Objects.requireNonNull(name, "primary key name");
    columns = List.copyOf(columns);
  }
}
