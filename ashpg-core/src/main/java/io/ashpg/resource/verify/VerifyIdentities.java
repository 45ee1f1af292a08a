package io.ashpg.resource.verify;

import io.ashpg.resource.Identity;
import io.ashpg.resource.Resource;

/** Identity keys are attributes, or calculations whose SQL is given in {@code calculationsToSql}. */
public final class VerifyIdentities implements ResourceVerifier {
  @Override
  public void verify(Resource resource, VerificationContext context) {
    var calculationsToSql = resource.postgres().calculationsToSql();
    for (Identity identity : resource.identities()) {
      for (String key : identity.keys()) {
        if (resource.attribute(key).isPresent() || calculationsToSql.containsKey(key)) {
          continue;
        }
        String option = "identity(" + identity.name() + ")";
        if (resource.calculation(key).isPresent()) {
          context.problem(resource, option, "key \"" + key + "\" is a calculation without SQL; add "
              + "postgres(pg -> pg.calculationToSql(\"" + key + "\", \"...\")) so the unique index can use it");
        } else {
          context.problem(resource, option, "key \"" + key + "\" is not an attribute" + Hints.knownAttributes(resource));
        }
      }
    }
  }
}
