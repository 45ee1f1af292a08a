package io.ashpg.migration.generate;

import io.ashpg.migration.snapshot.TableKey;
import java.util.List;
import java.util.Optional;

/**
 * Decides which primary key a table gets when the resources sharing it declare different ones (AshPostgres asks
 * "Which primary key should be used for the table?"). The key sets not chosen become unique identities.
 *
 * <p>The Maven plugin prompts when interactive and otherwise reads hints ({@link #fromHints(List)}).
 */
@FunctionalInterface
public interface PrimaryKeyChooser {

  /**
   * The chosen key among {@code candidates} (column lists, in declaration order), or empty when undecided — the
   * generator then fails with an error listing the candidates and the hint syntax.
   *
   * @param table      the table (for tenant tables without a schema)
   * @param candidates the distinct primary keys of the resources on the table, at least two
   */
  Optional<List<String>> choose(TableKey table, List<List<String>> candidates);

  /** Never decides: differing primary keys are an error. */
  static PrimaryKeyChooser none() {
    return (table, candidates) -> Optional.empty();
  }

  /** Decides from hints {@code table:col1+col2} (or {@code schema.table:col}); see {@link PrimaryKeyHints}. */
  static PrimaryKeyChooser fromHints(List<String> hints) {
    return new PrimaryKeyHints(hints);
  }
}
