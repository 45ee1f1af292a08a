package io.ashpg.resource;

import java.util.Objects;

/** Options of {@code manyToMany(...)}. */
public final class ManyToManyBuilder extends RelationshipOptions<ManyToManyBuilder> {
  private String sourceAttributeOnJoinResource;
  private String destinationAttributeOnJoinResource;

  ManyToManyBuilder() {}

  @Override
  ManyToManyBuilder self() {
    return this;
  }

  /** The join resource's attribute pointing at this resource (default {@code <this resource name>_id}). */
  public ManyToManyBuilder sourceAttributeOnJoinResource(String attribute) {
    this.sourceAttributeOnJoinResource = Objects.requireNonNull(attribute, "sourceAttributeOnJoinResource");
    return this;
  }

  /** The join resource's attribute pointing at the destination (default {@code <destination name>_id}). */
  public ManyToManyBuilder destinationAttributeOnJoinResource(String attribute) {
    this.destinationAttributeOnJoinResource = Objects.requireNonNull(attribute, "destinationAttributeOnJoinResource");
    return this;
  }

  ManyToMany build(String resourceName, String name, String destination, String through) {
    return new ManyToMany(name, destination, through, HasBuilder.or(sourceAttribute, "id"),
        HasBuilder.or(destinationAttribute, "id"),
        HasBuilder.or(sourceAttributeOnJoinResource, resourceName + "_id"),
        HasBuilder.or(destinationAttributeOnJoinResource, destination + "_id"),
        Copies.deepMap(relationshipContext));
  }
}
