package io.ashpg.maven;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import org.apache.maven.model.Resource;
import org.apache.maven.project.MavenProject;

/**
 * Where a classpath-relative folder such as {@code Repo.migrationsPath()} lives in the project: under one of its
 * resource folders. Reading ({@code migrate}) and writing ({@code generate-migrations}) look it up the same way, so
 * generated files land where the migrator reads them.
 */
final class ResourceFolders {

  private ResourceFolders() {
  }

  /** The first resource folder holding {@code relative} as a directory, if any. */
  static Optional<Path> existing(MavenProject project, String relative) {
    for (Path root : roots(project)) {
      Path dir = root.resolve(relative);
      if (Files.isDirectory(dir)) {
        return Optional.of(dir);
      }
    }
    return Optional.empty();
  }

  /** Where to write {@code relative}: where it exists already, else under the first resource folder. */
  static Path forWriting(MavenProject project, String relative) {
    return existing(project, relative).orElseGet(() -> roots(project).stream().findFirst()
        .orElseGet(() -> defaultRoot(project)).resolve(relative));
  }

  /** {@code src/main/resources} of the project, the folder messages name when nothing exists yet. */
  static Path defaultRoot(MavenProject project) {
    return project.getBasedir().toPath().resolve("src/main/resources");
  }

  private static Set<Path> roots(MavenProject project) {
    Set<Path> roots = new LinkedHashSet<>();
    for (Resource r : project.getResources()) {
      roots.add(new File(r.getDirectory()).toPath());
    }
    return roots;
  }
}
