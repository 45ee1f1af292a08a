package io.ashpg.data;

import java.util.Objects;

/**
 * A row lock taken by a read: {@code FOR UPDATE | NO KEY UPDATE | SHARE | KEY SHARE}, optionally {@code NOWAIT} (a
 * held lock fails with {@link io.ashpg.error.LockUnavailableException}) or {@code SKIP LOCKED}. Locks only last as
 * long as the transaction, so use them inside {@link DataLayer#transaction}.
 *
 * @param strength the lock strength
 * @param waitPolicy what to do when a row is locked by someone else
 */
public record Lock(Strength strength, Wait waitPolicy) {

  /** Lock strengths. */
  public enum Strength {
    /** {@code FOR UPDATE}. */
    UPDATE("FOR UPDATE"),
    /** {@code FOR NO KEY UPDATE}. */
    NO_KEY_UPDATE("FOR NO KEY UPDATE"),
    /** {@code FOR SHARE}. */
    SHARE("FOR SHARE"),
    /** {@code FOR KEY SHARE}. */
    KEY_SHARE("FOR KEY SHARE");

    private final String sql;

    Strength(String sql) {
      this.sql = sql;
    }

    String sql() {
      return sql;
    }
  }

  /** Waiting policies. */
  public enum Wait {
    /** Wait for the lock. */
    WAIT(""),
    /** {@code NOWAIT}: fail at once. */
    NOWAIT(" NOWAIT"),
    /** {@code SKIP LOCKED}: leave locked rows out. */
    SKIP_LOCKED(" SKIP LOCKED");

    private final String sql;

    Wait(String sql) {
      this.sql = sql;
    }

    String sql() {
      return sql;
    }
  }

  public Lock {
    Objects.requireNonNull(strength, "strength");
    Objects.requireNonNull(waitPolicy, "waitPolicy");
  }

  /** {@code FOR UPDATE}. */
  public static Lock forUpdate() {
    return new Lock(Strength.UPDATE, Wait.WAIT);
  }

  /** {@code FOR NO KEY UPDATE}. */
  public static Lock forNoKeyUpdate() {
    return new Lock(Strength.NO_KEY_UPDATE, Wait.WAIT);
  }

  /** {@code FOR SHARE}. */
  public static Lock forShare() {
    return new Lock(Strength.SHARE, Wait.WAIT);
  }

  /** {@code FOR KEY SHARE}. */
  public static Lock forKeyShare() {
    return new Lock(Strength.KEY_SHARE, Wait.WAIT);
  }

  /** This lock with {@code NOWAIT}. */
  public Lock nowait() {
    return new Lock(strength, Wait.NOWAIT);
  }

  /** This lock with {@code SKIP LOCKED}. */
  public Lock skipLocked() {
    return new Lock(strength, Wait.SKIP_LOCKED);
  }
}
