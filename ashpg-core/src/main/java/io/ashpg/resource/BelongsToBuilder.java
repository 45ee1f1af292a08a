package io.ashpg.resource;

import java.util.Objects;

/** Options of {@code belongsTo(...)}. */
public final class BelongsToBuilder extends RelationshipOptions<BelongsToBuilder> {
  private boolean allowNil = true;
  private boolean primaryKey;
  private Type attributeType = Type.UUID;
  private boolean defineAttribute = true;
  private boolean attributeWritable = true;

  BelongsToBuilder() {}

  @Override
  BelongsToBuilder self() {
    return this;
  }

  /** Whether the foreign key may be null (default true). */
  public BelongsToBuilder allowNil(boolean allowNil) {
    this.allowNil = allowNil;
    return this;
  }

  /** Whether the foreign key is part of the primary key (default false). */
  public BelongsToBuilder primaryKey(boolean primaryKey) {
    this.primaryKey = primaryKey;
    return this;
  }

  /** The type of the defined foreign key attribute (default {@link Type#UUID}). */
  public BelongsToBuilder attributeType(Type type) {
    this.attributeType = Objects.requireNonNull(type, "attributeType");
    return this;
  }

  /** {@code false} when the resource declares the foreign key attribute itself or it should not exist. */
  public BelongsToBuilder defineAttribute(boolean defineAttribute) {
    this.defineAttribute = defineAttribute;
    return this;
  }

  /** Whether the defined foreign key attribute is writable (default true). */
  public BelongsToBuilder attributeWritable(boolean attributeWritable) {
    this.attributeWritable = attributeWritable;
    return this;
  }

  BelongsTo build(String name, String destination) {
    return new BelongsTo(name, destination, HasBuilder.or(sourceAttribute, name + "_id"),
        HasBuilder.or(destinationAttribute, "id"), allowNil, primaryKey, attributeType, defineAttribute,
        attributeWritable, Copies.deepMap(relationshipContext));
  }
}
