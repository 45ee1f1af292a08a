package io.ashpg.resource.verify;

import io.ashpg.repo.Repo;
import io.ashpg.resource.BelongsTo;
import io.ashpg.resource.CheckConstraint;
import io.ashpg.resource.CustomIndex;
import io.ashpg.resource.Identity;
import io.ashpg.resource.Multitenancy;
import io.ashpg.resource.Names;
import io.ashpg.resource.PostgresOptions;
import io.ashpg.resource.Reference;
import io.ashpg.resource.Relationship;
import io.ashpg.resource.Resource;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The named database objects a resource creates on one table (primary key, unique and custom indexes, foreign keys,
 * reference indexes, check constraints), each with the option that names it and how to fix a bad name.
 */
final class TableObjects {
  /**
   * A named object.
   *
   * @param name     its name on the table
   * @param what     a short description for messages
   * @param option   the DSL option that determines the name
   * @param fix      how to give it another name
   */
  record Named(String name, String what, String option, String fix) {}

  private TableObjects() {}

  static List<Named> of(Resource resource, String table, VerificationContext context) {
    PostgresOptions pg = resource.postgres();
    List<Named> objects = new ArrayList<>();
    if (!resource.primaryKey().isEmpty()) {
      objects.add(new Named(Names.primaryKey(table), "the primary key", "table", "change the table name"));
    }
    for (Identity identity : resource.identities()) {
      if (pg.skipsUniqueIndex(identity.name())) {
        continue;
      }
      boolean declared = pg.identityIndexNames().containsKey(identity.name());
      objects.add(new Named(pg.identityIndexName(table, identity.name()),
          "the unique index of identity \"" + identity.name() + "\"",
          declared ? "identityIndexNames(" + identity.name() + ")" : "identity(" + identity.name() + ")",
          declared ? "change the name in identityIndexNames"
              : "set identityIndexName(\"" + identity.name() + "\", \"other_name\")"));
    }
    for (CustomIndex index : pg.customIndexes()) {
      if (index.name().isEmpty() && !index.canGenerateName()) {
        continue; // reported by VerifyCustomIndexes
      }
      String option = "customIndex(" + VerifyCustomIndexes.describe(index) + ")";
      objects.add(new Named(index.effectiveName(table), "custom index", option,
          index.name().isPresent() ? "change its name(...)" : "give the index a name(...)"));
    }
    for (Relationship relationship : resource.relationships()) {
      if (!(relationship instanceof BelongsTo belongsTo)) {
        continue;
      }
      Optional<Reference> reference = pg.reference(belongsTo.name());
      if (reference.map(Reference::ignore).orElse(false) || !sameRepo(resource, belongsTo, context)) {
        continue;
      }
      boolean declared = reference.flatMap(Reference::name).isPresent();
      objects.add(new Named(pg.foreignKeyName(table, belongsTo),
          "the foreign key of belongs_to \"" + belongsTo.name() + "\"",
          "reference(" + belongsTo.name() + ").name",
          declared ? "change the declared name"
              : "set reference(\"" + belongsTo.name() + "\", ref -> ref.name(\"other_name\"))"));
      if (reference.map(Reference::index).orElse(false)) {
        objects.add(new Named(Names.referenceIndex(table, referenceIndexColumns(resource, belongsTo)),
            "the index on the foreign key of \"" + belongsTo.name() + "\"", "reference(" + belongsTo.name()
            + ").index", "rename the table or column (reference index names are derived from them)"));
      }
    }
    for (CheckConstraint check : pg.checkConstraints()) {
      objects.add(new Named(check.name(), "check constraint", "checkConstraint(" + check.name() + ")",
          "change the constraint name"));
    }
    return objects;
  }

  /** Tenant column (attribute multitenancy) followed by the foreign key column, as the generator indexes them. */
  static List<String> referenceIndexColumns(Resource resource, BelongsTo belongsTo) {
    List<String> columns = new ArrayList<>();
    resource.multitenancy()
        .filter(m -> m.strategy() == Multitenancy.Strategy.ATTRIBUTE)
        .flatMap(Multitenancy::attribute)
        .flatMap(resource::attribute)
        .filter(a -> !a.name().equals(belongsTo.sourceAttribute()))
        .ifPresent(a -> columns.add(a.source()));
    columns.add(resource.attribute(belongsTo.sourceAttribute()).map(a -> a.source()).orElse(belongsTo.sourceAttribute()));
    return columns;
  }

  /** Foreign keys are generated only to destinations in the same repo; unknown repos count as the same. */
  private static boolean sameRepo(Resource resource, BelongsTo belongsTo, VerificationContext context) {
    Optional<Repo> own = context.repo(resource);
    Optional<Repo> other = context.resource(belongsTo.destination()).flatMap(context::repo);
    return own.isEmpty() || other.isEmpty() || own.get() == other.get();
  }
}
