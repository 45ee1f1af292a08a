package io.ashpg.migration;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The safe-mode SQL of every {@link SafeModeCases} case must equal its reviewed golden file in
 * {@code src/test/resources/golden-safe/} (see {@link GoldenFiles} for {@code -Dashpg.golden.update}).
 */
class SafeModeGoldenTest {

  static final Path GOLDEN = Path.of("src/test/resources/golden-safe");

  static List<SafeModeCases.Case> cases() {
    return SafeModeCases.all();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void matchesGolden(SafeModeCases.Case c) {
    GoldenFiles.check("safe-mode case " + c.name(), GOLDEN.resolve(c.name() + ".sql"), c.golden(),
        GoldenFiles.updateRequested());
  }

  @Test
  void everyGoldenFileBelongsToACase() {
    // a golden file no case generates any more would be reviewed forever without being checked
    assertThat(GoldenFiles.read(GOLDEN).keySet())
        .containsExactlyInAnyOrderElementsOf(cases().stream().map(c -> c.name() + ".sql").toList());
  }
}
