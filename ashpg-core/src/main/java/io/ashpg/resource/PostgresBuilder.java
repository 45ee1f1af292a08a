package io.ashpg.resource;

import io.ashpg.repo.Repo;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;

/** The {@code postgres(pg -> ...)} section: table, repo, indexes, constraints and the other AshPostgres options. */
public final class PostgresBuilder {
  private final List<Problem> problems;
  private final String resource;

  private RepoSelector repo;
  private Class<? extends Repo> repoClass;
  private String table;
  private String schema;
  private boolean migrate = true;
  private final Map<String, String> migrationTypes = new LinkedHashMap<>();
  private final Map<String, String> migrationDefaults = new LinkedHashMap<>();
  private final Map<String, TypeConversion> typeConversions = new LinkedHashMap<>();
  private final List<String> migrationIgnoreAttributes = new ArrayList<>();
  private final Map<String, String> storageTypes = new LinkedHashMap<>();
  private final Map<String, String> calculationsToSql = new LinkedHashMap<>();
  private final Map<String, String> identityWheresToSql = new LinkedHashMap<>();
  private String baseFilterSql;
  private boolean skipAllUniqueIndexes;
  private final List<String> skipUniqueIndexes = new ArrayList<>();
  private final List<UniqueIndexName> uniqueIndexNames = new ArrayList<>();
  private Function<Map<String, Object>, List<UniqueIndexName>> uniqueIndexNamesFunction;
  private final Map<String, String> identityIndexNames = new LinkedHashMap<>();
  private final List<ForeignKeyName> foreignKeyNames = new ArrayList<>();
  private Function<Map<String, Object>, List<ForeignKeyName>> foreignKeyNamesFunction;
  private final List<ExclusionConstraintName> exclusionConstraintNames = new ArrayList<>();
  private Function<Map<String, Object>, List<ExclusionConstraintName>> exclusionConstraintNamesFunction;
  private boolean polymorphic;
  private String createTableOptions;
  private final List<String> simpleJoinFirstAggregates = new ArrayList<>();
  private final List<CustomIndex> customIndexes = new ArrayList<>();
  private final List<CustomStatement> customStatements = new ArrayList<>();
  private ManageTenant manageTenant;
  private final List<Reference> references = new ArrayList<>();
  private OnDelete polymorphicOnDelete;
  private OnUpdate polymorphicOnUpdate;
  private String polymorphicName;
  private final List<CheckConstraint> checkConstraints = new ArrayList<>();
  private Distribution distribution;

  PostgresBuilder(String resource, List<Problem> problems) {
    this.resource = resource;
    this.problems = problems;
  }

  /** The repo class used for reads, writes and migrations. */
  public PostgresBuilder repo(Class<? extends Repo> repoClass) {
    Objects.requireNonNull(repoClass, "repo");
    this.repoClass = repoClass;
    this.repo = (r, purpose) -> repoClass;
    return this;
  }

  /** Chooses the repo per purpose, e.g. a read replica for {@link RepoPurpose#READ}. */
  public PostgresBuilder repo(RepoSelector selector) {
    this.repo = Objects.requireNonNull(selector, "repo");
    this.repoClass = null;
    return this;
  }

  /** The table name; required unless {@link #polymorphic(boolean)}. */
  public PostgresBuilder table(String table) {
    this.table = Objects.requireNonNull(table, "table");
    return this;
  }

  /** The PostgreSQL schema of the table (default: the repo's default prefix, {@code public}). */
  public PostgresBuilder schema(String schema) {
    this.schema = Objects.requireNonNull(schema, "schema");
    return this;
  }

  /** {@code false} leaves the resource out of generated migrations (its table still counts as existing). */
  public PostgresBuilder migrate(boolean migrate) {
    this.migrate = migrate;
    return this;
  }

  /** Overrides the column type of one attribute, e.g. {@code migrationType("code", "varchar(16)")}. */
  public PostgresBuilder migrationType(String attribute, String pgType) {
    put(migrationTypes, attribute, pgType);
    return this;
  }

  /** Overrides column types: attribute → PostgreSQL type ({@code "identity"} for an identity column). */
  public PostgresBuilder migrationTypes(Map<String, String> types) {
    types.forEach(this::migrationType);
    return this;
  }

  /** Overrides the column default of one attribute with raw SQL, e.g. {@code migrationDefault("n", "0")}. */
  public PostgresBuilder migrationDefault(String attribute, String sql) {
    put(migrationDefaults, attribute, sql);
    return this;
  }

  /** Overrides column defaults: attribute → raw SQL. */
  public PostgresBuilder migrationDefaults(Map<String, String> defaults) {
    defaults.forEach(this::migrationDefault);
    return this;
  }

  /**
   * States how the next migration converts the column of {@code attribute} when its type changes from
   * {@code fromType}: {@code ALTER COLUMN … TYPE t USING <using>}, and in down {@code USING <reverseUsing>}. Needed
   * when PostgreSQL has no cast between the types (the generator refuses the change otherwise), or to convert
   * differently than its cast, e.g.
   * {@code convertType("rating", "text", "NULLIF(trim("rating"), '')::bigint", ""rating"::text")}.
   *
   * @param reverseUsing SQL for down, or null to use PostgreSQL's cast back
   */
  public PostgresBuilder convertType(String attribute, String fromType, String using, String reverseUsing) {
    TypeConversion c = new TypeConversion(Objects.requireNonNull(fromType, "fromType"),
        Objects.requireNonNull(using, "using"), Optional.ofNullable(reverseUsing));
    c.problem().ifPresent(p -> problems.add(new Problem(resource, "convertType(" + attribute + ")", p)));
    typeConversions.put(Objects.requireNonNull(attribute, "attribute"), c);
    return this;
  }

  /** Attributes excluded from migrations. */
  public PostgresBuilder migrationIgnoreAttributes(String... attributes) {
    addAll(migrationIgnoreAttributes, attributes);
    return this;
  }

  /** Sets the PostgreSQL type used at runtime for one attribute. */
  public PostgresBuilder storageType(String attribute, String pgType) {
    put(storageTypes, attribute, pgType);
    return this;
  }

  /** Runtime PostgreSQL types: attribute → type. */
  public PostgresBuilder storageTypes(Map<String, String> types) {
    types.forEach(this::storageType);
    return this;
  }

  /** SQL of one calculation, so it can be an identity key. */
  public PostgresBuilder calculationToSql(String calculation, String sql) {
    put(calculationsToSql, calculation, sql);
    return this;
  }

  /** SQL of calculations: calculation → SQL. */
  public PostgresBuilder calculationsToSql(Map<String, String> sql) {
    sql.forEach(this::calculationToSql);
    return this;
  }

  /** SQL predicate of one identity, making its unique index partial. */
  public PostgresBuilder identityWhereToSql(String identity, String sql) {
    put(identityWheresToSql, identity, sql);
    return this;
  }

  /** SQL predicates of identities: identity → SQL. */
  public PostgresBuilder identityWheresToSql(Map<String, String> sql) {
    sql.forEach(this::identityWhereToSql);
    return this;
  }

  /** SQL of the resource's base filter, e.g. {@code "deleted_at IS NULL"}. */
  public PostgresBuilder baseFilterSql(String sql) {
    this.baseFilterSql = Objects.requireNonNull(sql, "baseFilterSql");
    return this;
  }

  /** Identities for which no unique index is generated. */
  public PostgresBuilder skipUniqueIndexes(String... identities) {
    addAll(skipUniqueIndexes, identities);
    return this;
  }

  /** {@code true}: generate no identity unique indexes at all. */
  public PostgresBuilder skipUniqueIndexes(boolean all) {
    this.skipAllUniqueIndexes = all;
    return this;
  }

  /** A unique index that exists outside the generator, mapped to errors on {@code keys}. */
  public PostgresBuilder uniqueIndexName(List<String> keys, String name) {
    uniqueIndexNames.add(new UniqueIndexName(keys, name, Optional.empty()));
    return this;
  }

  /** Like {@link #uniqueIndexName(List, String)} with a custom error message. */
  public PostgresBuilder uniqueIndexName(List<String> keys, String name, String message) {
    uniqueIndexNames.add(new UniqueIndexName(keys, name, Optional.of(message)));
    return this;
  }

  /** Adds unique index names. */
  public PostgresBuilder uniqueIndexNames(List<UniqueIndexName> names) {
    uniqueIndexNames.addAll(names);
    return this;
  }

  /** Computes unique index names from a changeset's attribute values (e.g. per-tenant names). */
  public PostgresBuilder uniqueIndexNames(Function<Map<String, Object>, List<UniqueIndexName>> function) {
    this.uniqueIndexNamesFunction = Objects.requireNonNull(function, "uniqueIndexNames");
    return this;
  }

  /** Names the unique index of {@code identity} instead of {@code <table>_<identity>_index}. */
  public PostgresBuilder identityIndexName(String identity, String indexName) {
    put(identityIndexNames, identity, indexName);
    return this;
  }

  /** Identity → unique index name overrides. */
  public PostgresBuilder identityIndexNames(Map<String, String> names) {
    names.forEach(this::identityIndexName);
    return this;
  }

  /** A foreign key whose violation is mapped to an error on {@code key}. */
  public PostgresBuilder foreignKeyName(String key, String name) {
    foreignKeyNames.add(new ForeignKeyName(key, name, Optional.empty()));
    return this;
  }

  /** Like {@link #foreignKeyName(String, String)} with a custom error message. */
  public PostgresBuilder foreignKeyName(String key, String name, String message) {
    foreignKeyNames.add(new ForeignKeyName(key, name, Optional.of(message)));
    return this;
  }

  /** Adds foreign key names. */
  public PostgresBuilder foreignKeyNames(List<ForeignKeyName> names) {
    foreignKeyNames.addAll(names);
    return this;
  }

  /** Computes foreign key names from a changeset's attribute values. */
  public PostgresBuilder foreignKeyNames(Function<Map<String, Object>, List<ForeignKeyName>> function) {
    this.foreignKeyNamesFunction = Objects.requireNonNull(function, "foreignKeyNames");
    return this;
  }

  /** An exclusion constraint whose violation is mapped to an error on {@code key}. */
  public PostgresBuilder exclusionConstraintName(String key, String name) {
    exclusionConstraintNames.add(new ExclusionConstraintName(key, name, Optional.empty()));
    return this;
  }

  /** Like {@link #exclusionConstraintName(String, String)} with a custom error message. */
  public PostgresBuilder exclusionConstraintName(String key, String name, String message) {
    exclusionConstraintNames.add(new ExclusionConstraintName(key, name, Optional.of(message)));
    return this;
  }

  /** Adds exclusion constraint names. */
  public PostgresBuilder exclusionConstraintNames(List<ExclusionConstraintName> names) {
    exclusionConstraintNames.addAll(names);
    return this;
  }

  /** Computes exclusion constraint names from a changeset's attribute values. */
  public PostgresBuilder exclusionConstraintNames(
      Function<Map<String, Object>, List<ExclusionConstraintName>> function) {
    this.exclusionConstraintNamesFunction = Objects.requireNonNull(function, "exclusionConstraintNames");
    return this;
  }

  /** A polymorphic resource has no table of its own; relationships and actions pick it via context. */
  public PostgresBuilder polymorphic(boolean polymorphic) {
    this.polymorphic = polymorphic;
    return this;
  }

  /** Text appended after {@code CREATE TABLE (...)}, e.g. {@code "PARTITION BY RANGE (id)"}. */
  public PostgresBuilder createTableOptions(String options) {
    this.createTableOptions = Objects.requireNonNull(options, "createTableOptions");
    return this;
  }

  /**
   * Names of {@code first} aggregates that join their related row plainly instead of a lateral subquery per row:
   * faster, and right as long as at most one related row matches each record (more would repeat the record).
   */
  public PostgresBuilder simpleJoinFirstAggregates(String... aggregates) {
    addAll(simpleJoinFirstAggregates, aggregates);
    return this;
  }

  /** Adds a custom index. */
  public PostgresBuilder customIndex(Consumer<CustomIndexBuilder> index) {
    CustomIndexBuilder builder = new CustomIndexBuilder();
    index.accept(builder);
    if (!builder.hasFields()) {
      problems.add(new Problem(resource, "customIndex",
          "an index needs at least one field; add fields(\"column\", ...)"));
    }
    customIndexes.add(builder.build());
    return this;
  }

  /** Adds a named custom SQL statement; {@code up} and {@code down} are required. */
  public PostgresBuilder customStatement(String name, Consumer<CustomStatementBuilder> statement) {
    Objects.requireNonNull(name, "customStatement name");
    CustomStatementBuilder builder = new CustomStatementBuilder();
    statement.accept(builder);
    if (!builder.hasUp() || !builder.hasDown()) {
      problems.add(new Problem(resource, "customStatement(" + name + ")",
          "a custom statement needs both up(...) and down(...) SQL; add the missing one"));
    }
    customStatements.add(builder.build(name));
    return this;
  }

  /** Makes records own a tenant schema, e.g. {@code t -> t.template("org_", TemplatePart.attr("id"))}. */
  public PostgresBuilder manageTenant(Consumer<ManageTenantBuilder> tenant) {
    ManageTenantBuilder builder = new ManageTenantBuilder();
    tenant.accept(builder);
    if (!builder.hasTemplate()) {
      problems.add(new Problem(resource, "manageTenant.template",
          "manage_tenant needs a template; add template(\"org_\", TemplatePart.attr(\"id\"))"));
    }
    this.manageTenant = builder.build();
    return this;
  }

  /** Foreign key options for the belongs_to relationship {@code relationship}. */
  public PostgresBuilder reference(String relationship, Consumer<ReferenceBuilder> reference) {
    Objects.requireNonNull(relationship, "reference relationship");
    ReferenceBuilder builder = new ReferenceBuilder();
    reference.accept(builder);
    references.add(builder.build(relationship));
    return this;
  }

  /** ON DELETE of foreign keys from generated polymorphic tables to this resource's table. */
  public PostgresBuilder polymorphicOnDelete(OnDelete onDelete) {
    this.polymorphicOnDelete = Objects.requireNonNull(onDelete, "polymorphicOnDelete");
    return this;
  }

  /** ON UPDATE of foreign keys from generated polymorphic tables to this resource's table. */
  public PostgresBuilder polymorphicOnUpdate(OnUpdate onUpdate) {
    this.polymorphicOnUpdate = Objects.requireNonNull(onUpdate, "polymorphicOnUpdate");
    return this;
  }

  /** The name used for this resource in polymorphic references. */
  public PostgresBuilder polymorphicName(String name) {
    this.polymorphicName = Objects.requireNonNull(name, "polymorphicName");
    return this;
  }

  /** A check constraint on one attribute. */
  public PostgresBuilder checkConstraint(String attribute, String name, Consumer<CheckConstraintBuilder> check) {
    return checkConstraint(List.of(attribute), name, check);
  }

  /** A check constraint whose violation error attaches to several attributes. */
  public PostgresBuilder checkConstraint(List<String> attributes, String name,
                                         Consumer<CheckConstraintBuilder> check) {
    Objects.requireNonNull(name, "check constraint name");
    CheckConstraintBuilder builder = new CheckConstraintBuilder();
    check.accept(builder);
    if (attributes.isEmpty()) {
      problems.add(new Problem(resource, "checkConstraint(" + name + ")",
          "a check constraint needs at least one attribute to attach errors to"));
    }
    checkConstraints.add(builder.build(attributes, name));
    return this;
  }

  /**
   * How the table is spread over a Citus cluster, instead of the default a Citus repo picks (see
   * {@link Distribution}); only for resources of a repo whose {@code citus()} is true.
   */
  public PostgresBuilder distribution(Distribution distribution) {
    this.distribution = Objects.requireNonNull(distribution, "distribution");
    return this;
  }

  PostgresOptions build() {
    return new PostgresOptions(Optional.ofNullable(repo), Optional.ofNullable(repoClass), Optional.ofNullable(table),
        Optional.ofNullable(schema), migrate, migrationTypes, migrationDefaults, migrationIgnoreAttributes,
        storageTypes, calculationsToSql, identityWheresToSql, Optional.ofNullable(baseFilterSql),
        skipAllUniqueIndexes, skipUniqueIndexes, uniqueIndexNames, Optional.ofNullable(uniqueIndexNamesFunction),
        identityIndexNames, foreignKeyNames, Optional.ofNullable(foreignKeyNamesFunction), exclusionConstraintNames,
        Optional.ofNullable(exclusionConstraintNamesFunction), polymorphic, Optional.ofNullable(createTableOptions),
        simpleJoinFirstAggregates, customIndexes, customStatements, Optional.ofNullable(manageTenant), references,
        Optional.ofNullable(polymorphicOnDelete), Optional.ofNullable(polymorphicOnUpdate),
        Optional.ofNullable(polymorphicName), checkConstraints, Optional.ofNullable(distribution), typeConversions);
  }

  private static void put(Map<String, String> map, String key, String value) {
    map.put(Objects.requireNonNull(key, "attribute/identity name"), Objects.requireNonNull(value, "value"));
  }

  private static void addAll(List<String> list, String[] values) {
    for (String value : values) {
      list.add(Objects.requireNonNull(value, "name"));
    }
  }
}
