package io.ashpg.migration;

import java.nio.file.Path;
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
    GoldenFiles.checkTree("case " + c.name(), GOLDEN.resolve(c.name()), ResourceGoldenTest.generate(c, project),
        GoldenFiles.updateRequested());
  }
}
