package io.ashpg.migration;

import static org.assertj.core.api.Assertions.assertThat;

import io.ashpg.migration.generate.GenerationResult;
import io.ashpg.migration.generate.MigrationGenerator;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Resource-level golden tests: each {@link ResourceCases} case is generated step by step from its resources (the
 * snapshots stay on disk between steps) and every migration file is compared byte for byte with
 * {@code src/test/resources/golden-resources/<case>/<repo>/{migrations,tenant_migrations}/}. Regenerating right
 * after each step must find no changes and write nothing.
 *
 * <p>A changed, missing or no longer generated file fails. After an intended generator change, run
 * {@code ./mvnw -B -ntp -pl ashpg-core -am test -Dtest='ResourceGoldenTest' -Dsurefire.failIfNoSpecifiedTests=false
 * -Dashpg.golden.update=true}: the case folders are rewritten and the changed cases still fail, naming each file.
 * Review {@code git diff} and {@code git status}, check each change against the comment at the case (what
 * AshPostgres emits), commit, and rerun without the property; only a run with no change passes. See
 * {@link GoldenFiles}.
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
  void matchesGolden(ResourceCases.Case c) {
    GoldenFiles.checkTree("case " + c.name(), GOLDEN.resolve(c.name()), generate(c, project),
        GoldenFiles.updateRequested());
  }

  /** Runs every step into {@code project}; returns the migration files by path below the migrations root. */
  static Map<String, String> generate(ResourceCases.Case c, Path project) {
    List<Map<String, String>> steps = generateSteps(c, project);
    return steps.get(steps.size() - 1);
  }

  /**
   * Runs every step into {@code project}; returns, for each step, the migration files by path below the migrations
   * root as they are right after it.
   */
  static List<Map<String, String>> generateSteps(ResourceCases.Case c, Path project) {
    MigrationGenerator generator = ResourceCases.generator();
    List<Map<String, String>> out = new ArrayList<>();
    for (ResourceCases.Step step : c.steps()) {
      GenerationResult result = step.generate(project, generator);
      assertThat(result.written()).as("step of %s writes files", c.name()).isTrue();
      Map<String, String> before = GoldenFiles.read(project);
      GenerationResult again = step.generate(project, generator);
      assertThat(again.message()).as("regenerating %s right away", c.name()).isEqualTo(GenerationResult.NO_CHANGES);
      assertThat(GoldenFiles.read(project)).isEqualTo(before);
      out.add(GoldenFiles.read(project.resolve("src/main/resources/db")));
    }
    return out;
  }
}
