package io.ashpg.resource.verify;

import io.ashpg.resource.Attribute;
import io.ashpg.resource.BelongsTo;
import io.ashpg.resource.MatchType;
import io.ashpg.resource.Multitenancy;
import io.ashpg.resource.OnDelete;
import io.ashpg.resource.Reference;
import io.ashpg.resource.Relationship;
import io.ashpg.resource.Resource;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * {@code reference(x)} names an existing belongs_to relationship (once), its {@code matchWith} pairs name attributes
 * of the source and destination, its {@code OnDelete.nilify} columns name attributes of the foreign key, and its match
 * type is one PostgreSQL implements (not {@link MatchType#PARTIAL}).
 */
public final class VerifyReferences implements ResourceVerifier {
  @Override
  public void verify(Resource resource, VerificationContext context) {
    Set<String> seen = new HashSet<>();
    for (Reference reference : resource.postgres().references()) {
      String option = "reference(" + reference.relationship() + ")";
      if (!seen.add(reference.relationship())) {
        context.problem(resource, option, "declared more than once; merge the options into one reference(...)");
        continue;
      }
      Optional<Relationship> relationship = resource.relationship(reference.relationship());
      if (relationship.isEmpty()) {
        context.problem(resource, option, "there is no relationship \"" + reference.relationship()
            + "\"; name a belongs_to relationship of this resource" + Hints.known(resource.relationships().stream()
            .filter(BelongsTo.class::isInstance).map(Relationship::name).toList()));
        continue;
      }
      if (!(relationship.get() instanceof BelongsTo belongsTo)) {
        context.problem(resource, option, "\"" + reference.relationship() + "\" is a "
            + relationship.get().getClass().getSimpleName() + " relationship; references configure the foreign key "
            + "of a belongs_to, so configure it on the resource that holds the key");
        continue;
      }
      Optional<Resource> destination = context.resource(belongsTo.destination());
      reference.matchWith().forEach((source, dest) -> {
        if (!Hints.isColumn(resource, source)) {
          context.problem(resource, option + ".matchWith", "\"" + source + "\" is not an attribute of this resource;"
              + " matchWith keys are source attributes" + Hints.knownAttributes(resource));
        }
        if (destination.isPresent() && !Hints.isColumn(destination.get(), dest)) {
          context.problem(resource, option + ".matchWith", "\"" + dest + "\" is not an attribute of \""
              + destination.get().name() + "\"; matchWith values are destination attributes"
              + Hints.knownAttributes(destination.get()));
        }
      });
      if (reference.matchType().equals(Optional.of(MatchType.PARTIAL))) {
        context.problem(resource, option + ".matchType", "MATCH PARTIAL is not implemented by PostgreSQL, so the"
            + " foreign key could not be created; use MatchType.FULL (all key columns set, or all null) or"
            + " MatchType.SIMPLE (the default: checked only when every key column is set)");
      }
      List<String> keyColumns = keyAttributes(resource, belongsTo, reference, destination);
      reference.onDelete().map(OnDelete::columns).ifPresent(columns -> columns.forEach(c -> {
        if (!Hints.isColumn(resource, c)) {
          context.problem(resource, option + ".onDelete", "nilify column \"" + c
              + "\" is not an attribute of this resource" + Hints.knownAttributes(resource));
        } else if (!keyColumns.contains(c)) {
          // PostgreSQL refuses SET NULL (columns) outside the key (42P10) only when the migration runs
          context.problem(resource, option + ".onDelete", "nilify column \"" + c + "\" is not part of the foreign"
              + " key, so it cannot be set null by it; name key attributes only: " + keyColumns);
        }
      }));
    }
  }

  /**
   * The source attributes of the foreign key: the belongs_to attribute, the {@code matchWith} keys, and the tenant
   * attribute when the key matches the tenant (both sides attribute-multitenant, and {@code matchTenant} or a
   * destination attribute other than the primary key; the rule of the migration generator's reference builder).
   */
  private static List<String> keyAttributes(Resource resource, BelongsTo belongsTo, Reference reference,
      Optional<Resource> destination) {
    List<String> out = new ArrayList<>();
    out.add(belongsTo.sourceAttribute());
    out.addAll(reference.matchWith().keySet());
    Optional<String> tenant = resource.multitenancy()
        .filter(m -> m.strategy() == Multitenancy.Strategy.ATTRIBUTE).flatMap(Multitenancy::attribute);
    boolean destinationTenant = destination.flatMap(Resource::multitenancy)
        .map(m -> m.strategy() == Multitenancy.Strategy.ATTRIBUTE).orElse(false);
    boolean toPrimaryKey = destination.map(d -> d.primaryKey().stream().map(Attribute::name).toList()
        .equals(List.of(belongsTo.destinationAttribute()))).orElse(true);
    if (tenant.isPresent() && destinationTenant && (reference.matchTenant() || !toPrimaryKey)) {
      out.add(tenant.get());
    }
    return out;
  }
}
