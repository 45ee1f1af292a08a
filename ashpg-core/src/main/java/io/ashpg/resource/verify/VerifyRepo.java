package io.ashpg.resource.verify;

import io.ashpg.resource.Resource;

/** Every resource has a repo, and the repo class can be instantiated through its public no-arg constructor. */
public final class VerifyRepo implements ResourceVerifier {
  @Override
  public void verify(Resource resource, VerificationContext context) {
    if (resource.postgres().repo().isEmpty()) {
      context.problem(resource, "repo", "no repo is set; add postgres(pg -> pg.repo(MyRepo.class)) "
          + "with a class extending io.ashpg.repo.Repo");
      return;
    }
    context.repoFailure(resource).ifPresent(reason -> context.problem(resource, "repo", reason));
  }
}
