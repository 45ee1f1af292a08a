package io.ashpg.resource.verify;

import io.ashpg.resource.CheckConstraint;
import io.ashpg.resource.Resource;

/** Check constraint attributes exist. */
public final class VerifyCheckConstraints implements ResourceVerifier {
  @Override
  public void verify(Resource resource, VerificationContext context) {
    for (CheckConstraint check : resource.postgres().checkConstraints()) {
      for (String attribute : check.attributes()) {
        if (resource.attribute(attribute).isEmpty()) {
          context.problem(resource, "checkConstraint(" + check.name() + ")", "attribute \"" + attribute
              + "\" does not exist; errors attach to attributes of this resource" + Hints.knownAttributes(resource));
        }
      }
    }
  }
}
