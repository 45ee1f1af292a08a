package io.ashpg.resource;

import io.ashpg.repo.Repo;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * A resource definition: its attributes (declaration order, belongs_to foreign keys appended), identities,
 * relationships, actions, calculations, multitenancy and {@code postgres} options. Immutable.
 *
 * <p>Define resources as constants and list them in an {@link Api}; {@link Domain#build(Api...)} resolves and
 * verifies them. Defining never throws for semantic mistakes (a failing static initializer is hard to debug);
 * those are reported by the {@link Domain} as {@link Problem}s.
 *
 * <pre>{@code
 * public static final Resource RESOURCE = Resource.define("post", r -> r
 *     .postgres(pg -> pg.repo(BlogRepo.class).table("posts"))
 *     .uuidPrimaryKey("id")
 *     .attribute("title", Type.STRING, a -> a.allowNil(false)));
 * }</pre>
 */
public final class Resource {
  private final String name;
  private final List<Attribute> attributes;
  /** Derived from the attributes once: queries look attributes up by name and ask for the key on every call. */
  private final List<Attribute> primaryKey;
  private final Map<String, Attribute> attributesByName;
  private final List<Identity> identities;
  private final List<Relationship> relationships;
  private final List<Action> actions;
  private final List<Calculation> calculations;
  private final Optional<Multitenancy> multitenancy;
  private final PostgresOptions postgres;
  private final List<Problem> definitionProblems;

  Resource(String name, List<Attribute> attributes, List<Identity> identities, List<Relationship> relationships,
           List<Action> actions, List<Calculation> calculations, Multitenancy multitenancy, PostgresOptions postgres,
           List<Problem> definitionProblems) {
    this.name = name;
    this.attributes = List.copyOf(attributes);
    this.primaryKey = this.attributes.stream().filter(Attribute::primaryKey).toList();
    Map<String, Attribute> byName = new HashMap<>();
    for (Attribute a : this.attributes) {
      byName.putIfAbsent(a.name(), a);
    }
    this.attributesByName = Map.copyOf(byName);
    this.identities = List.copyOf(identities);
    this.relationships = List.copyOf(relationships);
    this.actions = List.copyOf(actions);
    this.calculations = List.copyOf(calculations);
    this.multitenancy = Optional.ofNullable(multitenancy);
    this.postgres = Objects.requireNonNull(postgres, "postgres");
    this.definitionProblems = List.copyOf(definitionProblems);
  }

  /** Defines a resource named {@code name} (used by relationships, errors and default key names). */
  public static Resource define(String name, Consumer<ResourceBuilder> body) {
    Objects.requireNonNull(name, "resource name");
    if (name.isBlank()) {
      throw new IllegalArgumentException("a resource name must not be blank");
    }
    ResourceBuilder builder = new ResourceBuilder(name);
    body.accept(builder);
    return builder.build();
  }

  /** The resource name. */
  public String name() {
    return name;
  }

  /** Attributes in declaration order, followed by foreign keys defined by belongs_to relationships. */
  public List<Attribute> attributes() {
    return attributes;
  }

  /** Identities in declaration order. */
  public List<Identity> identities() {
    return identities;
  }

  /** Relationships in declaration order. */
  public List<Relationship> relationships() {
    return relationships;
  }

  /** Actions in declaration order. */
  public List<Action> actions() {
    return actions;
  }

  /** Calculations in declaration order. */
  public List<Calculation> calculations() {
    return calculations;
  }

  /** Multitenancy, if configured. */
  public Optional<Multitenancy> multitenancy() {
    return multitenancy;
  }

  /** The {@code postgres} section. */
  public PostgresOptions postgres() {
    return postgres;
  }

  /** Problems found while defining (e.g. a custom statement without {@code down}); reported by {@link Domain}. */
  public List<Problem> definitionProblems() {
    return definitionProblems;
  }

  /** The attribute named {@code name}. */
  public Optional<Attribute> attribute(String name) {
    return name == null ? Optional.empty() : Optional.ofNullable(attributesByName.get(name));
  }

  /** The primary key attributes, in declaration order (empty if none). */
  public List<Attribute> primaryKey() {
    return primaryKey;
  }

  /** The relationship named {@code name}. */
  public Optional<Relationship> relationship(String name) {
    return relationships.stream().filter(r -> r.name().equals(name)).findFirst();
  }

  /** The identity named {@code name}. */
  public Optional<Identity> identity(String name) {
    return identities.stream().filter(i -> i.name().equals(name)).findFirst();
  }

  /** The calculation named {@code name}. */
  public Optional<Calculation> calculation(String name) {
    return calculations.stream().filter(c -> c.name().equals(name)).findFirst();
  }

  /** The action named {@code name}. */
  public Optional<Action> action(String name) {
    return actions.stream().filter(a -> a.name().equals(name)).findFirst();
  }

  /** Whether the resource has a create action (matters when merging resources that share a table). */
  public boolean hasCreateAction() {
    return actions.stream().anyMatch(a -> a.type() == ActionType.CREATE);
  }

  /** The table, if not polymorphic. */
  public Optional<String> table() {
    return postgres.table();
  }

  /** The repo class for {@code purpose}, if a repo is configured. */
  public Optional<Class<? extends Repo>> repoClass(RepoPurpose purpose) {
    return postgres.repo().map(selector -> selector.select(this, purpose));
  }

  /**
   * The unique index name of an identity on this resource's table.
   *
   * @throws IllegalStateException for a polymorphic resource without an override: use
   *                               {@link PostgresOptions#identityIndexName(String, String)} with the context table
   */
  public String identityIndexName(String identity) {
    String override = postgres.identityIndexNames().get(identity);
    return override != null ? override : postgres.identityIndexName(requireTable("identityIndexName"), identity);
  }

  /**
   * The foreign key name of a belongs_to relationship on this resource's table.
   *
   * @throws IllegalStateException for a polymorphic resource without {@code reference(...).name}
   */
  public String foreignKeyName(BelongsTo relationship) {
    return postgres.reference(relationship.name()).flatMap(Reference::name)
        .orElseGet(() -> postgres.foreignKeyName(requireTable("foreignKeyName"), relationship));
  }

  private String requireTable(String method) {
    return postgres.table().orElseThrow(() -> new IllegalStateException("resource " + name
        + " has no table (polymorphic); call postgres()." + method + "(table, ...) with the context table"));
  }

  @Override
  public String toString() {
    return "Resource[" + name + postgres.table().map(t -> ", table " + t).orElse("") + "]";
  }
}
