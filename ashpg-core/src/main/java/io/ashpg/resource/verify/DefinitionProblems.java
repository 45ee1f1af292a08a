package io.ashpg.resource.verify;

import io.ashpg.resource.Problem;
import io.ashpg.resource.Resource;

/** Reports the problems the DSL recorded while a resource was defined (missing required values). */
public final class DefinitionProblems implements ResourceVerifier {
  @Override
  public void verify(Resource resource, VerificationContext context) {
    for (Problem p : resource.definitionProblems()) {
      context.problem(resource, p.option(), p.message());
    }
  }
}
