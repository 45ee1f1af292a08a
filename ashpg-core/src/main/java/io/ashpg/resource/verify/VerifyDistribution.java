package io.ashpg.resource.verify;

import io.ashpg.repo.Repo;
import io.ashpg.resource.Distribution;
import io.ashpg.resource.Multitenancy;
import io.ashpg.resource.Resource;
import java.util.Optional;

/**
 * A {@code distribution(...)} override is declared where it means something: on a resource of a Citus repo, not a
 * context-multitenant one (its tables live in tenant schemas, which Citus distributes whole), naming an existing
 * distribution attribute and an existing resource of the same repo to colocate with. What Citus refuses across
 * tables (unique keys without the distribution column, foreign keys between incompatible tables) is checked when
 * the migration generator has every table's final shape.
 */
public final class VerifyDistribution implements ResourceVerifier {
  @Override
  public void verify(Resource resource, VerificationContext context) {
    Optional<Distribution> declared = resource.postgres().distribution();
    if (declared.isEmpty()) {
      return;
    }
    Optional<Repo> repo = context.repo(resource);
    if (repo.isPresent() && !repo.get().citus()) {
      context.problem(resource, "distribution", "a distribution applies to a Citus cluster, but "
          + repo.get().getClass().getSimpleName() + ".citus() is false; override citus() to return true in the"
          + " repo, or remove distribution(...)");
      return;
    }
    if (resource.multitenancy().map(m -> m.strategy() == Multitenancy.Strategy.CONTEXT).orElse(false)) {
      context.problem(resource, "distribution", "a context-multitenant resource's tables live in tenant schemas,"
          + " which Citus distributes whole (schema-based sharding); remove distribution(...)");
      return;
    }
    if (declared.get() instanceof Distribution.Distributed d) {
      if (!Hints.isColumn(resource, d.attribute())) {
        context.problem(resource, "distribution.distributedBy", "distribution attribute \"" + d.attribute()
            + "\" does not exist; declare it or fix the name" + Hints.knownAttributes(resource));
      }
      d.colocateWith().ifPresent(other -> {
        Optional<Resource> target = context.resource(other);
        if (target.isEmpty()) {
          context.problem(resource, "distribution.colocatedWith", "resource \"" + other
              + "\" does not exist; name a distributed resource of the same repo"
              + Hints.known(context.resources().stream().map(Resource::name).toList()));
        } else if (repo.isPresent() && context.repo(target.get()).map(r -> r.getClass() != repo.get().getClass())
            .orElse(false)) {
          context.problem(resource, "distribution.colocatedWith", "resource \"" + other
              + "\" is stored in another repo; colocate with a resource of " + repo.get().getClass().getSimpleName());
        }
      });
    }
  }
}
