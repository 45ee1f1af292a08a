package io.ashpg.migration.generate;

import io.ashpg.migration.diff.IndexDefinitions;
import io.ashpg.migration.snapshot.Deferrable;
import io.ashpg.migration.snapshot.MultitenancySnapshot;
import io.ashpg.migration.snapshot.ReferenceSnapshot;
import io.ashpg.repo.Repo;
import io.ashpg.resource.Attribute;
import io.ashpg.resource.BelongsTo;
import io.ashpg.resource.DefinitionException;
import io.ashpg.resource.Domain;
import io.ashpg.resource.Names;
import io.ashpg.resource.OnDelete;
import io.ashpg.resource.Problem;
import io.ashpg.resource.Reference;
import io.ashpg.resource.Relationship;
import io.ashpg.resource.Resource;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The foreign keys of one resource's table, keyed by source attribute name:
 * <ul>
 *   <li>one per belongs_to whose destination is in the same repo and has a table (a polymorphic destination: the
 *       relationship's context table), unless {@code reference(...).ignore(true)}; a global table never references a
 *       context-multitenant (per-tenant) one;</li>
 *   <li>under attribute multitenancy on both sides, a reference to a non-primary-key column (or with
 *       {@code matchTenant}) also matches the tenant columns ({@code MATCH FULL} when the key column is NOT NULL,
 *       else PostgreSQL's default MATCH SIMPLE, unless a match type is declared); the target's unique index on
 *       the referenced columns (column, tenant, other {@code matchWith} columns) is requested from
 *       {@link TenantKeyIndexes};</li>
 *   <li>for a polymorphic resource's context table: a key back to the table of the resource whose has_many/has_one
 *       points at it, named {@code <context table>_<column>_fkey}, with that resource's polymorphic on-delete/update.</li>
 * </ul>
 */
final class ReferenceBuilder {

  private final Domain domain;
  private final List<TenantKeyIndexes.Need> needs;

  ReferenceBuilder(Domain domain, List<TenantKeyIndexes.Need> needs) {
    this.domain = domain;
    this.needs = needs;
  }

  Map<String, ReferenceSnapshot> of(Resource resource, String table) {
    Map<String, ReferenceSnapshot> out = new LinkedHashMap<>();
    for (Relationship relationship : resource.relationships()) {
      if (relationship instanceof BelongsTo belongsTo) {
        belongsTo(resource, table, belongsTo).ifPresent(r -> out.put(belongsTo.sourceAttribute(), r));
      }
    }
    if (resource.postgres().polymorphic()) {
      polymorphicBackReferences(resource, table, out);
    }
    return out;
  }

  private Optional<ReferenceSnapshot> belongsTo(Resource resource, String table, BelongsTo belongsTo) {
    Optional<Reference> options = resource.postgres().reference(belongsTo.name());
    Resource destination = domain.destination(resource, belongsTo);
    Repo repo = domain.repo(resource);
    if (options.map(Reference::ignore).orElse(false) || domain.repo(destination) != repo) {
      return Optional.empty();
    }
    Optional<String> destinationTable = destination.postgres().polymorphic() ? belongsTo.contextTable()
        : destination.table();
    Optional<Attribute> source = resource.attribute(belongsTo.sourceAttribute());
    Optional<Attribute> target = destination.attribute(belongsTo.destinationAttribute());
    MultitenancySnapshot sourceTenancy = ResourceTableBuilder.multitenancy(resource);
    MultitenancySnapshot targetTenancy = ResourceTableBuilder.multitenancy(destination);
    if (destinationTable.isEmpty() || source.isEmpty() || target.isEmpty()
        || resource.postgres().migrationIgnoreAttributes().contains(source.get().name())
        || (targetTenancy.isContext() && !sourceTenancy.isContext())) {
      return Optional.empty(); // nothing to reference, or global → per-tenant table (exists in no single schema)
    }
    Reference ref = options.orElse(null);
    String column = source.get().source();
    String targetColumn = target.get().source();
    boolean targetIsPrimaryKey = destination.primaryKey().equals(List.of(target.get()));

    Map<String, String> matchWith = new LinkedHashMap<>();
    if (ref != null) {
      ref.matchWith().forEach((s, d) -> matchWith.put(ResourceTableBuilder.column(resource, s),
          ResourceTableBuilder.column(destination, d)));
    }
    String matchType = ref == null ? null : ref.matchType().map(ReferenceBuilder::lower).orElse(null);
    boolean matchTenant = ref != null && ref.matchTenant();
    boolean tenantKey = false;
    if (sourceTenancy.isAttribute() && targetTenancy.isAttribute() && !column.equals(sourceTenancy.attribute())
        && !targetColumn.equals(targetTenancy.attribute()) && (!targetIsPrimaryKey || matchTenant)) {
      // a key to a non-primary-key column is only unique per tenant: match the tenant too, or rows could point
      // into another tenant
      matchWith.put(sourceTenancy.attribute(), targetTenancy.attribute());
      if (matchType == null && !source.get().allowNil()) {
        // MATCH FULL also refuses a key whose tenant column is NULL. Not on a nullable key: FULL would refuse every
        // row without a related record (key NULL, tenant set), so an optional relationship could never be empty;
        // the default MATCH SIMPLE checks the pair whenever both are set. (AshPostgres forces FULL; not copied.)
        matchType = "full";
      }
      tenantKey = true;
    }
    String schema = targetTenancy.isContext() ? null
        : destination.postgres().schema().orElse(repo.defaultPrefix());
    String name = ref != null && ref.name().isPresent() ? ref.name().get() : Names.foreignKey(table, column);
    Optional<OnDelete> onDelete = ref == null ? Optional.empty() : ref.onDelete();
    ReferenceSnapshot reference = new ReferenceSnapshot(name, destinationTable.get(), schema, targetColumn, null,
        target.get().generated(), targetIsPrimaryKey, targetTenancy,
        onDelete.map(d -> lower(d.kind())).orElse(null),
        onDelete.map(d -> d.columns().stream().map(c -> ResourceTableBuilder.column(resource, c)).toList())
            .orElse(List.of()),
        ref == null ? null : ref.onUpdate().map(ReferenceBuilder::lower).orElse(null),
        ref == null ? Deferrable.NO : deferrable(ref.deferrable()), matchWith, matchType, matchTenant,
        ref != null && ref.index(), ref == null ? null : ref.indexWhere().orElse(null));
    if (tenantKey) {
      needs.add(new TenantKeyIndexes.Need(resource.name(), destination, destinationTable.get(),
          IndexDefinitions.fkDestinationColumns(reference), targetTenancy.attribute()));
    }
    return Optional.of(reference);
  }

  /** Keys from a polymorphic resource's context table back to the resources whose relationships point at it. */
  private void polymorphicBackReferences(Resource polymorphic, String table, Map<String, ReferenceSnapshot> out) {
    Repo repo = domain.repo(polymorphic);
    Map<String, String> declaredBy = new LinkedHashMap<>();
    for (Resource source : domain.resources()) {
      for (Relationship relationship : source.relationships()) {
        if (relationship instanceof BelongsTo || !relationship.destination().equals(polymorphic.name())
            || !relationship.contextTable().equals(Optional.of(table)) || domain.repo(source) != repo
            || source.table().isEmpty()) {
          continue;
        }
        Optional<Attribute> column = polymorphic.attribute(relationship.destinationAttribute());
        Optional<Attribute> target = source.attribute(relationship.sourceAttribute());
        if (column.isEmpty() || target.isEmpty()
            || polymorphic.postgres().migrationIgnoreAttributes().contains(column.get().name())) {
          continue;
        }
        String attribute = column.get().name();
        String previous = declaredBy.putIfAbsent(attribute, source.name() + "." + relationship.name());
        if (previous != null || out.containsKey(attribute)) {
          throw new DefinitionException(List.of(new Problem(source.name(), "relationship(" + relationship.name()
              + ")", "table \"" + table + "\" of polymorphic resource \"" + polymorphic.name() + "\": column \""
              + column.get().source() + "\" already has a foreign key (from "
              + (previous != null ? previous : "a belongs_to of " + polymorphic.name()) + "); point the "
              + "relationships at different context tables or destination attributes")));
        }
        var pg = source.postgres();
        String name = pg.polymorphicName().orElse(Names.foreignKey(table, column.get().source()));
        Optional<OnDelete> onDelete = pg.polymorphicOnDelete();
        out.put(attribute, new ReferenceSnapshot(name, source.table().get(),
            source.postgres().schema().orElse(repo.defaultPrefix()), target.get().source(), null,
            target.get().generated(), source.primaryKey().equals(List.of(target.get())),
            ResourceTableBuilder.multitenancy(source), onDelete.map(d -> lower(d.kind())).orElse(null),
            onDelete.map(d -> d.columns().stream().map(c -> ResourceTableBuilder.column(polymorphic, c)).toList())
                .orElse(List.of()),
            pg.polymorphicOnUpdate().map(ReferenceBuilder::lower).orElse(null), Deferrable.NO, Map.of(), null,
            false, false, null));
      }
    }
  }

  private static Deferrable deferrable(io.ashpg.resource.Deferrable d) {
    return switch (d) {
      case NOT_DEFERRABLE -> Deferrable.NO;
      case DEFERRABLE -> Deferrable.IMMEDIATE;
      case INITIALLY_DEFERRED -> Deferrable.DEFERRED;
    };
  }

  private static String lower(Enum<?> e) {
    return e.name().toLowerCase(Locale.ROOT);
  }
}
