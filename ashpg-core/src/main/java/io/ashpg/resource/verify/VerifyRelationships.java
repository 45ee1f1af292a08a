package io.ashpg.resource.verify;

import io.ashpg.resource.Attribute;
import io.ashpg.resource.BelongsTo;
import io.ashpg.resource.HasMany;
import io.ashpg.resource.HasOne;
import io.ashpg.resource.ManyToMany;
import io.ashpg.resource.Relationship;
import io.ashpg.resource.Resource;
import java.util.Optional;

/**
 * Relationship destinations (and many-to-many {@code through} resources) exist in the domain, the attributes they join
 * on exist on the respective resources, and a belongs_to key has the type of the key it references.
 */
public final class VerifyRelationships implements ResourceVerifier {
  @Override
  public void verify(Resource resource, VerificationContext context) {
    for (Relationship relationship : resource.relationships()) {
      String option = label(relationship);
      Optional<Resource> destination = context.resource(relationship.destination());
      if (destination.isEmpty()) {
        context.problem(resource, option, "destination resource \"" + relationship.destination()
            + "\" is not in the domain; add it to an Api passed to Domain.build or fix the name"
            + Hints.known(context.resources().stream().map(Resource::name).toList()));
      }
      Optional<Attribute> source = attribute(resource, relationship.sourceAttribute());
      if (source.isEmpty()) {
        String fix = relationship instanceof BelongsTo b && !b.defineAttribute()
            ? "declare the attribute, or drop defineAttribute(false)" : "set sourceAttribute(...) to an attribute";
        context.problem(resource, option + ".sourceAttribute", "\"" + relationship.sourceAttribute()
            + "\" is not an attribute of this resource; " + fix + Hints.knownAttributes(resource));
      }
      Optional<Attribute> target = destination.flatMap(d -> attribute(d, relationship.destinationAttribute()));
      if (destination.isPresent() && target.isEmpty()) {
        context.problem(resource, option + ".destinationAttribute", "\"" + relationship.destinationAttribute()
            + "\" is not an attribute of \"" + destination.get().name() + "\"; set destinationAttribute(...)"
            + Hints.knownAttributes(destination.get()));
      }
      if (relationship instanceof BelongsTo && source.isPresent() && target.isPresent()
          && !source.get().type().migrationType().equals(target.get().type().migrationType())) {
        context.problem(resource, option + ".attributeType", "foreign key \"" + source.get().name() + "\" is "
            + source.get().type().migrationType() + " but \"" + destination.get().name() + "." + target.get().name()
            + "\" is " + target.get().type().migrationType() + "; set attributeType(...) (or the attribute's type) "
            + "to the referenced type");
      }
      if (relationship instanceof ManyToMany m) {
        verifyThrough(resource, m, context);
      }
    }
  }

  private static void verifyThrough(Resource resource, ManyToMany m, VerificationContext context) {
    String option = label(m) + ".through";
    Optional<Resource> through = context.resource(m.through());
    if (through.isEmpty()) {
      context.problem(resource, option, "join resource \"" + m.through() + "\" is not in the domain; add it to an Api"
          + " or fix the name");
      return;
    }
    for (String attribute : new String[] {m.sourceAttributeOnJoinResource(), m.destinationAttributeOnJoinResource()}) {
      if (attribute(through.get(), attribute).isEmpty()) {
        context.problem(resource, option, "\"" + attribute + "\" is not an attribute of join resource \""
            + m.through() + "\"; set sourceAttributeOnJoinResource/destinationAttributeOnJoinResource"
            + Hints.knownAttributes(through.get()));
      }
    }
  }

  private static Optional<Attribute> attribute(Resource resource, String name) {
    return resource.attribute(name);
  }

  static String label(Relationship relationship) {
    String kind;
    if (relationship instanceof BelongsTo) {
      kind = "belongsTo";
    } else if (relationship instanceof HasOne) {
      kind = "hasOne";
    } else if (relationship instanceof HasMany) {
      kind = "hasMany";
    } else {
      kind = "manyToMany";
    }
    return kind + "(" + relationship.name() + ")";
  }
}
