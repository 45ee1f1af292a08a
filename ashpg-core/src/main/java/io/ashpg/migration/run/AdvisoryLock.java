package io.ashpg.migration.run;

import java.lang.System.Logger.Level;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A held session advisory lock. Taken with {@code pg_try_advisory_lock}, polled with backoff (50 ms doubling to
 * 1 s, with jitter): a waiter never blocks inside PostgreSQL, so the holder's {@code CREATE INDEX CONCURRENTLY},
 * which waits for every open transaction to end, never waits on the waiter. Released by {@link #close()}; should
 * the process die first, PostgreSQL releases it when the session ends.
 */
final class AdvisoryLock implements AutoCloseable {

  private static final System.Logger LOG = System.getLogger("io.ashpg.migration");
  private static final long FIRST_WAIT_MS = 50;
  private static final long MAX_WAIT_MS = 1000;

  private final Connection connection;
  private final long key;
  private final String what;

  private AdvisoryLock(Connection connection, long key, String what) {
    this.connection = connection;
    this.key = key;
    this.what = what;
  }

  /**
   * Takes the lock on {@code connection} (which must be in autocommit mode), waiting up to {@code timeout}.
   *
   * @param what what the lock protects, for messages (e.g. {@code schema "public" of repo blog_repo})
   * @throws MigrationException when another session still holds it after {@code timeout}, or when interrupted
   */
  static AdvisoryLock acquire(Connection connection, long key, String what, Duration timeout) throws SQLException {
    long start = System.nanoTime();
    long deadline = start + timeout.toNanos();
    long wait = FIRST_WAIT_MS;
    boolean announced = false;
    try (PreparedStatement ps = connection.prepareStatement("SELECT pg_try_advisory_lock(?)")) {
      ps.setLong(1, key);
      while (true) {
        try (ResultSet rs = ps.executeQuery()) {
          rs.next();
          if (rs.getBoolean(1)) {
            return new AdvisoryLock(connection, key, what);
          }
        }
        long now = System.nanoTime();
        if (now >= deadline) {
          throw new MigrationException("another migrator holds the lock for " + what + " (" + holder(connection, key)
              + "); waited " + seconds(now - start) + ". Let it finish and run again, or raise lockTimeout"
              + " (now " + timeout + "); a holder whose process died lets go when its database session ends");
        }
        if (!announced && now - start > 2_000_000_000L) {
          LOG.log(Level.INFO, "waiting for another migrator to release the lock for " + what);
          announced = true;
        }
        long jittered = wait / 2 + ThreadLocalRandom.current().nextLong(wait / 2 + 1);
        long sleep = Math.min(jittered, Math.max(1, (deadline - now) / 1_000_000));
        try {
          Thread.sleep(sleep);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new MigrationException("interrupted while waiting for the migration lock for " + what, e);
        }
        wait = Math.min(wait * 2, MAX_WAIT_MS);
      }
    }
  }

  /** Who holds the lock: pid, application, client and since when, as far as the server tells. */
  private static String holder(Connection connection, long key) {
    String sql = "SELECT a.pid, a.application_name, a.client_addr, a.backend_start, a.state"
        + " FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid"
        + " WHERE l.locktype = 'advisory' AND l.granted AND l.database = (SELECT oid FROM pg_database"
        + " WHERE datname = current_database()) AND l.classid::bigint = ? AND l.objid::bigint = ? AND l.objsubid = 1";
    try (PreparedStatement ps = connection.prepareStatement(sql)) {
      ps.setLong(1, key >>> 32);
      ps.setLong(2, key & 0xFFFF_FFFFL);
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) {
          return "holder not visible";
        }
        String app = rs.getString(2);
        return "held by backend pid " + rs.getInt(1) + (app == null || app.isEmpty() ? "" : ", application '" + app + "'")
            + (rs.getString(3) == null ? "" : ", client " + rs.getString(3))
            + ", connected since " + rs.getObject(4) + ", state " + rs.getString(5);
      }
    } catch (SQLException e) {
      return "holder unknown: " + e.getMessage();
    }
  }

  private static String seconds(long nanos) {
    return String.format(java.util.Locale.ROOT, "%.1f s", nanos / 1e9);
  }

  /** Releases the lock; a broken connection has lost it already, so failures are only logged. */
  @Override
  public void close() {
    try (PreparedStatement ps = connection.prepareStatement("SELECT pg_advisory_unlock(?)")) {
      ps.setLong(1, key);
      try (ResultSet rs = ps.executeQuery()) {
        if (rs.next() && !rs.getBoolean(1)) {
          LOG.log(Level.WARNING, "the migration lock for " + what + " was no longer held when releasing it");
        }
      }
    } catch (SQLException e) {
      LOG.log(Level.WARNING, "could not release the migration lock for " + what + " (" + e.getMessage()
          + "); it is released when the database session ends");
    }
  }
}
