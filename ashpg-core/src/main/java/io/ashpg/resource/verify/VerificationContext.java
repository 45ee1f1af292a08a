package io.ashpg.resource.verify;

import io.ashpg.repo.Repo;
import io.ashpg.resource.Resource;
import java.util.List;
import java.util.Optional;

/** What verifiers see of the domain being built, and where they report problems. */
public interface VerificationContext {
  /** All resources, in api order (duplicates by name removed). */
  List<Resource> resources();

  /** The resource named {@code name}. */
  Optional<Resource> resource(String name);

  /** The tables of a resource: its table, or for a polymorphic one the context tables relationships point it to. */
  List<String> tables(Resource resource);

  /** The resource's mutate repo instance, if it could be resolved and instantiated. */
  Optional<Repo> repo(Resource resource);

  /** Why the resource's repo could not be resolved or instantiated, if it could not. */
  Optional<String> repoFailure(Resource resource);

  /** Reports a problem: {@code message} says what is wrong and how to fix it. */
  void problem(Resource resource, String option, String message);
}
