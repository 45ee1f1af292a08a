package io.ashpg.migration.run;

import java.lang.System.Logger.Level;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs one migration file again after a lock timeout. Every migration runs with a {@code lock_timeout}
 * ({@link MigratorOptions#statementLockTimeout()}): a DDL statement waiting for its lock behind a long transaction
 * would otherwise queue every later query on the table behind itself, and stall the application for as long as that
 * transaction lasts. Giving up after a few seconds lets the queue drain; trying again a little later, with a wait that
 * doubles each time, usually finds the table free. A transactional file was rolled back and starts over; a
 * no-transaction file goes on at the statement that timed out, since the ones before it are committed.
 *
 * <p>When the retries are used up the run fails with a {@link GaveUp} naming what held locks on the schema's tables
 * at that moment, so whoever reads the failure knows which session to look at.
 */
final class LockRetry {

  private static final System.Logger LOG = System.getLogger("io.ashpg.migration");
  /** SQLSTATE lock_not_available: {@code lock_timeout} expired (or {@code NOWAIT} found the lock taken). */
  static final String LOCK_NOT_AVAILABLE = "55P03";
  /** The longest wait between two attempts, however many retries are configured. */
  private static final Duration MAX_DELAY = Duration.ofMinutes(1);
  /** How many lock holders a message lists. */
  private static final int HOLDERS_LISTED = 5;

  /** One attempt at a file: the no-transaction statement to start at is {@code from} (0 for the first attempt). */
  @FunctionalInterface
  interface Attempt {
    SchemaRunner.Step run(int from) throws SchemaRunner.StepFailure, SQLException;
  }

  /**
   * How a file's lock timeouts ended the run.
   *
   * @param attempts    how often the file was tried
   * @param lockTimeout the {@code lock_timeout} of each attempt
   * @param holders     who held locks on the schema's tables after the last attempt, one line each (may be empty)
   */
  record GaveUp(int attempts, Duration lockTimeout, List<String> holders) {
    GaveUp {
      holders = List.copyOf(holders);
    }

    /** What happened and what to do, for the failure message. */
    String describe() {
      StringBuilder sb = new StringBuilder("lock timeout: waited " + millis(lockTimeout) + " for a table lock, "
          + attempts + (attempts == 1 ? " time" : " times (retrying with a growing pause in between)")
          + ", while another session held a conflicting lock");
      if (holders.isEmpty()) {
        sb.append("; no session holds a lock on the schema's tables any more, so the blocker has finished");
      } else {
        sb.append("; sessions holding locks on the schema's tables:");
        holders.forEach(h -> sb.append("\n    ").append(h));
      }
      sb.append("\n  Wait for (or end) the long transaction, or give the file more time with a line"
          + " '-- ashpg:lock-timeout 30s' before '-- ashpg:up'");
      return sb.toString();
    }
  }

  private final SchemaRunner runner;

  LockRetry(SchemaRunner runner) {
    this.runner = runner;
  }

  /**
   * Runs {@code attempt} for {@code file}, again after each lock timeout until the options' retries are used up.
   *
   * @throws SchemaRunner.StepFailure the first failure that is not a lock timeout, or the last lock timeout (then
   *     with {@link SchemaRunner.StepFailure#lockTimeout} set)
   */
  SchemaRunner.Step run(MigrationFile file, Attempt attempt) throws SchemaRunner.StepFailure, SQLException {
    MigratorOptions options = runner.options();
    int from = 0;
    for (int retry = 0; ; retry++) {
      try {
        return attempt.run(from);
      } catch (SchemaRunner.StepFailure f) {
        if (!LOCK_NOT_AVAILABLE.equals(f.sqlException().getSQLState())) {
          throw f;
        }
        Duration timeout = runner.lockTimeout(file);
        List<String> holders = holders(runner.connection(), runner.schema());
        if (retry >= options.lockRetries()) {
          throw f.gaveUp(new GaveUp(retry + 1, timeout, holders));
        }
        Duration pause = delay(options.lockRetryDelay(), retry);
        LOG.log(Level.WARNING, file.fileName() + " on \"" + runner.schema() + "\": lock timeout after "
            + millis(timeout) + " at `" + abbreviate(f.statement) + "`"
            + (holders.isEmpty() ? "" : " (locks held by: " + String.join("; ", holders) + ")")
            + "; retry " + (retry + 1) + " of " + options.lockRetries() + " in " + millis(pause)
            + (file.transactional() ? " (rolled back, starts over)" : " (goes on at that statement)"));
        if (!file.transactional()) {
          from = Math.max(from, f.index);
        }
        try {
          Thread.sleep(pause.toMillis());
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw f.gaveUp(new GaveUp(retry + 1, timeout, holders));
        }
      }
    }
  }

  /** The pause before retry {@code retry} (0-based): {@code first} doubled each time, at most a minute. */
  static Duration delay(Duration first, int retry) {
    Duration d = first.multipliedBy(1L << Math.min(retry, 20));
    return d.compareTo(MAX_DELAY) > 0 ? MAX_DELAY : d;
  }

  /**
   * Sessions other than this one holding granted locks on tables of {@code schema} or {@code public} (where global
   * tables referenced from tenants live), longest-running transaction first: who a DDL statement there waits for.
   * Empty when the catalog cannot be read (the run is failing anyway; the lock timeout is the news).
   */
  static List<String> holders(Connection c, String schema) {
    String sql = """
        SELECT a.pid, coalesce(a.state, '?'),
               -- clock_timestamp(): now() is this transaction's start, older than a holder that began since
               greatest(0, floor(extract(epoch FROM clock_timestamp() - a.xact_start)))::bigint,
               left(regexp_replace(coalesce(a.query, ''), '\\s+', ' ', 'g'), 120), l.relation::regclass::text, l.mode
        FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid
        WHERE l.granted AND l.locktype = 'relation' AND l.pid <> pg_backend_pid()
          AND l.database = (SELECT oid FROM pg_database WHERE datname = current_database())
          AND l.relation IN (SELECT c.oid FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                             WHERE n.nspname IN (?, 'public') AND c.relkind IN ('r', 'p', 'm'))
        ORDER BY a.xact_start NULLS LAST, a.pid
        LIMIT ?""";
    List<String> out = new ArrayList<>();
    boolean autoCommit = true;
    try {
      autoCommit = c.getAutoCommit();
      if (!autoCommit) {
        c.rollback(); // the failed transaction is rolled back already; this only clears its aborted state
      }
      try (PreparedStatement ps = c.prepareStatement(sql)) {
        ps.setString(1, schema);
        ps.setInt(2, HOLDERS_LISTED);
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            out.add("pid " + rs.getLong(1) + " (" + rs.getString(2) + (rs.getObject(3) == null ? ""
                : ", transaction open " + rs.getLong(3) + " s") + ", last query: " + rs.getString(4) + ") holds "
                + rs.getString(6) + " on " + rs.getString(5));
          }
        }
      }
    } catch (SQLException e) {
      LOG.log(Level.DEBUG, "cannot list the lock holders of \"" + schema + "\": " + e.getMessage());
    }
    return out;
  }

  private static String millis(Duration d) {
    return d.toMillis() % 1000 == 0 ? d.toSeconds() + " s" : d.toMillis() + " ms";
  }

  private static String abbreviate(String statement) {
    if (statement == null) {
      return "";
    }
    String s = statement.replaceAll("\\s+", " ").strip();
    return s.length() > 100 ? s.substring(0, 100) + " …" : s;
  }
}
