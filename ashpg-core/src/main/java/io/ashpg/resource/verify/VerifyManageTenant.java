package io.ashpg.resource.verify;

import io.ashpg.resource.Resource;

/** {@code manageTenant} template attribute parts name attributes. */
public final class VerifyManageTenant implements ResourceVerifier {
  @Override
  public void verify(Resource resource, VerificationContext context) {
    resource.postgres().manageTenant().ifPresent(tenant -> {
      for (String attribute : tenant.templateAttributes()) {
        if (resource.attribute(attribute).isEmpty()) {
          context.problem(resource, "manageTenant.template", "TemplatePart.attr(\"" + attribute
              + "\") is not an attribute; tenant names are built from attribute values"
              + Hints.knownAttributes(resource));
        }
      }
    });
  }
}
