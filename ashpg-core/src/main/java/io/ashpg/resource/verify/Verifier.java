package io.ashpg.resource.verify;

/**
 * A check of resource definitions run by {@link io.ashpg.resource.Domain#build(io.ashpg.resource.Api...)}. A verifier
 * never throws for a definition mistake; it reports a problem through the context naming the resource, the option and
 * the fix, so that all mistakes are reported at once.
 */
@FunctionalInterface
public interface Verifier {
  /** Checks the whole domain and reports problems to {@code context}. */
  void verify(VerificationContext context);
}
