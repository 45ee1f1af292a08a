package io.ashpg.migration.generate;

import io.ashpg.migration.snapshot.TableSnapshot;
import java.util.List;
import java.util.Objects;

/**
 * The current state of one repo, as built from its resources.
 *
 * @param repo       the repo's snake_case name ({@code blog_repo})
 * @param tables     every table, global and context-multitenant alike
 * @param extensions requested PostgreSQL extensions, or null when the repo does not manage extensions
 */
public record RepoSnapshots(String repo, List<TableSnapshot> tables, List<String> extensions) {

  public RepoSnapshots {
    Objects.requireNonNull(repo, "repo");
    tables = List.copyOf(tables);
    extensions = extensions == null ? null : List.copyOf(extensions);
  }
}
