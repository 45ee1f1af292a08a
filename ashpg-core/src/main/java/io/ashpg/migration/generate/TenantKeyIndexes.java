package io.ashpg.migration.generate;

import io.ashpg.migration.diff.IndexDefinitions;
import io.ashpg.migration.snapshot.CustomIndexSnapshot;
import io.ashpg.migration.snapshot.IdentitySnapshot;
import io.ashpg.migration.snapshot.IndexField;
import io.ashpg.migration.snapshot.TableKey;
import io.ashpg.migration.snapshot.TableSnapshot;
import io.ashpg.resource.Resource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A composite tenant foreign key {@code (fk, tenant) REFERENCES t(col, tenant)} needs a unique index on exactly
 * {@code (col, tenant)} in the target. An identity on {@code col} provides it (the tenant column is prepended); when
 * none does, this adds one, so the generated migration never fails with "there is no unique constraint matching
 * given keys".
 */
final class TenantKeyIndexes {

  private TenantKeyIndexes() {
  }

  /**
   * A unique index a foreign key requires.
   *
   * @param resource     the resource holding the foreign key (blamed in errors)
   * @param target       the referenced resource
   * @param table        the referenced table
   * @param column       the referenced column
   * @param tenantColumn the target's tenant column
   */
  record Need(String resource, Resource target, String table, String column, String tenantColumn) {

    TableSlot slot() {
      return new TableSlot(false, new TableKey(target.postgres().schema().orElse(null), table));
    }
  }

  /** Adds the missing unique indexes to the tables in {@code tables} (replaced in place). */
  static void ensure(Map<TableSlot, TableSnapshot> tables, List<Need> needs) {
    for (Need need : needs) {
      TableSnapshot target = tables.get(need.slot());
      if (target == null || provided(target, Set.of(need.column(), need.tenantColumn()))) {
        continue; // an unmanaged target is the user's business
      }
      List<IdentitySnapshot> identities = new ArrayList<>(target.identities());
      identities.add(KeyIdentity.of(target.table(), List.of(need.column(), need.tenantColumn()), need.resource(),
          "reference to " + need.target().name() + "." + need.column(),
          "declare an identity on \"" + need.column() + "\" in resource \"" + need.target().name()
              + "\" (its index gets the tenant column) with a shorter identityIndexName(...)"));
      tables.put(need.slot(), target.withIdentities(identities));
    }
  }

  private static boolean provided(TableSnapshot t, Set<String> columns) {
    if (Set.copyOf(t.primaryKey()).equals(columns)) {
      return true;
    }
    for (IdentitySnapshot i : t.identities()) {
      if (IndexDefinitions.identityWhere(i) == null && columnsOf(IndexDefinitions.identityKeys(t, i)).equals(columns)) {
        return true;
      }
    }
    for (CustomIndexSnapshot i : t.customIndexes()) {
      if (i.unique() && IndexDefinitions.customIndexWhere(t, i) == null
          && columnsOf(IndexDefinitions.customIndexFields(t, i)).equals(columns)) {
        return true;
      }
    }
    return false;
  }

  private static Set<String> columnsOf(List<IndexField> fields) {
    if (fields.stream().anyMatch(IndexField::expression)) {
      return Set.of();
    }
    return Set.copyOf(fields.stream().map(IndexField::value).toList());
  }
}
