package io.ashpg.migration.snapshot;

import java.util.List;

/**
 * The PostgreSQL extensions a repo has had migrations generated for, and the SQL functions ashpg installed for it
 * through the same migrations ({@code <repo>/extensions.json}).
 *
 * @param installed extension names, sorted
 * @param functions names of the functions ashpg installed itself (e.g. {@code uuid_generate_v7}), sorted
 */
public record ExtensionsSnapshot(List<String> installed, List<String> functions) {

  public ExtensionsSnapshot {
    installed = sortedDistinct(installed);
    functions = sortedDistinct(functions);
  }

  /** Extensions only, no functions. */
  public ExtensionsSnapshot(List<String> installed) {
    this(installed, List.of());
  }

  private static List<String> sortedDistinct(List<String> names) {
    return names == null ? List.of() : names.stream().distinct().sorted().toList();
  }
}
