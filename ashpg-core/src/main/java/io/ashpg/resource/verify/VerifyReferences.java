package io.ashpg.resource.verify;

import io.ashpg.resource.BelongsTo;
import io.ashpg.resource.MatchType;
import io.ashpg.resource.OnDelete;
import io.ashpg.resource.Reference;
import io.ashpg.resource.Relationship;
import io.ashpg.resource.Resource;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

/**
 * {@code reference(x)} names an existing belongs_to relationship (once), its {@code matchWith} pairs and
 * {@code OnDelete.nilify} columns name attributes of the source and destination, and its match type is one
 * PostgreSQL implements (not {@link MatchType#PARTIAL}).
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
      reference.onDelete().map(OnDelete::columns).ifPresent(columns -> columns.stream()
          .filter(c -> !Hints.isColumn(resource, c))
          .forEach(c -> context.problem(resource, option + ".onDelete", "nilify column \"" + c
              + "\" is not an attribute of this resource" + Hints.knownAttributes(resource))));
    }
  }
}
