package io.ashpg.migration.generate;

import io.ashpg.migration.snapshot.AttributeSnapshot;
import io.ashpg.migration.snapshot.CheckConstraintSnapshot;
import io.ashpg.migration.snapshot.CustomIndexSnapshot;
import io.ashpg.migration.snapshot.CustomStatementSnapshot;
import io.ashpg.migration.snapshot.IdentitySnapshot;
import io.ashpg.migration.snapshot.IndexField;
import io.ashpg.migration.snapshot.MultitenancySnapshot;
import io.ashpg.migration.snapshot.ReferenceSnapshot;
import io.ashpg.migration.snapshot.TableSnapshot;
import io.ashpg.repo.Repo;
import io.ashpg.resource.Attribute;
import io.ashpg.resource.CheckConstraint;
import io.ashpg.resource.CustomIndex;
import io.ashpg.resource.CustomStatement;
import io.ashpg.resource.Domain;
import io.ashpg.resource.Identity;
import io.ashpg.resource.Multitenancy;
import io.ashpg.resource.PostgresOptions;
import io.ashpg.resource.Resource;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Builds the snapshot of one resource on one of its tables (its {@code table}, or one context table of a polymorphic
 * resource): columns, foreign keys, identities, custom indexes, check constraints and statements. Resources sharing a
 * table are merged afterwards by {@link TableMerger}.
 */
final class ResourceTableBuilder {

  private final Domain domain;
  private final ReferenceBuilder references;
  private final List<String> warnings;

  /**
   * @param warnings collects defaults that could not be lowered
   * @param needs    collects the unique indexes composite tenant foreign keys require on their targets
   */
  ResourceTableBuilder(Domain domain, List<String> warnings, List<TenantKeyIndexes.Need> needs) {
    this.domain = domain;
    this.references = new ReferenceBuilder(domain, needs);
    this.warnings = warnings;
  }

  TableSnapshot build(Resource resource, String table) {
    PostgresOptions pg = resource.postgres();
    Repo repo = domain.repo(resource);
    MultitenancySnapshot multitenancy = multitenancy(resource);
    Map<String, ReferenceSnapshot> refs = references.of(resource, table);

    List<AttributeSnapshot> attributes = new ArrayList<>();
    for (Attribute a : resource.attributes()) {
      if (!pg.migrationIgnoreAttributes().contains(a.name())) {
        attributes.add(attribute(resource, a, repo).withReferences(refs.get(a.name())));
      }
    }
    String baseFilter = pg.baseFilterSql().orElse(null);
    // the Citus distribution depends on the other tables' foreign keys: CitusDistributions sets it once all are built
    return new TableSnapshot(table, multitenancy.isContext() ? null : pg.schema().orElse(null), repo.name(),
        attributes, identities(resource, table, baseFilter), customIndexes(resource, table),
        checks(resource, baseFilter), statements(resource), multitenancy, baseFilter, resource.hasCreateAction(),
        pg.createTableOptions().orElse(null), null);
  }

  /** One column: type, default, nullability; references are added by the caller. */
  AttributeSnapshot attribute(Resource resource, Attribute a, Repo repo) {
    PostgresOptions pg = resource.postgres();
    Optional<String> defaultOverride = Optional.ofNullable(pg.migrationDefaults().get(a.name()))
        .map(String::trim).filter(s -> !s.isEmpty());
    boolean hasDefault = defaultOverride.isPresent()
        || a.defaultValue().filter(d -> d.lowerableToDatabase()).isPresent();
    ColumnType type = ColumnType.of(a, pg, repo, hasDefault);
    String defaultSql = defaultOverride.orElse(null);
    if (defaultSql == null && a.defaultValue().isPresent()) {
      ColumnDefault.Lowered lowered = ColumnDefault.lower(a.defaultValue().get(), type, repo);
      defaultSql = lowered.sql().orElse(null);
      lowered.warning().ifPresent(w -> warnings.add("resource \"" + resource.name() + "\", attribute \"" + a.name()
          + "\": " + w));
    }
    if (type.type().equals("bigserial") || type.type().equals(PostgresOptions.IDENTITY_MIGRATION_TYPE)) {
      defaultSql = null; // the sequence is the default
    }
    return new AttributeSnapshot(a.source(), type.type(), type.size(), type.precision(), type.scale(), defaultSql,
        a.allowNil() && !a.primaryKey(), a.generated(), a.primaryKey(), null);
  }

  static MultitenancySnapshot multitenancy(Resource resource) {
    return resource.multitenancy().map(m -> new MultitenancySnapshot(
        m.strategy() == Multitenancy.Strategy.CONTEXT ? "context" : "attribute",
        m.attribute().map(name -> column(resource, name)).orElse(null), m.global()))
        .orElse(MultitenancySnapshot.NONE);
  }

  /** The column of attribute {@code name}, or {@code name} itself when it is not an attribute. */
  static String column(Resource resource, String name) {
    return resource.attribute(name).map(Attribute::source).orElse(name);
  }

  private static List<IdentitySnapshot> identities(Resource resource, String table, String baseFilter) {
    PostgresOptions pg = resource.postgres();
    List<IdentitySnapshot> out = new ArrayList<>();
    for (Identity identity : resource.identities()) {
      if (pg.skipsUniqueIndex(identity.name())) {
        continue;
      }
      List<IndexField> keys = identity.keys().stream().map(k -> resource.attribute(k).isPresent()
          ? IndexField.column(column(resource, k))
          : IndexField.expression("(" + pg.calculationsToSql().get(k) + ")")).toList();
      out.add(new IdentitySnapshot(identity.name(), keys, pg.identityIndexName(table, identity.name()),
          pg.identityWheresToSql().get(identity.name()), baseFilter, identity.allTenants(),
          identity.nullsDistinct()));
    }
    return out;
  }

  private static List<CustomIndexSnapshot> customIndexes(Resource resource, String table) {
    List<CustomIndexSnapshot> out = new ArrayList<>();
    for (CustomIndex i : resource.postgres().customIndexes()) {
      List<IndexField> fields = i.fields().stream().map(f -> field(resource, f)).toList();
      out.add(new CustomIndexSnapshot(fields, i.effectiveName(table), i.unique(), i.concurrently(),
          i.using().orElse(null), i.prefix().orElse(null), i.where().orElse(null),
          i.include().stream().map(c -> column(resource, c)).toList(), i.nullsDistinct(), i.message().orElse(null),
          i.allTenants(), i.errorFields(), i.includeBaseFilter()));
    }
    return out;
  }

  private static IndexField field(Resource resource, io.ashpg.resource.IndexField f) {
    String order = f instanceof io.ashpg.resource.IndexField.Directed d
        ? d.direction().name().toLowerCase(Locale.ROOT) : null;
    return f.column().isPresent() ? new IndexField(column(resource, f.column().get()), false, order)
        : new IndexField(f.text(), true, order);
  }

  private static List<CheckConstraintSnapshot> checks(Resource resource, String baseFilter) {
    List<CheckConstraintSnapshot> out = new ArrayList<>();
    for (CheckConstraint c : resource.postgres().checkConstraints()) {
      // without check SQL the constraint exists only for error mapping: nothing to migrate
      c.check().ifPresent(sql -> out.add(new CheckConstraintSnapshot(c.name(), c.attributes(), sql, baseFilter)));
    }
    return out;
  }

  private static List<CustomStatementSnapshot> statements(Resource resource) {
    List<CustomStatementSnapshot> out = new ArrayList<>();
    for (CustomStatement s : resource.postgres().customStatements()) {
      out.add(new CustomStatementSnapshot(s.name(), s.up(), s.down(), s.global(), s.afterTables()));
    }
    return out;
  }
}
