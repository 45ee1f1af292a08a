package io.ashpg.maven;

import static org.assertj.core.api.Assertions.assertThat;

import io.ashpg.migration.snapshot.TableKey;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/** The questions generate-migrations asks when Maven is interactive, answered through standard input. */
class InteractiveDecisionsTest {

  private final InteractiveDecisions decisions = new InteractiveDecisions();
  private final TableKey posts = new TableKey(null, "posts");

  private <T> Answered<T> answering(String input, Supplier<T> question) {
    InputStream in = System.in;
    PrintStream out = System.out;
    ByteArrayOutputStream printed = new ByteArrayOutputStream();
    try {
      System.setIn(new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)));
      System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
      return new Answered<>(question.get(), printed.toString(StandardCharsets.UTF_8));
    } finally {
      System.setIn(in);
      System.setOut(out);
    }
  }

  private record Answered<T>(T value, String printed) {
  }

  @Test
  void aRenameIsChosenByNumber() {
    Answered<?> a = answering("2\n", () -> decisions.renamedFrom(posts, "headline", List.of("subtitle", "title")));
    assertThat(a.value()).isEqualTo(java.util.Optional.of("title"));
    assertThat(a.printed()).contains("new column \"headline\"").contains("1) subtitle").contains("2) title")
        .contains("0) no, it is a new column");
  }

  @Test
  void zeroMeansANewColumnAndNonsenseIsAskedAgain() {
    Answered<?> a = answering("x\n7\n0\n", () -> decisions.renamedFrom(posts, "headline", List.of("title")));
    assertThat(a.value()).isEqualTo(java.util.Optional.empty());
    assertThat(a.printed().split("Enter the number", -1)).hasSize(4);
  }

  @Test
  void endOfInputIsNoDecision() {
    assertThat(answering("", () -> decisions.tableRenamedFrom(posts, List.of(new TableKey(null, "old_posts"))))
        .value()).isEqualTo(java.util.Optional.empty());
  }

  @Test
  void aTableDropNeedsAYes() {
    assertThat(answering("y\n", () -> decisions.confirmDrop(posts)).value()).isEqualTo(true);
    assertThat(answering("\n", () -> decisions.confirmDrop(posts)).value()).isEqualTo(false);
    assertThat(answering("yes\n", () -> decisions.confirmDrop(posts)).printed())
        .contains("Table posts no longer has a resource");
  }

  @Test
  void thePrimaryKeyIsChosenByNumber() {
    Answered<?> a = answering("2\n", () -> decisions.choose(posts, List.of(List.of("id"), List.of("org_id", "slug"))));
    assertThat(a.value()).isEqualTo(java.util.Optional.of(List.of("org_id", "slug")));
    assertThat(a.printed()).contains("Which primary key should be used for the table posts");
  }
}
