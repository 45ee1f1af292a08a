package io.ashpg.migration.run;

import io.ashpg.sql.Identifier;
import java.lang.System.Logger.Level;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Runs migrations of one schema over one connection: keeps {@code schema_migrations}, applies and reverts single
 * files. Locking between migrators is the caller's business, except for {@link LockStrategy#TABLE}, whose lock
 * lives inside each migration's transaction and is therefore taken here.
 *
 * <p>Every migration session also sets {@code client_connection_check_interval} (PostgreSQL 14+): should the
 * migrator's process die during a long statement, the server notices within a second and rolls the migration back,
 * instead of running the statement to its end while a second migrator, already holding the released advisory
 * lock, waits on its catalog locks.
 */
final class SchemaRunner {

  private static final System.Logger LOG = System.getLogger("io.ashpg.migration");
  static final String TABLE = "schema_migrations";
  private static final String CHECK_INTERVAL = "1s";
  /** What a version row's {@code inserted_at} holds: the transaction's UTC time to the second, as Ecto writes it. */
  static final String INSERTED_AT = "(now() AT TIME ZONE 'utc')::timestamp(0)";
  /**
   * A SHA-256 in hex is 64 characters. Bounded, unlike {@code text}, so the table needs no TOAST table: two
   * relations (files and catalog rows) fewer per schema — for the small tenants of benchmark 4 about a tenth of the
   * server's work of creating one. Tables made with {@code text} by earlier versions work the same.
   */
  private static final String CHECKSUM_TYPE = "varchar(64)";

  /** Outcome of one file: ran, or skipped because another migrator did it first (table lock only). */
  enum Step {
    RAN,
    ALREADY_DONE
  }

  /** A statement of a migration failed; the migration was rolled back (or stopped, for no-transaction files). */
  static final class StepFailure extends Exception {
    private static final long serialVersionUID = 1L;
    final transient MigrationFile file;
    final String statement;
    /** Position of the failing statement in its section (the section's size: the bookkeeping), -1 before any. */
    final int index;
    /** For a lock timeout the run gave up on: how it went (attempts, who held locks); otherwise null. */
    final transient LockRetry.GaveUp lockTimeout;

    StepFailure(MigrationFile file, String statement, int index, SQLException cause) {
      this(file, statement, index, cause, null);
    }

    private StepFailure(MigrationFile file, String statement, int index, SQLException cause,
        LockRetry.GaveUp lockTimeout) {
      super(cause.getMessage(), cause);
      this.file = file;
      this.statement = statement;
      this.index = index;
      this.lockTimeout = lockTimeout;
    }

    /** This failure, once the lock timeout it reports was retried as often as allowed. */
    StepFailure gaveUp(LockRetry.GaveUp how) {
      return new StepFailure(file, statement, index, sqlException(), how);
    }

    SQLException sqlException() {
      return (SQLException) getCause();
    }
  }

  private final Connection connection;
  private final String schema;
  private final String table;
  private final boolean scopeSearchPath;
  private final boolean distributed;
  private final MigratorOptions options;
  private final boolean checkClientConnection;
  private final Level level;

  /**
   * @param scopeSearchPath run migrations with {@code search_path} set to {@code "<schema>", public} (tenants and
   *     prefixes); otherwise the connection's search_path is left alone
   * @param level level of the per-migration log lines (INFO for single runs, DEBUG for tenant runs)
   */
  SchemaRunner(Connection connection, String schema, boolean scopeSearchPath, MigratorOptions options, Level level)
      throws SQLException {
    this(connection, schema, scopeSearchPath, false, options, level);
  }

  /**
   * @param distributed create the schema, when missing, as a Citus distributed schema ({@link TenantSchema}); its
   *     {@code schema_migrations} then becomes one of its single-shard tables, on the tenant's node
   */
  SchemaRunner(Connection connection, String schema, boolean scopeSearchPath, boolean distributed,
      MigratorOptions options, Level level) throws SQLException {
    this.connection = connection;
    this.schema = schema;
    this.table = Identifier.qualified(schema, TABLE);
    this.scopeSearchPath = scopeSearchPath;
    this.distributed = distributed;
    this.options = options;
    this.checkClientConnection = connection.getMetaData().getDatabaseMajorVersion() >= 14;
    this.level = options.quiet() ? Level.DEBUG : level;
  }

  String schema() {
    return schema;
  }

  /** The quoted, schema-qualified {@code schema_migrations}. */
  String table() {
    return table;
  }

  Connection connection() {
    return connection;
  }

  MigratorOptions options() {
    return options;
  }

  /** Level of the per-migration log lines. */
  Level level() {
    return level;
  }

  /**
   * Creates the schema, {@code schema_migrations} and its {@code checksum} column where missing (one catalog query
   * when all exist), then reads the applied versions.
   */
  SortedMap<Long, AppliedMigration> prepare() throws SQLException {
    for (int attempt = 1; ; attempt++) {
      try {
        // the catalog read also reads the versions when the table is complete: then there is nothing left to do
        TenantCatalog.SchemaState now = TenantCatalog.read(connection, List.of(schema)).get(schema);
        return now.tableExists() && now.hasChecksum() ? now.applied() : createAndRead(now);
      } catch (SQLException e) {
        // two migrators without a shared lock (TABLE/NONE) may race to create the table: the loser sees a
        // unique violation in the catalog or "already exists"; the second look finds the winner's table
        String state = e.getSQLState();
        boolean race = "23505".equals(state) || "42P07".equals(state) || "42P06".equals(state);
        if (!race || attempt >= 3) {
          throw e;
        }
      }
    }
  }

  /**
   * {@link #prepare()} in one round trip, trusting what the run's catalog read saw before the lock was taken. Should
   * that fail — the read is stale, say the table was dropped meanwhile, or another migrator without a shared lock
   * created it — {@link #prepare()} looks at the catalog itself and reports what is really wrong.
   */
  SortedMap<Long, AppliedMigration> prepare(TenantCatalog.SchemaState seen) throws SQLException {
    try {
      return createAndRead(seen);
    } catch (SQLException e) {
      LOG.log(Level.DEBUG, "preparing " + table + " from the run's catalog read failed (" + e.getMessage()
          + "); looking at the catalog again");
      return prepare();
    }
  }

  /**
   * When the table with its checksum column is there (as {@code seen} says), only reads the versions; otherwise
   * creates what is missing and reads, in one multi-statement execute.
   */
  private SortedMap<Long, AppliedMigration> createAndRead(TenantCatalog.SchemaState seen) throws SQLException {
    if (seen.tableExists() && seen.hasChecksum()) {
      return readApplied();
    }
    StringBuilder sql = new StringBuilder();
    if (!seen.schemaExists()) {
      // only when it was missing: CREATE SCHEMA IF NOT EXISTS needs the database's CREATE privilege even then
      log(level, "creating " + (distributed ? "distributed schema \"" : "schema \"") + schema + "\"");
      if (distributed) {
        // a transaction of its own: the Citus setting must not outlive the CREATE SCHEMA (see TenantSchema)
        TenantSchema.create(connection, schema, true);
      } else {
        sql.append(TenantSchema.createSql(schema)).append(";\n");
      }
    }
    sql.append(seen.tableExists() ? addChecksumSql() : createTableSql()).append(";\n").append(selectAppliedSql());
    try (Statement s = connection.createStatement()) {
      boolean rows = s.execute(sql.toString());
      while (!rows) {
        if (s.getUpdateCount() == -1) {
          throw new SQLException("no result from reading " + table);
        }
        rows = s.getMoreResults();
      }
      try (ResultSet rs = s.getResultSet()) {
        return applied(rs);
      }
    }
  }

  private String createTableSql() {
    // Ecto's layout, so an Elixir application can share the table; checksum is ashpg's own, nullable
    return "CREATE TABLE IF NOT EXISTS " + table + " (\"version\" bigint, \"inserted_at\" timestamp(0),"
        + " \"checksum\" " + CHECKSUM_TYPE + ", PRIMARY KEY (\"version\"))";
  }

  private String addChecksumSql() {
    return "ALTER TABLE " + table + " ADD COLUMN IF NOT EXISTS \"checksum\" " + CHECKSUM_TYPE;
  }

  private String selectAppliedSql() {
    return "SELECT \"version\", \"inserted_at\", \"checksum\" FROM " + table;
  }

  SortedMap<Long, AppliedMigration> readApplied() throws SQLException {
    try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery(selectAppliedSql())) {
      return applied(rs);
    }
  }

  private static SortedMap<Long, AppliedMigration> applied(ResultSet rs) throws SQLException {
    SortedMap<Long, AppliedMigration> applied = new TreeMap<>();
    while (rs.next()) {
      applied.put(rs.getLong(1), new AppliedMigration(rs.getLong(1), rs.getObject(2, LocalDateTime.class),
          rs.getString(3)));
    }
    return applied;
  }

  /** Applies {@code file}: its statements and the version row, in one transaction unless no-transaction. */
  Step apply(MigrationFile file) throws StepFailure, SQLException {
    return run(file, Direction.UP);
  }

  /** Reverts {@code file}: its down statements and the deletion of the version row. */
  Step revert(MigrationFile file) throws StepFailure, SQLException {
    return run(file, Direction.DOWN);
  }

  private Step run(MigrationFile file, Direction direction) throws StepFailure, SQLException {
    long start = System.nanoTime();
    log(level, (direction == Direction.UP ? "applying " : "rolling back ") + file.fileName() + " on \"" + schema
        + "\"" + (file.transactional() ? "" : " (no transaction)"));
    Step step = new LockRetry(this).run(file, from -> file.transactional() ? inTransaction(file, direction)
        : withoutTransaction(file, direction, from));
    if (step == Step.RAN) {
      log(level, (direction == Direction.UP ? "applied " : "rolled back ") + file.fileName() + " on \"" + schema
          + "\" in " + (System.nanoTime() - start) / 1_000_000 + " ms");
    } else {
      log(level, file.fileName() + " on \"" + schema + "\" was done by another migrator meanwhile");
    }
    return step;
  }

  private Step inTransaction(MigrationFile file, Direction direction) throws StepFailure, SQLException {
    connection.setAutoCommit(false);
    String current = null;
    int index = -1;
    try (Statement s = connection.createStatement()) {
      if (options.lockStrategy() == LockStrategy.TABLE) {
        current = "LOCK TABLE " + table + " IN SHARE UPDATE EXCLUSIVE MODE";
        s.execute(current);
        // the applied versions read before the lock may be stale: another migrator may have run this file
        boolean done = isApplied(file.version());
        if (done == (direction == Direction.UP)) {
          connection.rollback();
          return Step.ALREADY_DONE;
        }
      }
      current = "SET search_path / client_connection_check_interval / lock_timeout";
      sessionSettings(true, lockTimeout(file));
      List<String> statements = direction == Direction.UP ? file.upStatements() : file.downStatements();
      for (String sql : statements) {
        current = sql;
        index++;
        if (options.logSql()) {
          log(Level.INFO, "[" + schema + "] " + sql);
        }
        s.execute(sql);
      }
      current = bookkeepingSql(direction);
      index = statements.size();
      bookkeeping(file, direction);
      current = "COMMIT";
      connection.commit();
      return Step.RAN;
    } catch (SQLException e) {
      rollbackQuietly(e);
      throw new StepFailure(file, current, index, e);
    } finally {
      restoreAutoCommit();
    }
  }

  /**
   * Runs a no-transaction file statement by statement from statement {@code from} on: the ones before it committed
   * in an earlier attempt that ended in a lock timeout (0 for a first attempt).
   */
  private Step withoutTransaction(MigrationFile file, Direction direction, int from)
      throws StepFailure, SQLException {
    String current = null;
    int index = from - 1;
    boolean settingsChanged = false;
    if (from == 0 && options.lockStrategy() == LockStrategy.TABLE
        && isApplied(file.version()) == (direction == Direction.UP)) {
      // best effort only: a no-transaction file cannot hold the table lock (see LockStrategy.TABLE)
      return Step.ALREADY_DONE;
    }
    try (Statement s = connection.createStatement()) {
      current = "SET search_path / client_connection_check_interval / lock_timeout";
      settingsChanged = sessionSettings(false, lockTimeout(file));
      List<String> statements = direction == Direction.UP ? file.upStatements() : file.downStatements();
      for (String sql : statements.subList(Math.min(from, statements.size()), statements.size())) {
        current = sql;
        index++;
        if (options.logSql()) {
          log(Level.INFO, "[" + schema + "] " + sql);
        }
        s.execute(sql);
      }
      current = bookkeepingSql(direction);
      index = statements.size();
      bookkeeping(file, direction);
      return Step.RAN;
    } catch (SQLException e) {
      throw new StepFailure(file, current, Math.max(index, from), e);
    } finally {
      if (settingsChanged) {
        resetSessionSettings();
      }
    }
  }

  /**
   * Sets search_path (when scoped), the client check interval and the lock timeout (unless zero) in one round trip;
   * transaction-local when
   * {@code local}, else for the session (undone by {@link #resetSessionSettings()}).
   *
   * @return whether anything was set
   */
  private boolean sessionSettings(boolean local, Duration lockTimeout) throws SQLException {
    List<String> sql = settingsSql(local, lockTimeout);
    if (sql.isEmpty()) {
      return false;
    }
    try (Statement s = connection.createStatement()) {
      s.execute(String.join(";\n", sql));
    }
    return true;
  }

  /**
   * The transaction-local settings of {@link #sessionSettings}, with the options' lock timeout, for a caller sending
   * them with more SQL (files with a lock timeout of their own run alone).
   */
  List<String> localSettingsSql() {
    return settingsSql(true, options.statementLockTimeout());
  }

  /** The lock timeout {@code file} runs with: its own, or the options'. */
  Duration lockTimeout(MigrationFile file) {
    return file.lockTimeout() != null ? file.lockTimeout() : options.statementLockTimeout();
  }

  /**
   * The settings as {@code SET [LOCAL]} statements. Holds no value from outside: the search path is made of quoted
   * identifiers, the interval is a constant, the lock timeout a number of milliseconds.
   */
  private List<String> settingsSql(boolean local, Duration lockTimeout) {
    String set = local ? "SET LOCAL " : "SET ";
    List<String> sql = new ArrayList<>(3);
    if (scopeSearchPath) {
      sql.add(set + "search_path TO " + searchPath());
    }
    if (checkClientConnection) {
      sql.add(set + "client_connection_check_interval = '" + CHECK_INTERVAL + "'");
    }
    if (!lockTimeout.isZero()) {
      sql.add(set + "lock_timeout = '" + lockTimeout.toMillis() + "ms'");
    }
    return sql;
  }

  /** Back to the session's defaults before the connection goes back to a pool. */
  private void resetSessionSettings() throws SQLException {
    try (Statement s = connection.createStatement()) {
      s.execute((scopeSearchPath ? "RESET search_path;" : "")
          + (checkClientConnection ? "RESET client_connection_check_interval;" : "") + "RESET lock_timeout;");
    }
  }

  private String searchPath() {
    return "public".equals(schema) ? Identifier.quote(schema) : Identifier.quote(schema) + ", public";
  }

  private String bookkeepingSql(Direction direction) {
    return direction == Direction.UP
        ? "INSERT INTO " + table + " (\"version\", \"inserted_at\", \"checksum\")"
            + " VALUES (?, " + INSERTED_AT + ", ?)"
        : "DELETE FROM " + table + " WHERE \"version\" = ?";
  }

  private void bookkeeping(MigrationFile file, Direction direction) throws SQLException {
    try (PreparedStatement ps = connection.prepareStatement(bookkeepingSql(direction))) {
      ps.setLong(1, file.version());
      if (direction == Direction.UP) {
        ps.setString(2, file.checksum());
      }
      ps.executeUpdate();
    }
  }

  private boolean isApplied(long version) throws SQLException {
    try (PreparedStatement ps = connection.prepareStatement("SELECT 1 FROM " + table + " WHERE \"version\" = ?")) {
      ps.setLong(1, version);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next();
      }
    }
  }

  void rollbackQuietly(SQLException cause) {
    try {
      connection.rollback();
    } catch (SQLException e) {
      // a broken connection has rolled back on the server already; keep the original error in front
      cause.addSuppressed(e);
    }
  }

  void restoreAutoCommit() {
    try {
      connection.setAutoCommit(true);
    } catch (SQLException e) {
      LOG.log(Level.DEBUG, "could not restore autocommit: " + e.getMessage());
    }
  }

  void log(Level l, String message) {
    LOG.log(l, message);
  }

  /** Records {@code file} as applied without running it (a baseline of objects that exist already). */
  void recordApplied(MigrationFile file) throws SQLException {
    bookkeeping(file, Direction.UP);
  }
}
