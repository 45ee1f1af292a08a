package io.ashpg.migration;

import static org.assertj.core.api.Assertions.assertThat;

import io.ashpg.migration.generate.GenerationResult;
import io.ashpg.migration.generate.MigrationGenerator;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Resource-level golden tests: each {@link ResourceCases} case is generated step by step from its resources (the
 * snapshots stay on disk between steps) and every migration file is compared with
 * {@code src/test/resources/golden-resources/<case>/<repo>/{migrations,tenant_migrations}/}. Regenerating right
 * after each step must find no changes and write nothing. Update the expected files after an intended change with
 * {@code -Dashpg.golden.update=true} and review the diff.
 */
class ResourceGoldenTest {

  static final Path GOLDEN = Path.of("src/test/resources/golden-resources");

  @TempDir
  Path project;

  static Stream<ResourceCases.Case> cases() {
    return ResourceCases.all().stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void matchesGolden(ResourceCases.Case c) throws IOException {
    Map<String, String> actual = generate(c, project);
    Path dir = GOLDEN.resolve(c.name());
    if (Boolean.getBoolean("ashpg.golden.update")) {
      deleteTree(dir);
      for (Map.Entry<String, String> e : actual.entrySet()) {
        Path file = dir.resolve(e.getKey());
        Files.createDirectories(file.getParent());
        Files.writeString(file, e.getValue(), StandardCharsets.UTF_8);
      }
    }
    assertThat(dir).as("golden folder %s (create it with -Dashpg.golden.update=true)", dir).isDirectory();
    assertThat(actual).as("migrations of case %s", c.name()).isEqualTo(read(dir));
  }

  /** Runs every step into {@code project}; returns the migration files by path below the migrations root. */
  static Map<String, String> generate(ResourceCases.Case c, Path project) throws IOException {
    List<Map<String, String>> steps = generateSteps(c, project);
    return steps.get(steps.size() - 1);
  }

  /**
   * Runs every step into {@code project}; returns, for each step, the migration files by path below the migrations
   * root as they are right after it.
   */
  static List<Map<String, String>> generateSteps(ResourceCases.Case c, Path project) throws IOException {
    MigrationGenerator generator = ResourceCases.generator();
    List<Map<String, String>> out = new ArrayList<>();
    for (ResourceCases.Step step : c.steps()) {
      GenerationResult result = step.generate(project, generator);
      assertThat(result.written()).as("step of %s writes files", c.name()).isTrue();
      Map<String, String> before = read(project);
      GenerationResult again = step.generate(project, generator);
      assertThat(again.message()).as("regenerating %s right away", c.name()).isEqualTo(GenerationResult.NO_CHANGES);
      assertThat(read(project)).isEqualTo(before);
      out.add(read(project.resolve("src/main/resources/db")));
    }
    return out;
  }

  static Map<String, String> read(Path root) throws IOException {
    Map<String, String> out = new TreeMap<>();
    if (!Files.isDirectory(root)) {
      return out;
    }
    try (Stream<Path> walk = Files.walk(root)) {
      for (Path p : walk.filter(Files::isRegularFile).toList()) {
        out.put(root.relativize(p).toString().replace('\\', '/'), Files.readString(p, StandardCharsets.UTF_8));
      }
    }
    return out;
  }

  private static void deleteTree(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(dir)) {
      for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }
}
