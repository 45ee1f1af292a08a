package io.ashpg.migration.snapshot;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The foreign key of an attribute.
 *
 * @param name                          constraint name ({@code <table>_<column>_fkey} by convention)
 * @param table                         referenced table
 * @param schema                        referenced table's schema (null: unqualified, or the global schema from a
 *                                      tenant migration)
 * @param destinationAttribute          referenced column
 * @param destinationAttributeDefault   default of the referenced column (informational)
 * @param destinationAttributeGenerated whether the referenced column is generated (informational)
 * @param primaryKey                    whether the referenced column is the destination's primary key
 * @param multitenancy                  multitenancy of the referenced table (a context-tenant target is
 *                                      referenced unqualified from tenant migrations)
 * @param onDelete                      null (no clause), {@code delete}, {@code nilify}, {@code nothing},
 *                                      {@code restrict}
 * @param onDeleteNilifyColumns         with {@code nilify}: only these columns are set to NULL (empty: all)
 * @param onUpdate                      null, {@code update}, {@code nilify}, {@code nothing}, {@code restrict}
 * @param deferrable                    deferrability
 * @param matchWith                     extra column pairs of a composite FK, source column → destination column
 *                                      (kept sorted by source column, which fixes their order in the DDL)
 * @param matchType                     null, {@code simple} or {@code full} (PostgreSQL does not implement
 *                                      {@code partial})
 * @param matchTenant                   attribute multitenancy: the FK includes the tenant column
 * @param index                         also create a plain index on the FK column(s)
 * @param indexWhere                    predicate of that index: SQL, or {@code not_nil} for {@code "col" IS NOT NULL}
 */
public record ReferenceSnapshot(
    String name,
    String table,
    String schema,
    String destinationAttribute,
    String destinationAttributeDefault,
    Boolean destinationAttributeGenerated,
    boolean primaryKey,
    MultitenancySnapshot multitenancy,
    String onDelete,
    List<String> onDeleteNilifyColumns,
    String onUpdate,
    Deferrable deferrable,
    Map<String, String> matchWith,
    String matchType,
    boolean matchTenant,
    boolean index,
    String indexWhere) {

  private static final Set<String> ON_DELETE = Set.of("delete", "nilify", "nothing", "restrict");
  private static final Set<String> ON_UPDATE = Set.of("update", "nilify", "nothing", "restrict");
  private static final Set<String> MATCH = Set.of("simple", "full");

  public ReferenceSnapshot {
    Objects.requireNonNull(name, "reference name");
    Objects.requireNonNull(table, "reference table");
    Objects.requireNonNull(destinationAttribute, "reference destination attribute");
    multitenancy = multitenancy == null ? MultitenancySnapshot.NONE : multitenancy;
    onDeleteNilifyColumns = Lists.copy(onDeleteNilifyColumns);
    deferrable = deferrable == null ? Deferrable.NO : deferrable;
    matchWith = Lists.sorted(matchWith);
    if (onDelete != null && !ON_DELETE.contains(onDelete)) {
      throw new IllegalArgumentException("reference " + name + ": on_delete '" + onDelete
          + "' is unknown; use one of " + ON_DELETE);
    }
    if (onUpdate != null && !ON_UPDATE.contains(onUpdate)) {
      throw new IllegalArgumentException("reference " + name + ": on_update '" + onUpdate
          + "' is unknown; use one of " + ON_UPDATE);
    }
    if ("partial".equals(matchType)) {
      throw new IllegalArgumentException("reference " + name + ": match_type 'partial' is not implemented by"
          + " PostgreSQL; use simple or full");
    }
    if (matchType != null && !MATCH.contains(matchType)) {
      throw new IllegalArgumentException("reference " + name + ": match_type '" + matchType
          + "' is unknown; use simple or full");
    }
    if (!onDeleteNilifyColumns.isEmpty() && !"nilify".equals(onDelete)) {
      throw new IllegalArgumentException("reference " + name
          + ": nilify columns are only allowed with on_delete \"nilify\"");
    }
  }

  /** A plain reference to {@code table(destinationAttribute)} with no actions. */
  public static ReferenceSnapshot to(String name, String table, String destinationAttribute) {
    return new ReferenceSnapshot(name, table, null, destinationAttribute, null, null, true, null, null, null,
        null, null, null, null, false, false, null);
  }

  /**
   * Whether the FK constraint itself is the same (everything but {@code index}, {@code indexWhere}, and
   * informational fields): an index-only change must never drop and re-add the constraint.
   */
  public boolean sameConstraint(ReferenceSnapshot o) {
    return name.equals(o.name) && table.equals(o.table) && Objects.equals(schema, o.schema)
        && destinationAttribute.equals(o.destinationAttribute)
        && Objects.equals(onDelete, o.onDelete) && onDeleteNilifyColumns.equals(o.onDeleteNilifyColumns)
        && Objects.equals(onUpdate, o.onUpdate) && matchWith.equals(o.matchWith)
        && Objects.equals(matchType, o.matchType) && matchTenant == o.matchTenant
        && multitenancy.isContext() == o.multitenancy.isContext();
  }

  /** This reference pointing at {@code newTable} in {@code newSchema} (the table renamed or moved). */
  public ReferenceSnapshot withDestination(String newTable, String newSchema) {
    return new ReferenceSnapshot(name, newTable, newSchema, destinationAttribute, destinationAttributeDefault,
        destinationAttributeGenerated, primaryKey, multitenancy, onDelete, onDeleteNilifyColumns, onUpdate,
        deferrable, matchWith, matchType, matchTenant, index, indexWhere);
  }

  public ReferenceSnapshot withName(String newName) {
    return new ReferenceSnapshot(newName, table, schema, destinationAttribute, destinationAttributeDefault,
        destinationAttributeGenerated, primaryKey, multitenancy, onDelete, onDeleteNilifyColumns, onUpdate,
        deferrable, matchWith, matchType, matchTenant, index, indexWhere);
  }

  public ReferenceSnapshot withDeferrable(Deferrable d) {
    return new ReferenceSnapshot(name, table, schema, destinationAttribute, destinationAttributeDefault,
        destinationAttributeGenerated, primaryKey, multitenancy, onDelete, onDeleteNilifyColumns, onUpdate,
        d, matchWith, matchType, matchTenant, index, indexWhere);
  }

  public ReferenceSnapshot withOnDelete(String action, List<String> nilifyColumns) {
    return new ReferenceSnapshot(name, table, schema, destinationAttribute, destinationAttributeDefault,
        destinationAttributeGenerated, primaryKey, multitenancy, action, nilifyColumns, onUpdate,
        deferrable, matchWith, matchType, matchTenant, index, indexWhere);
  }

  public ReferenceSnapshot withOnUpdate(String action) {
    return new ReferenceSnapshot(name, table, schema, destinationAttribute, destinationAttributeDefault,
        destinationAttributeGenerated, primaryKey, multitenancy, onDelete, onDeleteNilifyColumns, action,
        deferrable, matchWith, matchType, matchTenant, index, indexWhere);
  }

  public ReferenceSnapshot withSchema(String s) {
    return new ReferenceSnapshot(name, table, s, destinationAttribute, destinationAttributeDefault,
        destinationAttributeGenerated, primaryKey, multitenancy, onDelete, onDeleteNilifyColumns, onUpdate,
        deferrable, matchWith, matchType, matchTenant, index, indexWhere);
  }

  public ReferenceSnapshot withMultitenancy(MultitenancySnapshot m) {
    return new ReferenceSnapshot(name, table, schema, destinationAttribute, destinationAttributeDefault,
        destinationAttributeGenerated, primaryKey, m, onDelete, onDeleteNilifyColumns, onUpdate,
        deferrable, matchWith, matchType, matchTenant, index, indexWhere);
  }

  public ReferenceSnapshot withMatch(Map<String, String> with, String type) {
    return new ReferenceSnapshot(name, table, schema, destinationAttribute, destinationAttributeDefault,
        destinationAttributeGenerated, primaryKey, multitenancy, onDelete, onDeleteNilifyColumns, onUpdate,
        deferrable, with, type, matchTenant, index, indexWhere);
  }

  public ReferenceSnapshot withIndex(boolean idx, String where) {
    return new ReferenceSnapshot(name, table, schema, destinationAttribute, destinationAttributeDefault,
        destinationAttributeGenerated, primaryKey, multitenancy, onDelete, onDeleteNilifyColumns, onUpdate,
        deferrable, matchWith, matchType, matchTenant, idx, where);
  }

  public ReferenceSnapshot withDestination(String attribute, boolean isPrimaryKey) {
    return new ReferenceSnapshot(name, table, schema, attribute, destinationAttributeDefault,
        destinationAttributeGenerated, isPrimaryKey, multitenancy, onDelete, onDeleteNilifyColumns, onUpdate,
        deferrable, matchWith, matchType, matchTenant, index, indexWhere);
  }
}
