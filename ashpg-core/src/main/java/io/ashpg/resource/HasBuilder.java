package io.ashpg.resource;

/** Options of {@code hasOne(...)} and {@code hasMany(...)}. */
public final class HasBuilder extends RelationshipOptions<HasBuilder> {
  HasBuilder() {}

  @Override
  HasBuilder self() {
    return this;
  }

  HasOne buildHasOne(String resourceName, String name, String destination) {
    return new HasOne(name, destination, or(sourceAttribute, "id"), or(destinationAttribute, resourceName + "_id"),
        Copies.deepMap(relationshipContext));
  }

  HasMany buildHasMany(String resourceName, String name, String destination) {
    return new HasMany(name, destination, or(sourceAttribute, "id"), or(destinationAttribute, resourceName + "_id"),
        Copies.deepMap(relationshipContext));
  }

  static String or(String value, String fallback) {
    return value != null ? value : fallback;
  }
}
