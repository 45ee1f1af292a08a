package io.ashpg.resource.verify;

import java.util.List;

/** The verifiers {@link io.ashpg.resource.Domain} runs, in reporting order. */
public final class Verifiers {
  private Verifiers() {}

  /** The standard verifiers. */
  public static List<Verifier> standard() {
    return List.of(
        new DefinitionProblems(),
        new EnsureTableOrPolymorphic(),
        new VerifyRepo(),
        new VerifyUniqueNames(),
        new VerifyRelationships(),
        new VerifyReferences(),
        new VerifyIdentities(),
        new VerifyCheckConstraints(),
        new VerifyCustomIndexes(),
        new VerifyOptionKeys(),
        new VerifyMultitenancy(),
        new VerifyManageTenant(),
        new VerifyPolymorphicOptions(),
        new VerifyDistribution(),
        new VerifyIdentifierLengths(),
        new VerifyExtensions());
  }
}
