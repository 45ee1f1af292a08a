package io.ashpg.migration.introspect;

import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * One index.
 *
 * @param name             index name
 * @param unique           UNIQUE
 * @param method           access method ({@code btree}, {@code gin}, {@code gist}, …)
 * @param keys             key parts in order
 * @param include          INCLUDE columns in order
 * @param predicate        the partial-index predicate as PostgreSQL prints it, or null
 * @param nullsNotDistinct NULLS NOT DISTINCT
 * @param backsConstraint  the index implements a primary key, unique or exclusion constraint
 */
public record IndexCatalog(String name, boolean unique, String method, List<IndexKey> keys, List<String> include,
    String predicate, boolean nullsNotDistinct, boolean backsConstraint) {

  public IndexCatalog {
    Objects.requireNonNull(name, "index name");
    Objects.requireNonNull(method, "index method");
    keys = List.copyOf(keys);
    include = List.copyOf(include);
  }

  /** The key list as it reads in DDL: {@code ("a", lower(b) DESC)}. */
  public String keyList() {
    return keys.stream().map(IndexKey::toString).collect(Collectors.joining(", ", "(", ")"));
  }
}
