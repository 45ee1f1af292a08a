package io.ashpg.migration.generate;

import io.ashpg.migration.snapshot.TableKey;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Resources sharing a table declare different primary keys and nobody chose one. Nothing is written; the message
 * lists the candidates and how to choose.
 */
public final class AmbiguousPrimaryKeyException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final TableKey table;
  private final transient List<List<String>> candidates;

  /**
   * @param table      the table
   * @param resources  names of the resources on it
   * @param candidates their distinct primary keys
   */
  public AmbiguousPrimaryKeyException(TableKey table, List<String> resources, List<List<String>> candidates) {
    super("resources " + resources + " share table " + table + " but declare different primary keys "
        + describe(candidates) + "; choose one with " + PrimaryKeyHints.SYNTAX + " (e.g. -Dashpg.primaryKeys="
        + table + ":" + String.join("+", candidates.get(0)) + ") or answer the prompt; the other keys become "
        + "unique indexes");
    this.table = table;
    this.candidates = List.copyOf(candidates);
  }

  /** The table. */
  public TableKey table() {
    return table;
  }

  /** The candidate keys. */
  public List<List<String>> candidates() {
    return candidates;
  }

  static String describe(List<List<String>> candidates) {
    return candidates.stream().map(c -> "(" + String.join(", ", c) + ")").collect(Collectors.joining(" or "));
  }
}
