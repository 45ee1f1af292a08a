package io.ashpg.resource.verify;

import io.ashpg.resource.BelongsTo;
import io.ashpg.resource.PostgresOptions;
import io.ashpg.resource.Relationship;
import io.ashpg.resource.Resource;

/**
 * {@code polymorphicOnDelete}, {@code polymorphicOnUpdate} and {@code polymorphicName} configure the foreign keys that
 * tables generated for a polymorphic destination get back to <em>this</em> resource's table (as in AshPostgres, where
 * they are read from the relationship's source). They only take effect when this resource has a relationship with a
 * {@code contextTable} to a polymorphic resource; set anywhere else they are a mistake.
 */
public final class VerifyPolymorphicOptions implements ResourceVerifier {
  @Override
  public void verify(Resource resource, VerificationContext context) {
    PostgresOptions pg = resource.postgres();
    boolean anySet = pg.polymorphicOnDelete().isPresent() || pg.polymorphicOnUpdate().isPresent()
        || pg.polymorphicName().isPresent();
    if (!anySet || hasPolymorphicRelationship(resource, context)) {
      return;
    }
    String message = "has no effect: it applies to the foreign keys from tables of a polymorphic resource back to "
        + "this resource, but this resource has no relationship with contextTable(...) to a polymorphic resource; "
        + "remove it, or set it on the resource that declares that relationship";
    if (pg.polymorphicOnDelete().isPresent()) {
      context.problem(resource, "polymorphicOnDelete", message);
    }
    if (pg.polymorphicOnUpdate().isPresent()) {
      context.problem(resource, "polymorphicOnUpdate", message);
    }
    if (pg.polymorphicName().isPresent()) {
      context.problem(resource, "polymorphicName", message);
    }
  }

  static boolean hasPolymorphicRelationship(Resource resource, VerificationContext context) {
    for (Relationship relationship : resource.relationships()) {
      if (!(relationship instanceof BelongsTo) && relationship.contextTable().isPresent()
          && context.resource(relationship.destination()).map(d -> d.postgres().polymorphic()).orElse(false)) {
        return true;
      }
    }
    return false;
  }
}
