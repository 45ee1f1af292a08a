package io.ashpg.migration;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Generated migration text of every {@link GoldenCases} case compared byte for byte with
 * {@code src/test/resources/golden/<case>.sql}.
 *
 * <p>Any difference fails, and so does a missing file. After an intended generator change, run
 * {@code ./mvnw -B -ntp -pl ashpg-core -am test -Dtest='GoldenMigrationTest' -Dsurefire.failIfNoSpecifiedTests=false
 * -Dashpg.golden.update=true}: the changed files are rewritten and the changed cases still fail, naming each file.
 * Review {@code git diff}, check each change against the comment at the case (what AshPostgres emits), commit, and
 * rerun without the property; only a run with no change passes. See {@link GoldenFiles}.
 */
class GoldenMigrationTest {

  static final Path GOLDEN = Path.of("src/test/resources/golden");

  static List<GoldenCases.Case> cases() {
    return GoldenCases.all();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void matchesGolden(GoldenCases.Case c) {
    String generated = c.golden();
    // every case is a change: a case that generates nothing would compare an empty file with itself
    assertThat(generated).as("migration text of case %s", c.name()).contains("-- ashpg:up", "-- ashpg:down");
    GoldenFiles.check("case " + c.name(), GOLDEN.resolve(c.name() + ".sql"), generated,
        GoldenFiles.updateRequested());
  }
}
