package io.ashpg.resource;

import java.util.Map;
import java.util.Objects;

/**
 * The destination holds a key to this resource and any number of destination records match.
 *
 * @param name                 relationship name
 * @param destination          destination resource name
 * @param sourceAttribute      attribute on this resource (default {@code id})
 * @param destinationAttribute key on the destination (default {@code <this resource name>_id})
 * @param relationshipContext  context for the destination (e.g. {@code data_layer.table} of a polymorphic one)
 */
public record HasMany(
    String name,
    String destination,
    String sourceAttribute,
    String destinationAttribute,
    Map<String, Object> relationshipContext) implements Relationship {

  public HasMany {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(destination, "destination");
    Objects.requireNonNull(sourceAttribute, "sourceAttribute");
    Objects.requireNonNull(destinationAttribute, "destinationAttribute");
    relationshipContext = Copies.deepMap(relationshipContext);
  }
}
