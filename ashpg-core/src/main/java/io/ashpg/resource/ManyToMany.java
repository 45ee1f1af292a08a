package io.ashpg.resource;

import java.util.Map;
import java.util.Objects;

/**
 * Records are linked through a join resource holding keys to both sides.
 *
 * @param name                                relationship name
 * @param destination                         destination resource name
 * @param through                             join resource name
 * @param sourceAttribute                     key on this resource (default {@code id})
 * @param destinationAttribute                key on the destination (default {@code id})
 * @param sourceAttributeOnJoinResource       join column pointing here (default {@code <this resource name>_id})
 * @param destinationAttributeOnJoinResource  join column pointing at the destination
 *                                            (default {@code <destination name>_id})
 * @param relationshipContext                 context for the destination
 */
public record ManyToMany(
    String name,
    String destination,
    String through,
    String sourceAttribute,
    String destinationAttribute,
    String sourceAttributeOnJoinResource,
    String destinationAttributeOnJoinResource,
    Map<String, Object> relationshipContext) implements Relationship {

  public ManyToMany {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(destination, "destination");
    Objects.requireNonNull(through, "through");
    Objects.requireNonNull(sourceAttribute, "sourceAttribute");
    Objects.requireNonNull(destinationAttribute, "destinationAttribute");
    Objects.requireNonNull(sourceAttributeOnJoinResource, "sourceAttributeOnJoinResource");
    Objects.requireNonNull(destinationAttributeOnJoinResource, "destinationAttributeOnJoinResource");
    relationshipContext = Copies.deepMap(relationshipContext);
  }
}
