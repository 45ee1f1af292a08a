package io.ashpg.maven;

import io.ashpg.migration.diff.RenameDecider;
import io.ashpg.migration.generate.PrimaryKeyChooser;
import io.ashpg.migration.snapshot.TableKey;
import java.util.List;
import java.util.Optional;

/**
 * Asks the user, on the terminal, the questions the generator cannot answer alone: whether a new column or table
 * is a renamed old one, and which primary key a shared table gets. Used only when Maven runs interactively and no
 * hint answered the question.
 */
final class InteractiveDecisions implements RenameDecider, PrimaryKeyChooser {

  @Override
  public Optional<String> renamedFrom(TableKey table, String newColumn, List<String> candidates) {
    int choice = choose("Table " + table + " has a new column \"" + newColumn + "\" and lost " + candidates
        + ". Is \"" + newColumn + "\" one of them renamed?", candidates, "no, it is a new column");
    return choice < 0 ? Optional.empty() : Optional.of(candidates.get(choice));
  }

  @Override
  public Optional<TableKey> tableRenamedFrom(TableKey newTable, List<TableKey> candidates) {
    int choice = choose("Table " + newTable + " is new, and tables " + candidates
        + " have no resource any more. Is " + newTable + " one of them renamed (or moved)?",
        candidates.stream().map(TableKey::toString).toList(), "no, it is a new table");
    return choice < 0 ? Optional.empty() : Optional.of(candidates.get(choice));
  }

  @Override
  public boolean confirmDrop(TableKey table) {
    return Prompt.confirm("Table " + table + " no longer has a resource. Generate a migration to DROP this table?"
        + " This permanently removes the table and its data.");
  }

  @Override
  public Optional<List<String>> choose(TableKey table, List<List<String>> candidates) {
    int choice = choose("Which primary key should be used for the table " + table
        + "? (the others become unique indexes)", candidates.stream().map(List::toString).toList(), null);
    return choice < 0 ? Optional.empty() : Optional.of(candidates.get(choice));
  }

  /** Index of the chosen option, or -1 for the "none" answer (or end of input). */
  private static int choose(String question, List<String> options, String none) {
    StringBuilder text = new StringBuilder(question).append('\n');
    if (none != null) {
      text.append("  0) ").append(none).append('\n');
    }
    for (int i = 0; i < options.size(); i++) {
      text.append("  ").append(i + 1).append(") ").append(options.get(i)).append('\n');
    }
    text.append("Enter the number: ");
    while (true) {
      String answer = Prompt.ask(text.toString());
      if (answer == null) {
        return -1;
      }
      try {
        int n = Integer.parseInt(answer);
        if (n == 0 && none != null) {
          return -1;
        }
        if (n >= 1 && n <= options.size()) {
          return n - 1;
        }
      } catch (NumberFormatException e) {
        // ask again
      }
    }
  }
}
