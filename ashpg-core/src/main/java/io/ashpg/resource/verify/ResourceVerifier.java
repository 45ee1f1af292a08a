package io.ashpg.resource.verify;

import io.ashpg.resource.Resource;

/** A {@link Verifier} that looks at one resource at a time. */
public interface ResourceVerifier extends Verifier {
  /** Checks {@code resource}. */
  void verify(Resource resource, VerificationContext context);

  @Override
  default void verify(VerificationContext context) {
    for (Resource resource : context.resources()) {
      verify(resource, context);
    }
  }
}
