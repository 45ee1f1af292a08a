package io.ashpg.migration.safety;

import java.util.Locale;

/**
 * PostgreSQL's table-level lock modes, weakest first, with the conflicts of the "Conflicting Lock Modes" table of the
 * explicit locking chapter (https://www.postgresql.org/docs/current/explicit-locking.html, table 13.2; the same in
 * PostgreSQL 15, 16, 17 and 18). Plain reads take {@link #ACCESS_SHARE}, INSERT/UPDATE/DELETE {@link #ROW_EXCLUSIVE};
 * a mode that conflicts with those blocks reads or writes for as long as it is held, and every later query queues
 * behind a DDL statement still waiting for it.
 */
public enum LockMode {
  /** SELECT. */
  ACCESS_SHARE,
  /** SELECT FOR UPDATE/SHARE; a foreign key's VALIDATE CONSTRAINT on the referenced table. */
  ROW_SHARE,
  /** INSERT, UPDATE, DELETE. */
  ROW_EXCLUSIVE,
  /** VACUUM, CREATE INDEX CONCURRENTLY, VALIDATE CONSTRAINT, some ALTER INDEX / ALTER TABLE forms. */
  SHARE_UPDATE_EXCLUSIVE,
  /** CREATE INDEX (without CONCURRENTLY). */
  SHARE,
  /** CREATE TRIGGER, ADD FOREIGN KEY (on both tables). */
  SHARE_ROW_EXCLUSIVE,
  /** REFRESH MATERIALIZED VIEW CONCURRENTLY. */
  EXCLUSIVE,
  /** Most ALTER TABLE forms, DROP TABLE, TRUNCATE, VACUUM FULL, CLUSTER. */
  ACCESS_EXCLUSIVE;

  /** Bit i set: conflicts with the mode of ordinal i (rows of table 13.2, weakest mode first). */
  private static final int[] CONFLICTS = {
      0b10000000, // ACCESS SHARE
      0b11000000, // ROW SHARE
      0b11110000, // ROW EXCLUSIVE
      0b11111000, // SHARE UPDATE EXCLUSIVE
      0b11101100, // SHARE
      0b11111100, // SHARE ROW EXCLUSIVE
      0b11111110, // EXCLUSIVE
      0b11111111, // ACCESS EXCLUSIVE
  };

  /** Whether a transaction holding this mode makes one asking for {@code other} wait (and the other way round). */
  public boolean conflictsWith(LockMode other) {
    return (CONFLICTS[ordinal()] & (1 << other.ordinal())) != 0;
  }

  /** Whether plain SELECTs wait while it is held. */
  public boolean blocksReads() {
    return conflictsWith(ACCESS_SHARE);
  }

  /** Whether INSERT, UPDATE and DELETE wait while it is held. */
  public boolean blocksWrites() {
    return conflictsWith(ROW_EXCLUSIVE);
  }

  /** The name as SQL and the docs write it, e.g. {@code ACCESS EXCLUSIVE}. */
  public String sqlName() {
    return name().replace('_', ' ');
  }

  /** The name in {@code pg_locks.mode}, e.g. {@code AccessExclusiveLock}. */
  public String pgLocksName() {
    StringBuilder sb = new StringBuilder();
    for (String word : name().split("_")) {
      sb.append(word.charAt(0)).append(word.substring(1).toLowerCase(Locale.ROOT));
    }
    return sb.append("Lock").toString();
  }

  /** The mode of a {@code pg_locks.mode} value. */
  public static LockMode ofPgLocksName(String mode) {
    for (LockMode m : values()) {
      if (m.pgLocksName().equals(mode)) {
        return m;
      }
    }
    throw new IllegalArgumentException("'" + mode + "' is not a table lock mode of pg_locks");
  }

  @Override
  public String toString() {
    return sqlName();
  }
}
