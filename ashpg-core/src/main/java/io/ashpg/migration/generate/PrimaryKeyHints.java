package io.ashpg.migration.generate;

import io.ashpg.migration.snapshot.TableKey;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Primary key decisions given up front, e.g. {@code -Dashpg.primaryKeys=posts:id,tags:post_id+tag}: one
 * {@code table:col1+col2} entry per table ({@code schema.table:...} for a table with a schema). A hint naming a
 * key that is not a candidate is an error rather than a silent fallback.
 */
public final class PrimaryKeyHints implements PrimaryKeyChooser {

  /** The hint syntax, quoted in error messages. */
  public static final String SYNTAX = "-Dashpg.primaryKeys=<table>:<col1>+<col2>[,<table>:<col>...]";

  private final Map<String, List<String>> byTable = new LinkedHashMap<>();

  /** Parses {@code hints}; each entry may itself hold several comma-separated hints. */
  public PrimaryKeyHints(List<String> hints) {
    for (String entry : hints) {
      for (String hint : entry.split(",")) {
        String h = hint.trim();
        if (h.isEmpty()) {
          continue;
        }
        int colon = h.lastIndexOf(':');
        if (colon <= 0 || colon == h.length() - 1) {
          throw new IllegalArgumentException("primary key hint '" + h + "' is malformed; use " + SYNTAX);
        }
        List<String> columns = Arrays.stream(h.substring(colon + 1).split("\\+")).map(String::trim).toList();
        if (columns.stream().anyMatch(String::isEmpty)) {
          throw new IllegalArgumentException("primary key hint '" + h + "' has an empty column; use " + SYNTAX);
        }
        byTable.put(h.substring(0, colon).trim(), columns);
      }
    }
  }

  @Override
  public Optional<List<String>> choose(TableKey table, List<List<String>> candidates) {
    List<String> hinted = byTable.get(table.toString());
    if (hinted == null) {
      return Optional.empty();
    }
    if (!candidates.contains(hinted)) {
      throw new IllegalArgumentException("primary key hint " + table + ":" + String.join("+", hinted)
          + " is not one of the candidates " + AmbiguousPrimaryKeyException.describe(candidates)
          + "; name one of them, columns in declaration order");
    }
    return Optional.of(hinted);
  }
}
