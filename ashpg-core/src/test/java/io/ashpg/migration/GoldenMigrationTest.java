package io.ashpg.migration;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Generated migration text compared with {@code src/test/resources/golden/<case>.sql}. Regenerate after an
 * intended change with {@code -Dashpg.golden.update=true} and review the diff.
 */
class GoldenMigrationTest {

  static final Path GOLDEN = Path.of("src/test/resources/golden");

  static List<GoldenCases.Case> cases() {
    return GoldenCases.all();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void matchesGolden(GoldenCases.Case c) throws IOException {
    String actual = c.golden();
    Path file = GOLDEN.resolve(c.name() + ".sql");
    if (Boolean.getBoolean("ashpg.golden.update")) {
      Files.createDirectories(GOLDEN);
      Files.writeString(file, actual, StandardCharsets.UTF_8);
    }
    assertThat(file).as("golden file %s (create it with -Dashpg.golden.update=true)", file).exists();
    assertThat(actual).isEqualTo(Files.readString(file, StandardCharsets.UTF_8));
  }
}
