package io.ashpg.migration;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The {@link CitusCases} generated step by step like {@link ResourceGoldenTest} and compared byte for byte with
 * {@code src/test/resources/golden-citus/<case>/<repo>/{migrations,tenant_migrations}/}. Regenerate after an intended
 * change with {@code -Dashpg.golden.update=true} and review the diff (see {@link GoldenFiles}).
 */
class CitusGoldenTest {

  static final Path GOLDEN = Path.of("src/test/resources/golden-citus");

  @TempDir
  Path project;

  static Stream<ResourceCases.Case> cases() {
    return CitusCases.all().stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void matchesGolden(ResourceCases.Case c) {
    Map<String, String> generated = ResourceGoldenTest.generate(c, project);
    // every Citus case places a table: a generator that silently dropped the calls must fail here, not only as a
    // golden difference someone might regenerate
    assertThat(String.join("\n", generated.values())).as("migrations of case %s", c.name())
        .containsPattern("create_(reference|distributed)_table\\(");
    GoldenFiles.checkTree("case " + c.name(), GOLDEN.resolve(c.name()), generated, GoldenFiles.updateRequested());
  }
}
