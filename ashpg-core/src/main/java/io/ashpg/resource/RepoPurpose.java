package io.ashpg.resource;

/** What a repo is chosen for by a {@link RepoSelector}. */
public enum RepoPurpose {
  /** Queries (may go to a read replica). */
  READ,
  /** Writes and migrations. */
  MUTATE
}
