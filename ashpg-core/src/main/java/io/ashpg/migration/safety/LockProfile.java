package io.ashpg.migration.safety;

/**
 * What one kind of DDL step costs a live table: the lock it takes on the table it changes, the lock it takes on the
 * table a foreign key references (if any), what it does to the existing rows while holding the lock, and on which
 * PostgreSQL majors this holds.
 *
 * @param lock           lock on the changed table; null for a step that locks no table (CREATE EXTENSION)
 * @param referencedLock lock on the referenced table of a foreign key; null when no other table is locked
 * @param effect         work done on existing rows under the lock
 * @param versions       the majors this profile holds on
 * @param source         the PostgreSQL documentation page (and section) stating it
 */
public record LockProfile(LockMode lock, LockMode referencedLock, TableEffect effect, PgVersions versions,
    String source) {

  public LockProfile {
    if (effect == null || versions == null || source == null) {
      throw new IllegalArgumentException("a lock profile needs an effect, versions and a source");
    }
  }

  /** A step taking {@code lock} on its table only, on every supported major. */
  static LockProfile of(LockMode lock, TableEffect effect, String source) {
    return new LockProfile(lock, null, effect, PgVersions.ALL, source);
  }

  /** Whether the step locks a table at all. */
  public boolean locksTable() {
    return lock != null;
  }

  /**
   * Whether the step keeps reads or writes of an existing table waiting for longer than a catalog change: it blocks
   * them and scans or rewrites the table under that lock.
   */
  public boolean blocksForLong() {
    return effect != TableEffect.NONE && (blocksWrites() || blocksReads());
  }

  /** Whether INSERT/UPDATE/DELETE of the table (or the referenced one) wait while the step runs. */
  public boolean blocksWrites() {
    return (lock != null && lock.blocksWrites()) || (referencedLock != null && referencedLock.blocksWrites());
  }

  /** Whether SELECTs of the table (or the referenced one) wait while the step runs. */
  public boolean blocksReads() {
    return (lock != null && lock.blocksReads()) || (referencedLock != null && referencedLock.blocksReads());
  }

  /** E.g. "takes SHARE ROW EXCLUSIVE on the table and the referenced table, scans the table (PostgreSQL 15–18)". */
  public String describe() {
    StringBuilder sb = new StringBuilder();
    if (lock == null) {
      sb.append("locks no table");
    } else {
      sb.append("takes ").append(lock.sqlName()).append(" on the table");
      if (referencedLock != null) {
        sb.append(referencedLock == lock ? " and the referenced table"
            : " and " + referencedLock.sqlName() + " on the referenced table");
      }
      sb.append(lock.blocksReads() ? " (blocks reads and writes)" : lock.blocksWrites() ? " (blocks writes)"
          : " (reads and writes go on)");
    }
    switch (effect) {
      case SCAN -> sb.append(", scans every row while holding it");
      case REWRITE -> sb.append(", rewrites the whole table while holding it");
      default -> { }
    }
    return sb.append(" (").append(versions).append(')').toString();
  }
}
