package io.ashpg.migration.run;

/**
 * How far a run goes. Migrating: {@link All} pending files (the default), the next {@link Step n}, or every pending
 * file up {@link To} and including a version. Rolling back: the last {@link Step n} applied (default 1), every
 * applied migration {@link To down to and including} a version, or {@link All} of them.
 */
public sealed interface Scope permits Scope.All, Scope.Step, Scope.To {

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
}
