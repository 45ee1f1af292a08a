package io.ashpg.resource.verify;

import io.ashpg.resource.PostgresOptions;
import io.ashpg.resource.Resource;
import java.util.Collection;

/**
 * Keys of per-attribute, per-identity and per-calculation options name things that exist: {@code migrationTypes},
 * {@code migrationDefaults}, {@code migrationIgnoreAttributes}, {@code storageTypes} (attributes);
 * {@code identityIndexNames}, {@code identityWheresToSql}, {@code skipUniqueIndexes} (identities);
 * {@code calculationsToSql} (calculations).
 */
public final class VerifyOptionKeys implements ResourceVerifier {
  @Override
  public void verify(Resource resource, VerificationContext context) {
    PostgresOptions pg = resource.postgres();
    attributes(resource, context, "migrationTypes", pg.migrationTypes().keySet());
    attributes(resource, context, "migrationDefaults", pg.migrationDefaults().keySet());
    attributes(resource, context, "migrationIgnoreAttributes", pg.migrationIgnoreAttributes());
    attributes(resource, context, "storageTypes", pg.storageTypes().keySet());
    attributes(resource, context, "convertType", pg.typeConversions().keySet());
    identities(resource, context, "identityIndexNames", pg.identityIndexNames().keySet());
    identities(resource, context, "identityWheresToSql", pg.identityWheresToSql().keySet());
    identities(resource, context, "skipUniqueIndexes", pg.skipUniqueIndexes());
    for (String calculation : pg.calculationsToSql().keySet()) {
      if (resource.calculation(calculation).isEmpty()) {
        context.problem(resource, "calculationsToSql", "\"" + calculation + "\" is not a calculation; declare it "
            + "with calculation(\"" + calculation + "\", type) or remove the entry"
            + Hints.known(resource.calculations().stream().map(c -> c.name()).toList()));
      }
    }
  }

  private static void attributes(Resource resource, VerificationContext context, String option,
                                 Collection<String> keys) {
    for (String key : keys) {
      if (resource.attribute(key).isEmpty()) {
        context.problem(resource, option, "\"" + key + "\" is not an attribute; fix the name or remove the entry"
            + Hints.knownAttributes(resource));
      }
    }
  }

  private static void identities(Resource resource, VerificationContext context, String option,
                                 Collection<String> keys) {
    for (String key : keys) {
      if (resource.identity(key).isEmpty()) {
        context.problem(resource, option, "\"" + key + "\" is not an identity; fix the name or remove the entry"
            + Hints.knownIdentities(resource));
      }
    }
  }
}
