package io.ashpg.resource;

import io.ashpg.repo.Repo;

/** Chooses the repo class of a resource per purpose, e.g. a read replica for {@link RepoPurpose#READ}. */
@FunctionalInterface
public interface RepoSelector {
  /** The repo class to use for {@code resource} and {@code purpose}. */
  Class<? extends Repo> select(Resource resource, RepoPurpose purpose);
}
