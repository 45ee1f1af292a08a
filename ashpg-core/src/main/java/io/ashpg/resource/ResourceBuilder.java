package io.ashpg.resource;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * The body of {@link Resource#define(String, Consumer)}: attributes, identities, relationships, actions,
 * multitenancy and the {@code postgres} section. Calls chain: {@code r -> r.uuidPrimaryKey("id").attribute(...)}.
 */
public final class ResourceBuilder {
  private final String name;
  private final List<Problem> problems = new ArrayList<>();
  private final PostgresBuilder postgres;
  private final List<Attribute> attributes = new ArrayList<>();
  private final List<Identity> identities = new ArrayList<>();
  private final List<Relationship> relationships = new ArrayList<>();
  private final List<Action> actions = new ArrayList<>();
  private final List<Calculation> calculations = new ArrayList<>();
  private Multitenancy multitenancy;

  ResourceBuilder(String name) {
    this.name = name;
    this.postgres = new PostgresBuilder(name, problems);
  }

  /** The {@code postgres} section; may be called more than once, options accumulate. */
  public ResourceBuilder postgres(Consumer<PostgresBuilder> section) {
    section.accept(postgres);
    return this;
  }

  /** An attribute with default options. */
  public ResourceBuilder attribute(String name, Type type) {
    return attribute(name, type, a -> {});
  }

  /** An attribute with options, e.g. {@code a -> a.allowNil(false).defaultValue(0)}. */
  public ResourceBuilder attribute(String name, Type type, Consumer<AttributeBuilder> options) {
    AttributeBuilder builder = new AttributeBuilder(name, type);
    options.accept(builder);
    attributes.add(builder.build());
    return this;
  }

  /** A UUID primary key generated as a random UUID; not null, not writable. */
  public ResourceBuilder uuidPrimaryKey(String name) {
    return attribute(name, Type.UUID, a -> a.primaryKey(true).allowNil(false).writable(false)
        .defaultValue(AttributeDefault.uuidGenerate()));
  }

  /** A UUID primary key generated as a version 7 UUID; not null, not writable. */
  public ResourceBuilder uuidV7PrimaryKey(String name) {
    return attribute(name, Type.UUID_V7, a -> a.primaryKey(true).allowNil(false).writable(false)
        .defaultValue(AttributeDefault.uuidV7Generate()));
  }

  /** A database-generated integer primary key ({@code bigserial}); not null, not writable. */
  public ResourceBuilder integerPrimaryKey(String name) {
    return attribute(name, Type.INTEGER, a -> a.primaryKey(true).allowNil(false).generated(true).writable(false));
  }

  /** A microsecond UTC timestamp set on create. */
  public ResourceBuilder createTimestamp(String name) {
    return attribute(name, Type.UTC_DATETIME_USEC, a -> a.allowNil(false).writable(false)
        .defaultValue(AttributeDefault.now()));
  }

  /** A microsecond UTC timestamp set on create and on every update. */
  public ResourceBuilder updateTimestamp(String name) {
    return attribute(name, Type.UTC_DATETIME_USEC, a -> a.allowNil(false).writable(false)
        .defaultValue(AttributeDefault.now()).updateDefault(AttributeDefault.now()));
  }

  /** An identity over {@code keys} with default options. */
  public ResourceBuilder identity(String name, String... keys) {
    return identity(name, List.of(keys), i -> {});
  }

  /** An identity with options, e.g. {@code i -> i.nullsDistinct(false)}. */
  public ResourceBuilder identity(String name, List<String> keys, Consumer<IdentityBuilder> options) {
    Objects.requireNonNull(name, "identity name");
    IdentityBuilder builder = new IdentityBuilder();
    options.accept(builder);
    if (keys.isEmpty()) {
      problems.add(new Problem(this.name, "identity(" + name + ")", "an identity needs at least one key"));
    }
    identities.add(builder.build(name, keys));
    return this;
  }

  /** This resource holds a foreign key {@code <name>_id} to {@code destination}'s {@code id}. */
  public ResourceBuilder belongsTo(String name, String destination) {
    return belongsTo(name, destination, b -> {});
  }

  /** A belongs_to with options. */
  public ResourceBuilder belongsTo(String name, String destination, Consumer<BelongsToBuilder> options) {
    BelongsToBuilder builder = new BelongsToBuilder();
    options.accept(builder);
    relationships.add(builder.build(requireName(name), requireName(destination)));
    return this;
  }

  /** {@code destination} holds a key to this resource; at most one record matches. */
  public ResourceBuilder hasOne(String name, String destination) {
    return hasOne(name, destination, b -> {});
  }

  /** A has_one with options. */
  public ResourceBuilder hasOne(String name, String destination, Consumer<HasBuilder> options) {
    HasBuilder builder = new HasBuilder();
    options.accept(builder);
    relationships.add(builder.buildHasOne(this.name, requireName(name), requireName(destination)));
    return this;
  }

  /** {@code destination} holds a key {@code <this resource>_id} to this resource. */
  public ResourceBuilder hasMany(String name, String destination) {
    return hasMany(name, destination, b -> {});
  }

  /** A has_many with options, e.g. {@code rel -> rel.destinationAttribute("post_id")}. */
  public ResourceBuilder hasMany(String name, String destination, Consumer<HasBuilder> options) {
    HasBuilder builder = new HasBuilder();
    options.accept(builder);
    relationships.add(builder.buildHasMany(this.name, requireName(name), requireName(destination)));
    return this;
  }

  /** Links to {@code destination} through the join resource {@code through}. */
  public ResourceBuilder manyToMany(String name, String destination, String through) {
    return manyToMany(name, destination, through, b -> {});
  }

  /** A many_to_many with options. */
  public ResourceBuilder manyToMany(String name, String destination, String through,
                                    Consumer<ManyToManyBuilder> options) {
    ManyToManyBuilder builder = new ManyToManyBuilder();
    options.accept(builder);
    relationships.add(builder.build(this.name, requireName(name), requireName(destination), requireName(through)));
    return this;
  }

  /** A calculation (needed to use it as an identity key via {@code calculationsToSql}). */
  public ResourceBuilder calculation(String name, Type type) {
    calculations.add(new Calculation(name, type));
    return this;
  }

  /** Multitenancy, e.g. {@code m -> m.strategy(Strategy.ATTRIBUTE).attribute("org_id")}. */
  public ResourceBuilder multitenancy(Consumer<MultitenancyBuilder> options) {
    MultitenancyBuilder builder = new MultitenancyBuilder();
    options.accept(builder);
    this.multitenancy = builder.build();
    return this;
  }

  /** One action per type, named after it ({@code "read"}, {@code "create"}, ...). */
  public ResourceBuilder defaultActions(ActionType... types) {
    for (ActionType type : types) {
      action(type, type.defaultName(), a -> { });
    }
    return this;
  }

  /** A read action. */
  public ResourceBuilder read(String name, Consumer<ActionBuilder> options) {
    return action(ActionType.READ, name, options);
  }

  /** A create action. */
  public ResourceBuilder create(String name, Consumer<ActionBuilder> options) {
    return action(ActionType.CREATE, name, options);
  }

  /** An update action. */
  public ResourceBuilder update(String name, Consumer<ActionBuilder> options) {
    return action(ActionType.UPDATE, name, options);
  }

  /** A destroy action. */
  public ResourceBuilder destroy(String name, Consumer<ActionBuilder> options) {
    return action(ActionType.DESTROY, name, options);
  }

  /** An action of any type. */
  public ResourceBuilder action(ActionType type, String name, Consumer<ActionBuilder> options) {
    Objects.requireNonNull(type, "action type");
    ActionBuilder builder = new ActionBuilder();
    options.accept(builder);
    actions.add(builder.build(type, requireName(name)));
    return this;
  }

  Resource build() {
    return new Resource(name, withBelongsToAttributes(), identities, relationships, actions, calculations,
        multitenancy, postgres.build(), problems);
  }

  /** Declared attributes, then the source attributes belongs_to relationships define (Ash appends them too). */
  private List<Attribute> withBelongsToAttributes() {
    List<Attribute> all = new ArrayList<>(attributes);
    for (Relationship relationship : relationships) {
      if (relationship instanceof BelongsTo b && b.defineAttribute()
          && all.stream().noneMatch(a -> a.name().equals(b.sourceAttribute()))) {
        all.add(new Attribute(b.sourceAttribute(), b.attributeType(), b.sourceAttribute(), b.allowNil() && !b.primaryKey(),
            b.primaryKey(), false, b.attributeWritable(), java.util.Optional.empty(), java.util.Optional.empty()));
      }
    }
    return all;
  }

  private static String requireName(String name) {
    return Objects.requireNonNull(name, "name");
  }
}
