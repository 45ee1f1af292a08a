package io.ashpg.migration.run;

import java.lang.System.Logger.Level;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.function.LongConsumer;
import java.util.regex.Pattern;

/**
 * Runs a schema's plan with as few transactions and round trips as is safe: every run of consecutive transactional
 * files goes into one transaction of three round trips — the {@code SET LOCAL} settings and every statement of
 * every file as one multi-statement execute (pgjdbc sends it as one message sequence with a single Sync), the
 * version rows of all files as one statement with array parameters, and {@code COMMIT}. A tenant run of five
 * files thus costs three round trips instead of some thirty, and one commit instead of five.
 *
 * <p>A batch ends early
 * <ul>
 *   <li>before it would exceed {@value #MAX_STATEMENTS} statements: one transaction holds the locks of all its
 *       statements until it commits, and a new tenant with a long history must not fill the server's lock table
 *       (which other sessions share) the way one huge transaction would;</li>
 *   <li>after a file that changes settings ({@code SET}, {@code RESET}, {@code set_config}): its
 *       {@code SET LOCAL lock_timeout} or {@code session_replication_role} must not reach the files after it,
 *       which would not see it when run one by one.</li>
 * </ul>
 * No-transaction files, and every file under {@link LockStrategy#TABLE} (whose lock and re-check live in each
 * file's own transaction), run one by one through {@link SchemaRunner}.
 *
 * <p>When a batch fails it is rolled back and its files are run again one by one: the failure then names the
 * failing file and statement, and the files before it end up applied, exactly as without batching; a batch that
 * fails only because its files share a transaction (a later file using an enum value an earlier one added, say)
 * then succeeds. Failures are rare, so running the good files twice costs nothing that matters.
 */
final class BatchRunner {

  private static final System.Logger LOG = System.getLogger("io.ashpg.migration");
  /** Most statements in one batch (a single bigger file still forms a batch of its own). */
  static final int MAX_STATEMENTS = 50;
  /**
   * A statement starting with SET or RESET (after comments), or calling set_config anywhere. Possessive quantifiers:
   * comments once skipped are never tried again, so no statement can make the match backtrack exponentially.
   */
  private static final Pattern SETTINGS = Pattern.compile(
      "^(?:\\s|--[^\\n]*+|/\\*.*?\\*/)*+(?:SET|RESET)\\b|\\bset_config\\s*\\(",
      Pattern.CASE_INSENSITIVE | Pattern.DOTALL);

  private final SchemaRunner runner;
  private final boolean batching;

  BatchRunner(SchemaRunner runner) {
    this.runner = runner;
    this.batching = runner.options().lockStrategy() != LockStrategy.TABLE;
  }

  /**
   * Runs {@code plan} in order, reporting each version that ran to {@code done}.
   *
   * @throws SchemaRunner.StepFailure for the first failing file; the files before it stay done
   */
  void run(List<MigrationFile> plan, Direction direction, LongConsumer done)
      throws SchemaRunner.StepFailure, SQLException {
    int i = 0;
    while (i < plan.size()) {
      int end = batchEnd(plan, i, direction);
      if (end == i) {
        runOne(plan.get(i), direction, done);
        i++;
        continue;
      }
      List<MigrationFile> batch = plan.subList(i, end);
      if (together(batch, direction)) {
        batch.forEach(f -> done.accept(f.version()));
      } else {
        for (MigrationFile f : batch) {
          runOne(f, direction, done);
        }
      }
      i = end;
    }
  }

  /** End (exclusive) of the batch starting at {@code from}; {@code from} when that file runs on its own. */
  private int batchEnd(List<MigrationFile> plan, int from, Direction direction) {
    int end = from;
    int statements = 0;
    // a file with a lock timeout of its own runs alone: the batch's transaction has one lock_timeout
    while (batching && end < plan.size() && plan.get(end).transactional() && plan.get(end).lockTimeout() == null) {
      List<String> next = statements(plan.get(end), direction);
      if (end > from && statements + next.size() > MAX_STATEMENTS) {
        break;
      }
      statements += next.size();
      end++;
      if (next.stream().anyMatch(sql -> SETTINGS.matcher(sql).find())) {
        break;
      }
    }
    return end;
  }

  private static List<String> statements(MigrationFile f, Direction direction) {
    return direction == Direction.UP ? f.upStatements() : f.downStatements();
  }

  private void runOne(MigrationFile f, Direction direction, LongConsumer done)
      throws SchemaRunner.StepFailure, SQLException {
    if ((direction == Direction.UP ? runner.apply(f) : runner.revert(f)) == SchemaRunner.Step.RAN) {
      done.accept(f.version());
    }
  }

  /** Runs {@code files} in one transaction; false when that failed and was rolled back. */
  private boolean together(List<MigrationFile> files, Direction direction) {
    long start = System.nanoTime();
    boolean up = direction == Direction.UP;
    String schema = runner.schema();
    StringBuilder sql = new StringBuilder();
    // "\n;\n": a statement may end in a -- comment, which would swallow a semicolon on the same line
    runner.localSettingsSql().forEach(s -> sql.append(s).append("\n;\n"));
    for (MigrationFile f : files) {
      runner.log(runner.level(), (up ? "applying " : "rolling back ") + f.fileName() + " on \"" + schema + "\"");
      for (String statement : statements(f, direction)) {
        if (runner.options().logSql()) {
          runner.log(Level.INFO, "[" + schema + "] " + statement);
        }
        sql.append(statement).append("\n;\n");
      }
    }
    Connection c = runner.connection();
    try {
      c.setAutoCommit(false);
      try (Statement s = c.createStatement()) {
        if (sql.length() > 0) {
          s.execute(sql.toString());
        }
      }
      bookkeeping(c, files, up);
      c.commit();
    } catch (SQLException e) {
      runner.rollbackQuietly(e);
      LOG.log(Level.DEBUG, "the transaction of " + files.size() + " migration(s) on \"" + schema + "\" failed ("
          + e.getMessage() + "); running them one by one to find the failing statement");
      return false;
    } finally {
      runner.restoreAutoCommit();
    }
    long ms = (System.nanoTime() - start) / 1_000_000;
    for (MigrationFile f : files) {
      runner.log(runner.level(), (up ? "applied " : "rolled back ") + f.fileName() + " on \"" + schema
          + "\" (one transaction of " + files.size() + " file(s), " + ms + " ms)");
    }
    return true;
  }

  /**
   * The version rows of all {@code files} in one statement, written as {@link SchemaRunner} writes them one by one:
   * version, UTC time of the transaction to the second, checksum; or their deletion.
   */
  private void bookkeeping(Connection c, List<MigrationFile> files, boolean up) throws SQLException {
    Long[] versions = files.stream().map(MigrationFile::version).toArray(Long[]::new);
    String sql = up
        ? "INSERT INTO " + runner.table() + " (\"version\", \"inserted_at\", \"checksum\")"
            + " SELECT u.v, " + SchemaRunner.INSERTED_AT + ", u.c"
            + " FROM unnest(?::bigint[], ?::text[]) AS u(v, c)"
        : "DELETE FROM " + runner.table() + " WHERE \"version\" = ANY (?::bigint[])";
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setArray(1, c.createArrayOf("bigint", versions));
      if (up) {
        ps.setArray(2, c.createArrayOf("text", files.stream().map(MigrationFile::checksum).toArray(String[]::new)));
      }
      ps.executeUpdate();
    }
  }
}
