package io.ashpg.resource;

import java.util.Map;
import java.util.Optional;

/**
 * A link from one resource to another, naming the destination by resource name (the {@link Domain} resolves it).
 */
public sealed interface Relationship permits BelongsTo, HasOne, HasMany, ManyToMany {

  /** Relationship name. */
  String name();

  /** Name of the destination resource. */
  String destination();

  /** Attribute on this resource that the relationship joins on. */
  String sourceAttribute();

  /** Attribute on the destination (or, for many-to-many, the destination's key) that it joins on. */
  String destinationAttribute();

  /** Context applied when reading or writing the destination through this relationship (deeply immutable). */
  Map<String, Object> relationshipContext();

  /** The table from {@code relationshipContext.data_layer.table}, used for polymorphic destinations. */
  default Optional<String> contextTable() {
    return Contexts.table(relationshipContext());
  }

  /** Whether the relationship can hold many destination records. */
  default boolean toMany() {
    return this instanceof HasMany || this instanceof ManyToMany;
  }
}
