package io.ashpg.resource;

import java.util.Map;
import java.util.Objects;

/**
 * This resource holds the foreign key ({@code sourceAttribute}) to the destination's {@code destinationAttribute}.
 * Unless {@code defineAttribute} is false or an attribute of that name is declared, the resource gets the source
 * attribute automatically (type {@code attributeType}, nullability {@code allowNil}).
 *
 * @param name                 relationship name
 * @param destination          destination resource name
 * @param sourceAttribute      foreign key attribute (default {@code <name>_id})
 * @param destinationAttribute referenced attribute (default {@code id})
 * @param allowNil             whether the foreign key may be null (default true)
 * @param primaryKey           whether the foreign key is part of the primary key (default false)
 * @param attributeType        type of the defined attribute (default {@link Type#UUID})
 * @param defineAttribute      whether to define the source attribute (default true)
 * @param attributeWritable    whether the defined attribute is writable (default true: ashpg has no
 *                             relationship management, so creates set the key directly)
 * @param relationshipContext  context for the destination (e.g. a polymorphic table)
 */
public record BelongsTo(
    String name,
    String destination,
    String sourceAttribute,
    String destinationAttribute,
    boolean allowNil,
    boolean primaryKey,
    Type attributeType,
    boolean defineAttribute,
    boolean attributeWritable,
    Map<String, Object> relationshipContext) implements Relationship {

  public BelongsTo {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(destination, "destination");
    Objects.requireNonNull(sourceAttribute, "sourceAttribute");
    Objects.requireNonNull(destinationAttribute, "destinationAttribute");
    Objects.requireNonNull(attributeType, "attributeType");
    relationshipContext = Copies.deepMap(relationshipContext);
  }
}
