package io.ashpg.adopt;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * What adopting a schema produced: the resource classes, an Api and a Repo, and what could not be stated in the
 * DSL (each kept as a custom statement, or left as the generator makes it).
 *
 * @param apiClass  fully qualified name of the generated Api
 * @param repoClass fully qualified name of the generated Repo
 * @param files     the generated sources: resources in table order, then the Api and the Repo
 * @param warnings  what the generated resources do not state as the database has it, one sentence each naming
 *                  table and object
 */
public record Adoption(String apiClass, String repoClass, List<SourceFile> files, List<String> warnings) {

  public Adoption {
    Objects.requireNonNull(apiClass, "apiClass");
    Objects.requireNonNull(repoClass, "repoClass");
    files = List.copyOf(files);
    warnings = List.copyOf(warnings);
  }

  /** The files {@link #write} would overwrite below {@code sourceRoot}. */
  public List<Path> existing(Path sourceRoot) {
    return files.stream().map(f -> sourceRoot.resolve(f.path())).filter(Files::exists).toList();
  }

  /**
   * Writes the sources below {@code sourceRoot} (e.g. {@code src/main/java}). Without {@code force}, an existing
   * file stops the write before anything is written, naming every such file.
   *
   * @return the written files
   * @throws IllegalStateException when files exist and {@code force} is false
   */
  public List<Path> write(Path sourceRoot, boolean force) throws IOException {
    List<Path> targets = files.stream().map(f -> sourceRoot.resolve(f.path())).toList();
    List<Path> existing = existing(sourceRoot);
    if (!existing.isEmpty() && !force) {
      throw new IllegalStateException("refusing to overwrite existing source files: " + existing.stream()
          .map(Path::toString).collect(Collectors.joining(", ")) + "; move them away, choose another package, or"
          + " overwrite them with force");
    }
    for (int i = 0; i < files.size(); i++) {
      Path target = targets.get(i);
      Files.createDirectories(target.getParent());
      Files.writeString(target, files.get(i).content(), StandardCharsets.UTF_8);
    }
    return targets;
  }
}
