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
 * A composite tenant foreign key {@code (fk, tenant, …) REFERENCES t(col, tenant, …)} needs a unique index on exactly
 * its referenced columns in the target: {@code (col, tenant)}, plus the destination columns of {@code matchWith}.
 * An identity on those columns provides it (the tenant column is prepended); when none does, this adds one, so the
 * generated migration never fails with "there is no unique constraint matching given keys".
 */
final class TenantKeyIndexes {

  private TenantKeyIndexes() {
  }

  /**
   * A unique index a foreign key requires.
   *
   * @param resource the resource holding the foreign key (blamed in errors)
   * @param target   the referenced resource
   * @param table    the referenced table
   * @param columns      the referenced columns, in the foreign key's order: the referenced column first, then
   *                     the {@code matchWith} destinations (the tenant column among them)
   * @param tenantColumn the target's tenant column
   */
  record Need(String resource, Resource target, String table, List<String> columns, String tenantColumn) {

    Need {
      columns = List.copyOf(columns);
    }

    TableSlot slot() {
      return new TableSlot(false, new TableKey(target.postgres().schema().orElse(null), table));
    }
  }

  /** Adds the missing unique indexes to the tables in {@code tables} (replaced in place). */
  static void ensure(Map<TableSlot, TableSnapshot> tables, List<Need> needs) {
    for (Need need : needs) {
      TableSnapshot target = tables.get(need.slot());
      if (target == null || provided(target, Set.copyOf(need.columns()))) {
        continue; // an unmanaged target is the user's business
      }
      List<String> keys = need.columns().stream().filter(c -> !c.equals(need.tenantColumn()))
          .map(c -> "\"" + c + "\"").toList();
      List<IdentitySnapshot> identities = new ArrayList<>(target.identities());
      identities.add(KeyIdentity.of(target.table(), need.columns(), need.resource(),
          "reference to " + need.target().name() + "." + need.columns().get(0),
          "declare an identity on " + String.join(", ", keys) + " in resource \"" + need.target().name()
              + "\" (its index gets the tenant column) with a shorter identityIndexName(...)", indexNames(target)));
      tables.put(need.slot(), target.withIdentities(identities));
    }
  }

  /** Every index name of {@code t}: identities, custom indexes, reference indexes. */
  private static Set<String> indexNames(TableSnapshot t) {
    Set<String> out = new java.util.HashSet<>();
    t.identities().forEach(i -> out.add(i.indexName()));
    t.customIndexes().forEach(i -> out.add(i.resolvedName(t.table())));
    t.attributes().stream().filter(IndexDefinitions::hasReferenceIndex)
        .forEach(a -> out.add(IndexDefinitions.referenceIndexName(t.table(), t, a)));
    return out;
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
