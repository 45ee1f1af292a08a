package io.ashpg.migration.diff;

import io.ashpg.migration.snapshot.AttributeSnapshot;
import io.ashpg.migration.snapshot.CheckConstraintSnapshot;
import io.ashpg.migration.snapshot.CustomIndexSnapshot;
import io.ashpg.migration.snapshot.IdentitySnapshot;
import io.ashpg.migration.snapshot.IndexField;
import io.ashpg.migration.snapshot.ReferenceSnapshot;
import io.ashpg.migration.snapshot.TableSnapshot;
import java.util.ArrayList;
import java.util.List;

/**
 * What an index or constraint looks like in the database once table-level settings are applied (the tenant
 * column of attribute multitenancy, the base filter). The differ compares these effective definitions, and the
 * DDL renderer writes them, so both always agree.
 */
public final class IndexDefinitions {

  private IndexDefinitions() {
  }

  /** Identity keys, with the tenant column first under attribute multitenancy unless {@code allTenants}. */
  public static List<IndexField> identityKeys(TableSnapshot table, IdentitySnapshot identity) {
    return withTenant(table, identity.allTenants(), identity.keys());
  }

  /** The identity's predicate: its {@code where} ANDed with its base filter; null when neither. */
  public static String identityWhere(IdentitySnapshot identity) {
    return and(identity.baseFilter(), identity.where());
  }

  /** Custom index fields, with the tenant column first under attribute multitenancy unless {@code allTenants}. */
  public static List<IndexField> customIndexFields(TableSnapshot table, CustomIndexSnapshot index) {
    return withTenant(table, index.allTenants(), index.fields());
  }

  /** The custom index's predicate, with the table's base filter when {@code includeBaseFilter}. */
  public static String customIndexWhere(TableSnapshot table, CustomIndexSnapshot index) {
    return and(index.includeBaseFilter() ? table.baseFilter() : null, index.where());
  }

  /** Columns of the plain index of an FK column: {@code [tenant, column]} under attribute multitenancy. */
  public static List<String> referenceIndexColumns(TableSnapshot table, AttributeSnapshot attribute) {
    String tenant = table.multitenancy().isAttribute() ? table.multitenancy().attribute() : null;
    if (tenant != null && !tenant.equals(attribute.source())) {
      return List.of(tenant, attribute.source());
    }
    return List.of(attribute.source());
  }

  /** Ecto's default name of the FK column index: {@code <table>_<cols>_index}. */
  public static String referenceIndexName(String tableName, TableSnapshot table, AttributeSnapshot attribute) {
    return tableName + "_" + String.join("_", referenceIndexColumns(table, attribute)) + "_index";
  }

  /** The FK index predicate: {@code "col" IS NOT NULL} for {@code not_nil}, the SQL as given, or null. */
  public static String referenceIndexWhere(AttributeSnapshot attribute) {
    String w = attribute.references().indexWhere();
    if (w == null) {
      return null;
    }
    if (w.equals("not_nil") || w.equals(":not_nil")) {
      return io.ashpg.sql.Identifier.quote(attribute.source()) + " IS NOT NULL";
    }
    return w;
  }

  /** Whether the attribute has an FK column index. */
  public static boolean hasReferenceIndex(AttributeSnapshot attribute) {
    return attribute.references() != null && attribute.references().index();
  }

  /** Source columns of the FK: the column, then the {@code match_with} sources. */
  public static List<String> fkSourceColumns(AttributeSnapshot attribute) {
    List<String> out = new ArrayList<>();
    out.add(attribute.source());
    out.addAll(attribute.references().matchWith().keySet());
    return out;
  }

  /** Referenced columns of the FK, pairwise with {@link #fkSourceColumns}. */
  public static List<String> fkDestinationColumns(ReferenceSnapshot reference) {
    List<String> out = new ArrayList<>();
    out.add(reference.destinationAttribute());
    out.addAll(reference.matchWith().values());
    return out;
  }

  /** The CHECK expression: {@code (check) OR NOT (base_filter)} when the constraint has a base filter. */
  public static String checkExpression(CheckConstraintSnapshot c) {
    if (c.baseFilter() == null || c.baseFilter().isBlank()) {
      return c.check();
    }
    return "(" + c.check() + ") OR NOT (" + c.baseFilter() + ")";
  }

  private static List<IndexField> withTenant(TableSnapshot table, boolean allTenants, List<IndexField> keys) {
    String tenant = table.multitenancy().isAttribute() ? table.multitenancy().attribute() : null;
    if (tenant == null || allTenants
        || keys.stream().anyMatch(k -> !k.expression() && k.value().equals(tenant))) {
      return keys;
    }
    List<IndexField> out = new ArrayList<>();
    out.add(IndexField.column(tenant));
    out.addAll(keys);
    return out;
  }

  private static String and(String a, String b) {
    boolean hasA = a != null && !a.isBlank();
    boolean hasB = b != null && !b.isBlank();
    if (hasA && hasB) {
      return "(" + a + ") AND (" + b + ")";
    }
    return hasA ? a : hasB ? b : null;
  }
}
