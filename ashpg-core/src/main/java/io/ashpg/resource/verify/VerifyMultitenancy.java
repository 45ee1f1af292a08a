package io.ashpg.resource.verify;

import io.ashpg.resource.Multitenancy;
import io.ashpg.resource.Resource;

/**
 * Attribute multitenancy names an existing tenant attribute. (Context multitenancy together with {@code schema} is
 * allowed: the tenant schema supersedes the configured one.)
 */
public final class VerifyMultitenancy implements ResourceVerifier {
  @Override
  public void verify(Resource resource, VerificationContext context) {
    resource.multitenancy().filter(m -> m.strategy() == Multitenancy.Strategy.ATTRIBUTE).ifPresent(m -> {
      if (m.attribute().isEmpty()) {
        context.problem(resource, "multitenancy.attribute", "attribute multitenancy needs the tenant attribute; "
            + "add attribute(\"org_id\") (or use strategy CONTEXT)");
      } else if (resource.attribute(m.attribute().get()).isEmpty()) {
        context.problem(resource, "multitenancy.attribute", "tenant attribute \"" + m.attribute().get()
            + "\" does not exist; declare it or fix the name" + Hints.knownAttributes(resource));
      }
    });
  }
}
