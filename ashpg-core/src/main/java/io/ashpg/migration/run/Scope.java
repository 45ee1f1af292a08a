package io.ashpg.migration.run;

import java.util.Collection;
import java.util.Collections;
import java.util.Objects;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * How far a run goes. Migrating: {@link All} pending files (the default), the next {@link Step n}, or every pending
 * file up {@link To} and including a version. Rolling back: the last {@link Step n} applied (default 1), every
 * applied migration {@link To down to and including} a version, or {@link All} of them. {@link Versions} picks
 * migrations by version in either direction.
 */
public sealed interface Scope permits Scope.All, Scope.Step, Scope.To, Scope.Versions {

  /** Every pending (migrate) or every applied (rollback) migration. */
  record All() implements Scope {
  }

  /**
   * The next {@code count} migrations.
   *
   * @param count at least 1
   */
  record Step(int count) implements Scope {
    public Step {
      if (count < 1) {
        throw new IllegalArgumentException("step must be at least 1, got " + count);
      }
    }
  }

  /**
   * Up to (migrate) or down to (rollback) this version, inclusive.
   *
   * @param version a migration version, positive
   */
  record To(long version) implements Scope {
    public To {
      if (version <= 0) {
        throw new IllegalArgumentException("version must be a positive migration version such as 20240101120000, got "
            + version);
      }
    }
  }

  /**
   * Exactly these versions, wherever they sit among the others: migrating applies those of them that are pending
   * (oldest first); rolling back reverts those of them that are applied (newest first). Versions that are in neither
   * state are skipped, so a set may mix applied and never-applied migrations (the dev migrations of
   * {@code io.ashpg.migration.generate.DevMigrations}, for one).
   *
   * @param versions migration versions, each positive; may be empty (nothing to do)
   */
  record Versions(SortedSet<Long> versions) implements Scope {
    public Versions {
      Objects.requireNonNull(versions, "versions");
      for (Long v : versions) {
        if (v == null || v <= 0) {
          throw new IllegalArgumentException("versions must be positive migration versions such as 20240101120000,"
              + " got " + v);
        }
      }
      versions = Collections.unmodifiableSortedSet(new TreeSet<>(versions));
    }
  }

  /** {@link All}. */
  static Scope all() {
    return new All();
  }

  /** {@link Step}. */
  static Scope step(int count) {
    return new Step(count);
  }

  /** {@link To}. */
  static Scope to(long version) {
    return new To(version);
  }

  /** {@link Versions}. */
  static Scope versions(Collection<Long> versions) {
    return new Versions(new TreeSet<>(versions));
  }
}
