package io.ashpg.migration.run;

import java.lang.System.Logger.Level;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.SortedMap;
import javax.sql.DataSource;

/**
 * Applies and rolls back the migrations of one schema ({@code public}, or the {@code prefix} option).
 *
 * <p>A run takes the migrator lock (see {@link LockStrategy}; with the default advisory lock on a dedicated
 * connection), makes sure {@code schema_migrations} exists, reads the applied versions, plans and then runs each
 * migration in its own transaction with its version row (no-transaction files statement by statement, version
 * after). The first failing migration stops the run: it is rolled back, everything before it stays applied, and a
 * {@link MigrationException} is thrown whose {@link MigrationException#result() result} names file, statement and
 * error and lists what did run. A rerun continues from there.
 *
 * <p>Every method returns only when everything it was asked to do succeeded; anything else — a failing migration
 * as well as a problem found before anything runs (an unreadable file, a changed applied file, a strict-order
 * violation, a lock that was not released in time, an unreachable server) — is a {@link MigrationException}. See
 * the {@linkplain io.ashpg.migration.run package} for this rule.
 *
 * <pre>{@code
 * MigrationResult r = Migrator.create(dataSource, MigratorOptions.builder()
 *     .repoName("blog_repo").location("classpath:db/blog_repo/migrations").build()).migrate();
 * }</pre>
 */
public final class Migrator {

  private static final System.Logger LOG = System.getLogger("io.ashpg.migration");

  private final DataSource dataSource;
  private final MigratorOptions options;
  private final MigrationSource source;

  private Migrator(DataSource dataSource, MigratorOptions options, MigrationSource source) {
    this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
    this.options = Objects.requireNonNull(options, "options");
    if (!options.onlyTenants().isEmpty() || !options.exceptTenants().isEmpty()) {
      // they would be ignored: a Migrator works on one schema
      throw new IllegalArgumentException("onlyTenants/exceptTenants apply to tenant runs (TenantMigrator,"
          + " Migrations.migrateTenants); this Migrator works on schema \"" + options.schema() + "\" only");
    }
    this.source = Objects.requireNonNull(source, "source");
  }

  /** A migrator over {@code dataSource} reading the files of {@code options.locations()}. */
  public static Migrator create(DataSource dataSource, MigratorOptions options) {
    return new Migrator(dataSource, options, MigrationSource.of(options.locations()));
  }

  /** A migrator over {@code dataSource} reading the files of {@code source}. */
  public static Migrator create(DataSource dataSource, MigratorOptions options, MigrationSource source) {
    return new Migrator(dataSource, options, source);
  }

  /** A migrator connecting with a JDBC URL ({@code jdbc:postgresql://host:port/db}), user and password. */
  public static Migrator create(String url, String user, String password, MigratorOptions options) {
    return create(Connections.simple(url, user, password), options);
  }

  /** The options. */
  public MigratorOptions options() {
    return options;
  }

  /**
   * Applies pending migrations ({@link Scope.All} unless the options say otherwise).
   *
   * @return what ran; the run succeeded
   * @throws MigrationException when a migration failed (its {@link MigrationException#result() result} says which
   *     and what ran before it) or the run could not start
   */
  public MigrationResult migrate() {
    return run(Direction.UP, options.scope() != null ? options.scope() : Scope.all()).orThrow();
  }

  /**
   * Rolls back applied migrations (the newest one unless the options say otherwise).
   *
   * @throws MigrationException when a down section failed or the run could not start
   */
  public MigrationResult rollback() {
    return run(Direction.DOWN, options.scope() != null ? options.scope() : Scope.step(1)).orThrow();
  }

  /**
   * Rolls back every applied migration down to and including {@code version}.
   *
   * @throws MigrationException when a down section failed or the run could not start
   */
  public MigrationResult rollback(long version) {
    return run(Direction.DOWN, Scope.to(version)).orThrow();
  }

  /**
   * Rolls back those of {@code versions} that are applied, newest first, leaving every other migration as it is —
   * also newer ones outside the set. Versions that are not applied are skipped. Each applied version needs its file
   * (with a down section) among the migrator's locations; otherwise nothing runs and a {@link MigrationException}
   * names the version.
   *
   * @throws MigrationException when a down section failed or the run could not start
   */
  public MigrationResult rollbackVersions(Collection<Long> versions) {
    return run(Direction.DOWN, Scope.versions(versions)).orThrow();
  }

  /** Applied, pending and changed migrations; takes no lock and changes nothing (not even creating the table). */
  public MigrationStatus status() {
    List<MigrationFile> files = source.load();
    String schema = options.schema();
    try (Connection c = dataSource.getConnection()) {
      SortedMap<Long, AppliedMigration> applied = TenantCatalog.readApplied(c, List.of(schema)).get(schema);
      return new MigrationStatus(schema, List.copyOf(applied.values()), Planner.up(files, applied, Scope.all(),
          schema, false), Planner.mismatches(files, applied, schema), Planner.missingFiles(files, applied));
    } catch (SQLException e) {
      throw new MigrationException("cannot read the migration status of schema \"" + schema + "\": "
          + e.getMessage(), e);
    }
  }

  private MigrationResult run(Direction direction, Scope scope) {
    long start = System.nanoTime();
    List<MigrationFile> files = source.load();
    String schema = options.schema();
    String what = "schema \"" + schema + "\" of repo " + options.repoName();
    List<Long> done = new ArrayList<>();
    List<MigrationFailure> failures = new ArrayList<>();
    Connection lockConnection = null;
    AdvisoryLock lock = null;
    try {
      if (options.lockStrategy() == LockStrategy.ADVISORY) {
        lockConnection = dataSource.getConnection();
        lockConnection.setAutoCommit(true);
        lock = AdvisoryLock.acquire(lockConnection, LockKey.of(options.repoName(), schema), what,
            options.lockTimeout());
      }
      try (Connection c = dataSource.getConnection()) {
        c.setAutoCommit(true);
        SchemaRunner runner = new SchemaRunner(c, schema, options.prefix() != null, options, Level.INFO);
        SortedMap<Long, AppliedMigration> applied = runner.prepare();
        List<MigrationFile> plan = plan(direction, scope, files, applied, schema);
        if (plan.isEmpty() && !options.quiet()) {
          LOG.log(Level.INFO, direction == Direction.UP ? what + " is up to date" : "nothing to roll back in " + what);
        }
        for (MigrationFile f : plan) {
          try {
            if ((direction == Direction.UP ? runner.apply(f) : runner.revert(f)) == SchemaRunner.Step.RAN) {
              done.add(f.version());
            }
          } catch (SchemaRunner.StepFailure e) {
            MigrationFailure failure = Failures.of(schema, direction, e);
            LOG.log(Level.ERROR, failure.describe());
            failures.add(failure);
            break;
          }
        }
      }
    } catch (SQLException e) {
      throw new MigrationException("migrating " + what + " failed: " + e.getMessage()
          + (e.getSQLState() != null && e.getSQLState().startsWith("08")
              ? "; check the database URL, that the server is running and reachable" : ""), e);
    } finally {
      if (lock != null) {
        lock.close();
      }
      closeQuietly(lockConnection);
    }
    return new MigrationResult(direction, List.of(new SchemaOutcome(schema, done, !failures.isEmpty())), failures,
        Duration.ofNanos(System.nanoTime() - start));
  }

  /** Plans a run, refusing changed applied files for migrate unless ignoreChecksums. */
  static List<MigrationFile> plan(Direction direction, Scope scope, List<MigrationFile> files,
      SortedMap<Long, AppliedMigration> applied, String schema, MigratorOptions options) {
    List<ChecksumMismatch> mismatches = Planner.mismatches(files, applied, schema);
    if (!mismatches.isEmpty()) {
      String list = mismatches.stream().map(ChecksumMismatch::describe).reduce((a, b) -> a + "\n- " + b).orElse("");
      if (direction == Direction.UP && !options.ignoreChecksums()) {
        throw new MigrationException(mismatches.size() + " applied migration(s) changed:\n- " + list);
      }
      LOG.log(Level.WARNING, "applied migration(s) changed:\n- " + list);
    }
    if (direction == Direction.DOWN) {
      return Planner.down(files, applied, scope, schema);
    }
    List<MigrationFile> plan = Planner.up(files, applied, scope, schema, options.strictVersionOrder());
    for (MigrationFile f : Planner.outOfOrder(plan, applied)) {
      LOG.log(Level.WARNING, "applying " + f.location() + " to \"" + schema + "\" although newer version "
          + applied.lastKey() + " is already applied (use strictVersionOrder to refuse this)");
    }
    return plan;
  }

  private List<MigrationFile> plan(Direction direction, Scope scope, List<MigrationFile> files,
      SortedMap<Long, AppliedMigration> applied, String schema) {
    return plan(direction, scope, files, applied, schema, options);
  }

  static void closeQuietly(Connection c) {
    if (c != null) {
      try {
        c.close();
      } catch (SQLException e) {
        LOG.log(Level.DEBUG, "closing a connection failed: " + e.getMessage());
      }
    }
  }
}
