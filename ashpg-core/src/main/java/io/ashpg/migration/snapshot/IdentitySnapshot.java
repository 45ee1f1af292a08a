package io.ashpg.migration.snapshot;

import java.util.List;
import java.util.Objects;

/**
 * An identity: a unique index over its keys.
 *
 * @param name          identity name
 * @param keys          columns or SQL expressions, in declared order (the order is kept in the index)
 * @param indexName     the unique index's name ({@code <table>_<name>_index} by convention)
 * @param where         SQL predicate of a partial identity, or null
 * @param baseFilter    the table's base filter SQL at the time, ANDed into the predicate, or null
 * @param allTenants    attribute multitenancy: do not prepend the tenant column
 * @param nullsDistinct false for {@code NULLS NOT DISTINCT} (PostgreSQL 15+)
 */
public record IdentitySnapshot(
    String name,
    List<IndexField> keys,
    String indexName,
    String where,
    String baseFilter,
    boolean allTenants,
    boolean nullsDistinct) {

  public IdentitySnapshot {
    Objects.requireNonNull(name, "identity name");
    keys = Lists.copy(keys);
    if (keys.isEmpty()) {
      throw new IllegalArgumentException("identity " + name + " has no keys; list at least one attribute");
    }
  }

  /** An identity over plain columns with the conventional index name. */
  public static IdentitySnapshot of(String table, String name, String... columns) {
    return new IdentitySnapshot(name, java.util.Arrays.stream(columns).map(IndexField::column).toList(),
        table + "_" + name + "_index", null, null, false, true);
  }

  public IdentitySnapshot withIndexName(String n) {
    return new IdentitySnapshot(name, keys, n, where, baseFilter, allTenants, nullsDistinct);
  }

  public IdentitySnapshot withWhere(String w) {
    return new IdentitySnapshot(name, keys, indexName, w, baseFilter, allTenants, nullsDistinct);
  }

  public IdentitySnapshot withNullsDistinct(boolean d) {
    return new IdentitySnapshot(name, keys, indexName, where, baseFilter, allTenants, d);
  }

  public IdentitySnapshot withBaseFilter(String b) {
    return new IdentitySnapshot(name, keys, indexName, where, b, allTenants, nullsDistinct);
  }

  public IdentitySnapshot withAllTenants(boolean a) {
    return new IdentitySnapshot(name, keys, indexName, where, baseFilter, a, nullsDistinct);
  }
}
