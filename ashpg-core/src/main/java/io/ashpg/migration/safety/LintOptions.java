package io.ashpg.migration.safety;

import java.util.EnumSet;
import java.util.Set;

/**
 * How the linter runs.
 *
 * @param disabled             rules not reported anywhere (project-wide; a file can also switch one off for itself
 *                             or one statement with {@code -- ashpg:lint-ignore <rule>})
 * @param migratorLockTimeout  whether the migrator runs every file with a lock_timeout of its own (see
 *                             safe-mode.md): then {@link LintRule#MISSING_LOCK_TIMEOUT} is only about files that switch
 *                             it off ({@code -- ashpg:lock-timeout 0}, {@code SET lock_timeout = 0})
 */
public record LintOptions(Set<LintRule> disabled, boolean migratorLockTimeout) {

  /** Every rule on. */
  public static final LintOptions DEFAULTS = new LintOptions(Set.of(), false);

  public LintOptions {
    disabled = disabled.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(disabled));
  }

  /** These options with {@code rules} switched off too. */
  public LintOptions disable(Set<LintRule> rules) {
    Set<LintRule> all = EnumSet.noneOf(LintRule.class);
    all.addAll(disabled);
    all.addAll(rules);
    return new LintOptions(all, migratorLockTimeout);
  }

  /** These options knowing whether the migrator sets a lock_timeout itself. */
  public LintOptions withMigratorLockTimeout(boolean b) {
    return new LintOptions(disabled, b);
  }

  /** Whether {@code rule} is reported. */
  public boolean enabled(LintRule rule) {
    return !disabled.contains(rule);
  }
}
