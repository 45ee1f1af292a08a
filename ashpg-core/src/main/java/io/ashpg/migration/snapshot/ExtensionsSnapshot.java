package io.ashpg.migration.snapshot;

import java.util.List;

/**
 * The PostgreSQL extensions a repo has had migrations generated for ({@code <repo>/extensions.json}).
 *
 * @param installed extension names, sorted
 */
public record ExtensionsSnapshot(List<String> installed) {

  public ExtensionsSnapshot {
    installed = installed == null ? List.of() : installed.stream().distinct().sorted().toList();
  }
}
