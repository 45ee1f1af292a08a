package io.ashpg.resource;

import java.util.List;
import java.util.Objects;

/**
 * A set of keys whose values are unique per record; the migration generator turns it into a unique index named
 * {@code <table>_<name>_index} unless overridden by {@code identityIndexNames} or skipped by {@code skipUniqueIndexes}.
 *
 * @param name          identity name
 * @param keys          attribute names (or calculation names listed in {@code calculationsToSql}), in index order
 * @param nullsDistinct whether rows with null keys count as distinct (default true; false → {@code NULLS NOT DISTINCT})
 * @param allTenants    with attribute multitenancy, whether the index spans all tenants (no tenant column prepended)
 */
public record Identity(String name, List<String> keys, boolean nullsDistinct, boolean allTenants) {
  public Identity {
    Objects.requireNonNull(name, "name");
    keys = List.copyOf(keys);
  }
}
