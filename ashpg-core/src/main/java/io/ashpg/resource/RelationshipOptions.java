package io.ashpg.resource;

import java.util.Map;
import java.util.Objects;

/**
 * Options every relationship kind has. {@code B} is the concrete builder so chained calls keep their type.
 *
 * @param <B> the concrete builder type
 */
public abstract sealed class RelationshipOptions<B extends RelationshipOptions<B>>
    permits BelongsToBuilder, HasBuilder, ManyToManyBuilder {
  String sourceAttribute;
  String destinationAttribute;
  Map<String, ?> relationshipContext = Map.of();

  RelationshipOptions() {}

  abstract B self();

  /** The attribute on this resource the relationship joins on. */
  public B sourceAttribute(String attribute) {
    this.sourceAttribute = Objects.requireNonNull(attribute, "sourceAttribute");
    return self();
  }

  /** The attribute on the destination the relationship joins on. */
  public B destinationAttribute(String attribute) {
    this.destinationAttribute = Objects.requireNonNull(attribute, "destinationAttribute");
    return self();
  }

  /** Context applied to the destination, e.g. {@code Map.of("data_layer", Map.of("table", "post_reactions"))}. */
  public B relationshipContext(Map<String, ?> context) {
    this.relationshipContext = Objects.requireNonNull(context, "relationshipContext");
    return self();
  }

  /** Shorthand for a relationship context selecting the destination's table (polymorphic destinations). */
  public B contextTable(String table) {
    return relationshipContext(Contexts.withTable(Objects.requireNonNull(table, "table")));
  }
}
