package io.ashpg.migration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The golden comparison itself: a regeneration must never pass silently. */
class GoldenFilesTest {

  @TempDir
  Path dir;

  private Path file(String name, String text) throws IOException {
    Path f = dir.resolve(name);
    Files.createDirectories(f.getParent());
    Files.writeString(f, text, StandardCharsets.UTF_8);
    return f;
  }

  private static String text(Path f) throws IOException {
    return Files.readString(f, StandardCharsets.UTF_8);
  }

  @Test
  void equalTextPassesWithAndWithoutUpdate() throws IOException {
    Path f = file("a.sql", "-- ashpg:up\nSELECT 1;\n");
    assertThatCode(() -> GoldenFiles.check("case a", f, "-- ashpg:up\nSELECT 1;\n", false)).doesNotThrowAnyException();
    assertThatCode(() -> GoldenFiles.check("case a", f, "-- ashpg:up\nSELECT 1;\n", true)).doesNotThrowAnyException();
    assertThat(text(f)).isEqualTo("-- ashpg:up\nSELECT 1;\n");
  }

  @Test
  void differenceFailsAndLeavesTheFileWithoutUpdate() throws IOException {
    Path f = file("a.sql", "CREATE TABLE \"a\";\nDROP TABLE \"a\";\n");
    assertThatThrownBy(() -> GoldenFiles.check("case a", f, "CREATE TABLE \"b\";\nDROP TABLE \"a\";\n", false))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("golden case a")
        .hasMessageContaining(f + ": differs,")
        .hasMessageContaining("line 1: golden `CREATE TABLE \"a\";`, generated `CREATE TABLE \"b\";`")
        .hasMessageContaining("-Dashpg.golden.update=true")
        .hasMessageNotContaining("rewritten");
    assertThat(text(f)).isEqualTo("CREATE TABLE \"a\";\nDROP TABLE \"a\";\n");
  }

  @Test
  void differenceWithUpdateRewritesTheFileAndStillFails() throws IOException {
    Path f = file("a.sql", "old\n");
    assertThatThrownBy(() -> GoldenFiles.check("case a", f, "new\n", true))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining(f + ": differs (rewritten)")
        .hasMessageContaining("git diff")
        .hasMessageContaining("rerun without -Dashpg.golden.update");
    assertThat(text(f)).isEqualTo("new\n");
    // the reviewed file now passes on the rerun
    assertThatCode(() -> GoldenFiles.check("case a", f, "new\n", false)).doesNotThrowAnyException();
  }

  @Test
  void missingFileFailsAndIsWrittenOnlyWithUpdate() throws IOException {
    Path f = dir.resolve("sub/new.sql");
    assertThatThrownBy(() -> GoldenFiles.check("case new", f, "x\n", false))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining(f + ": missing")
        .hasMessageNotContaining("written");
    assertThat(f).doesNotExist();

    assertThatThrownBy(() -> GoldenFiles.check("case new", f, "x\n", true))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining(f + ": missing (written)");
    assertThat(text(f)).isEqualTo("x\n");
  }

  @Test
  void trailingNewlineAloneIsADifference() throws IOException {
    Path f = file("a.sql", "x\n");
    assertThatThrownBy(() -> GoldenFiles.check("case a", f, "x", false))
        .hasMessageContaining("generated text ends at line 1, golden has 1 more line(s)");
    assertThatThrownBy(() -> GoldenFiles.check("case a", f, "x\n\ny", false))
        .hasMessageContaining("generated text has 1 more line(s) from line 3");
  }

  @Test
  void equalTreePasses() throws IOException {
    file("case/m/1.sql", "one\n");
    file("case/t/2.sql", "two\n");
    assertThatCode(() -> GoldenFiles.checkTree("case c", dir.resolve("case"),
        Map.of("m/1.sql", "one\n", "t/2.sql", "two\n"), false)).doesNotThrowAnyException();
  }

  @Test
  void treeReportsEveryChangedMissingAndStaleFile() throws IOException {
    Path root = dir.resolve("case");
    file("case/m/1.sql", "one\n");
    file("case/m/2.sql", "two\n");
    file("case/m/3.sql", "three\n");
    Map<String, String> generated = Map.of("m/1.sql", "one\n", "m/2.sql", "TWO\n", "m/4.sql", "four\n");

    assertThatThrownBy(() -> GoldenFiles.checkTree("case c", root, generated, false))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining(root.resolve("m/2.sql") + ": differs,")
        .hasMessageContaining(root.resolve("m/4.sql") + ": missing")
        .hasMessageContaining(root.resolve("m/3.sql") + ": no longer generated")
        .hasMessageNotContaining(root.resolve("m/1.sql").toString());
    assertThat(GoldenFiles.read(root)).containsOnlyKeys("m/1.sql", "m/2.sql", "m/3.sql")
        .containsEntry("m/2.sql", "two\n");

    assertThatThrownBy(() -> GoldenFiles.checkTree("case c", root, generated, true))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining(root.resolve("m/3.sql") + ": no longer generated (deleted)")
        .hasMessageContaining("git diff");
    assertThat(GoldenFiles.read(root)).isEqualTo(generated);
    assertThatCode(() -> GoldenFiles.checkTree("case c", root, generated, false)).doesNotThrowAnyException();
  }

  @Test
  void missingFolderFails() {
    Path root = dir.resolve("absent");
    assertThatThrownBy(() -> GoldenFiles.checkTree("case c", root, Map.of("m/1.sql", "one\n"), false))
        .hasMessageContaining(root.resolve("m/1.sql") + ": missing");
    assertThat(root).doesNotExist();
  }

  @Test
  void emptyGenerationAgainstAnEmptyFolderPassesButLeftoversFail() throws IOException {
    Path root = dir.resolve("case");
    assertThatCode(() -> GoldenFiles.checkTree("case c", root, Map.of(), false)).doesNotThrowAnyException();
    file("case/m/1.sql", "one\n");
    assertThatThrownBy(() -> GoldenFiles.checkTree("case c", root, Map.of(), false))
        .hasMessageContaining("no longer generated");
  }
}
