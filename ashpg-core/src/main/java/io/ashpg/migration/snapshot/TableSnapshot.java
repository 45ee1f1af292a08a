package io.ashpg.migration.snapshot;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Everything the DDL of one table needs, as of one generation. Immutable; the {@code with…} methods return
 * modified copies.
 *
 * @param table              table name
 * @param schema             schema, or null for the default schema (ignored for context-multitenant tables)
 * @param repo               repo name ({@code blog_repo}): selects the snapshot and migration folders
 * @param attributes         columns in declared order
 * @param identities         unique identities
 * @param customIndexes      custom indexes
 * @param checkConstraints   check constraints
 * @param customStatements   custom statements, in declared order
 * @param multitenancy       multitenancy
 * @param baseFilter         base filter SQL, or null
 * @param hasCreateAction    whether a resource on the table can create rows (used when merging resources)
 * @param createTableOptions text appended after {@code CREATE TABLE (…)}, e.g. {@code PARTITION BY RANGE (id)}
 * @param distribution       how the table is spread over a Citus cluster, or null for a plain (local) table
 */
public record TableSnapshot(
    String table,
    String schema,
    String repo,
    List<AttributeSnapshot> attributes,
    List<IdentitySnapshot> identities,
    List<CustomIndexSnapshot> customIndexes,
    List<CheckConstraintSnapshot> checkConstraints,
    List<CustomStatementSnapshot> customStatements,
    MultitenancySnapshot multitenancy,
    String baseFilter,
    boolean hasCreateAction,
    String createTableOptions,
    DistributionSnapshot distribution) {

  public TableSnapshot {
    Objects.requireNonNull(table, "table");
    attributes = Lists.copy(attributes);
    identities = Lists.copy(identities);
    customIndexes = Lists.copy(customIndexes);
    checkConstraints = Lists.copy(checkConstraints);
    customStatements = Lists.copy(customStatements);
    multitenancy = multitenancy == null ? MultitenancySnapshot.NONE : multitenancy;
    if (distribution != null && multitenancy.isContext()) {
      throw new IllegalArgumentException("table " + table + " lives in tenant schemas, which Citus distributes whole;"
          + " it cannot have a distribution of its own");
    }
    requireUnique(table, "attribute", attributes.stream().map(AttributeSnapshot::source).toList());
    requireUnique(table, "identity", identities.stream().map(IdentitySnapshot::name).toList());
    requireUnique(table, "check constraint", checkConstraints.stream().map(CheckConstraintSnapshot::name).toList());
    requireUnique(table, "custom statement", customStatements.stream().map(CustomStatementSnapshot::name).toList());
    requireUnique(table, "custom index", customIndexes.stream().map(i -> i.resolvedName(table)).toList());
  }

  private static void requireUnique(String table, String what, List<String> names) {
    Set<String> seen = new HashSet<>();
    for (String n : names) {
      if (!seen.add(n)) {
        throw new IllegalArgumentException("table " + table + ": " + what + " '" + n
            + "' is declared twice; names must be unique within a table");
      }
    }
  }

  /** An empty table (no columns yet) of {@code repo}. */
  public static TableSnapshot empty(String repo, String schema, String table) {
    return new TableSnapshot(table, schema, repo, List.of(), List.of(), List.of(), List.of(), List.of(),
        MultitenancySnapshot.NONE, null, true, null, null);
  }

  /** The key of this table within its set: tenant tables have no schema of their own. */
  public TableKey key() {
    return new TableKey(isTenant() ? null : schema, table);
  }

  /** Whether this is a context-multitenant (schema-per-tenant) table, migrated by tenant migrations. */
  public boolean isTenant() {
    return multitenancy.isContext();
  }

  /** The attribute with column name {@code source}, if any. */
  public Optional<AttributeSnapshot> attribute(String source) {
    return attributes.stream().filter(a -> a.source().equals(source)).findFirst();
  }

  /** Primary key columns in declared order. */
  public List<String> primaryKey() {
    return attributes.stream().filter(AttributeSnapshot::primaryKey).map(AttributeSnapshot::source).toList();
  }

  public TableSnapshot withTable(String t) {
    return new TableSnapshot(t, schema, repo, attributes, identities, customIndexes, checkConstraints,
        customStatements, multitenancy, baseFilter, hasCreateAction, createTableOptions, distribution);
  }

  public TableSnapshot withSchema(String s) {
    return new TableSnapshot(table, s, repo, attributes, identities, customIndexes, checkConstraints,
        customStatements, multitenancy, baseFilter, hasCreateAction, createTableOptions, distribution);
  }

  public TableSnapshot withAttributes(List<AttributeSnapshot> a) {
    return new TableSnapshot(table, schema, repo, a, identities, customIndexes, checkConstraints,
        customStatements, multitenancy, baseFilter, hasCreateAction, createTableOptions, distribution);
  }

  /** Appends {@code a}. */
  public TableSnapshot withAttribute(AttributeSnapshot a) {
    List<AttributeSnapshot> list = new ArrayList<>(attributes);
    list.add(a);
    return withAttributes(list);
  }

  /** Replaces the attribute with the same source. */
  public TableSnapshot replaceAttribute(AttributeSnapshot a) {
    List<AttributeSnapshot> list = new ArrayList<>();
    for (AttributeSnapshot x : attributes) {
      list.add(x.source().equals(a.source()) ? a : x);
    }
    return withAttributes(list);
  }

  /** Removes the attribute {@code source}. */
  public TableSnapshot withoutAttribute(String source) {
    return withAttributes(attributes.stream().filter(a -> !a.source().equals(source)).toList());
  }

  public TableSnapshot withIdentities(List<IdentitySnapshot> i) {
    return new TableSnapshot(table, schema, repo, attributes, i, customIndexes, checkConstraints,
        customStatements, multitenancy, baseFilter, hasCreateAction, createTableOptions, distribution);
  }

  public TableSnapshot withCustomIndexes(List<CustomIndexSnapshot> i) {
    return new TableSnapshot(table, schema, repo, attributes, identities, i, checkConstraints,
        customStatements, multitenancy, baseFilter, hasCreateAction, createTableOptions, distribution);
  }

  public TableSnapshot withCheckConstraints(List<CheckConstraintSnapshot> c) {
    return new TableSnapshot(table, schema, repo, attributes, identities, customIndexes, c,
        customStatements, multitenancy, baseFilter, hasCreateAction, createTableOptions, distribution);
  }

  public TableSnapshot withCustomStatements(List<CustomStatementSnapshot> s) {
    return new TableSnapshot(table, schema, repo, attributes, identities, customIndexes, checkConstraints,
        s, multitenancy, baseFilter, hasCreateAction, createTableOptions, distribution);
  }

  public TableSnapshot withMultitenancy(MultitenancySnapshot m) {
    return new TableSnapshot(table, schema, repo, attributes, identities, customIndexes, checkConstraints,
        customStatements, m, baseFilter, hasCreateAction, createTableOptions, distribution);
  }

  public TableSnapshot withBaseFilter(String b) {
    return new TableSnapshot(table, schema, repo, attributes, identities, customIndexes, checkConstraints,
        customStatements, multitenancy, b, hasCreateAction, createTableOptions, distribution);
  }

  public TableSnapshot withDistribution(DistributionSnapshot d) {
    return new TableSnapshot(table, schema, repo, attributes, identities, customIndexes, checkConstraints,
        customStatements, multitenancy, baseFilter, hasCreateAction, createTableOptions, d);
  }

  public TableSnapshot withCreateTableOptions(String o) {
    return new TableSnapshot(table, schema, repo, attributes, identities, customIndexes, checkConstraints,
        customStatements, multitenancy, baseFilter, hasCreateAction, o, distribution);
  }
}
