package io.ashpg.migration.run;

import com.zaxxer.hikari.HikariDataSource;
import io.ashpg.sql.Identifier;
import java.lang.System.Logger.Level;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.SortedMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import javax.sql.DataSource;

/**
 * Runs the tenant migrations in every tenant schema.
 *
 * <p>A run parses the files once, lists the tenants ({@link TenantLister}, filtered by {@code onlyTenants} /
 * {@code exceptTenants}; a filter naming a tenant that is not listed is an error before anything runs; a listed name
 * that is not a valid schema name is a failure of that tenant alone, which is skipped), reads every tenant's applied
 * versions from the tenants' own {@code schema_migrations} tables in a fixed number of round trips (a catalog query,
 * then one pipelined read per connection, up to {@code parallelism} connections side by side; see
 * {@link TenantCatalog}), and hands only the tenants with work to a bounded pool of workers. So a run where every
 * tenant is at head costs the same few round trips for ten tenants or ten thousand, and (given a URL) opens no
 * pool.
 *
 * <p>A worker takes the tenant's advisory lock (keyed on repo and tenant, on its own connection), reads the applied
 * versions again under it (creating the schema and {@code schema_migrations} in the same round trip when the run's
 * read found them missing), and runs consecutive transactional migrations together in one transaction with
 * {@code SET LOCAL search_path TO "<tenant>", public} (see {@link BatchRunner}): about six round trips and one
 * commit per tenant. A no-transaction file runs on its own, setting search_path for the session and resetting it
 * before the connection goes back to the pool. A failing tenant stops at its failing migration (rolled back; the
 * migrations before it stay applied); the other tenants go on; when all are done, a {@link MigrationException} is
 * thrown whose {@link MigrationException#result() result} holds every tenant's outcome and every failure. Rerunning
 * resumes where each tenant stopped. Like {@link Migrator}, every method returns only when everything succeeded.
 *
 * <p>On a Citus cluster ({@link MigratorOptions#citus()}) a missing tenant schema is created as a distributed schema
 * ({@link TenantSchema}); its tables, {@code schema_migrations} among them, then live on one worker, and the
 * migrations run there through the coordinator, which also holds the advisory locks. An existing plain schema is
 * migrated as it is (distribute it with {@code io.ashpg.tenancy.citus.CitusTenants#distributeSchemas}).
 */
public final class TenantMigrator {

  private static final System.Logger LOG = System.getLogger("io.ashpg.migration");

  private final DataSource dataSource;
  private final ConnectionConfig config;
  private final MigratorOptions options;
  private final MigrationSource source;
  private final TenantLister lister;
  private final ProgressListener progress;

  /** URL configuration: the run opens (and closes) its own HikariCP pool of {@code poolSize} connections. */
  private record ConnectionConfig(String url, String user, String password) {
  }

  private TenantMigrator(DataSource dataSource, ConnectionConfig config, MigratorOptions options,
      MigrationSource source, TenantLister lister, ProgressListener progress) {
    this.dataSource = dataSource;
    this.config = config;
    this.options = Objects.requireNonNull(options, "options");
    this.source = Objects.requireNonNull(source, "source");
    this.lister = Objects.requireNonNull(lister, "tenant lister");
    this.progress = Objects.requireNonNull(progress, "progress listener");
  }

  /**
   * Tenant migrations over {@code dataSource} (give it at least {@code parallelism} connections), files from
   * {@code options.locations()}.
   */
  public static TenantMigrator create(DataSource dataSource, MigratorOptions options, TenantLister lister) {
    return create(dataSource, options, MigrationSource.of(options.locations()), lister);
  }

  /** Tenant migrations over {@code dataSource} with the files of {@code source}. */
  public static TenantMigrator create(DataSource dataSource, MigratorOptions options, MigrationSource source,
      TenantLister lister) {
    return new TenantMigrator(Objects.requireNonNull(dataSource, "dataSource"), null, options, source, lister,
        defaultProgress(options));
  }

  /** Tenant migrations over a pool the run opens from a JDBC URL, {@code poolSize} connections. */
  public static TenantMigrator create(String url, String user, String password, MigratorOptions options,
      TenantLister lister) {
    Objects.requireNonNull(url, "url");
    return new TenantMigrator(null, new ConnectionConfig(url, user, password), options,
        MigrationSource.of(options.locations()), lister, defaultProgress(options));
  }

  private static ProgressListener defaultProgress(MigratorOptions options) {
    return options.quiet() ? ProgressListener.none() : ProgressListener.logging(Duration.ofSeconds(2));
  }

  /** The same migrator reporting progress to {@code listener}. */
  public TenantMigrator withProgressListener(ProgressListener listener) {
    return new TenantMigrator(dataSource, config, options, source, lister, listener);
  }

  /**
   * Applies pending tenant migrations ({@link Scope.All} unless the options say otherwise).
   *
   * @return every tenant's outcome; the run succeeded in all of them
   * @throws MigrationException when any tenant failed (after the others ran; its
   *     {@link MigrationException#result() result} holds every outcome and failure) or the run could not start
   */
  public MigrationResult migrate() {
    return run(Direction.UP, options.scope() != null ? options.scope() : Scope.all()).orThrow();
  }

  /**
   * Rolls back the newest tenant migration (or the options' scope) in every tenant.
   *
   * @throws MigrationException when any tenant failed (see {@link #migrate()}) or the run could not start
   */
  public MigrationResult rollback() {
    return run(Direction.DOWN, options.scope() != null ? options.scope() : Scope.step(1)).orThrow();
  }

  /**
   * Rolls back every tenant's migrations down to and including {@code version}.
   *
   * @throws MigrationException when any tenant failed (see {@link #migrate()}) or the run could not start
   */
  public MigrationResult rollbackTenants(long version) {
    return run(Direction.DOWN, Scope.to(version)).orThrow();
  }

  /**
   * Rolls back, in every tenant, those of {@code versions} that the tenant has applied, newest first (see
   * {@link Migrator#rollbackVersions}); tenants that have none of them are not touched.
   *
   * @throws MigrationException when any tenant failed (see {@link #migrate()}) or the run could not start
   */
  public MigrationResult rollbackVersions(Collection<Long> versions) {
    return run(Direction.DOWN, Scope.versions(versions)).orThrow();
  }

  /**
   * Status of every tenant; reads only (a catalog query plus one round trip per reader connection, see
   * {@link TenantCatalog}), creates nothing. Tenants with an invalid name are left out, each named in a warning;
   * {@link #fleetStatus()} returns them too.
   */
  public List<MigrationStatus> status() {
    return fleetStatus().tenants();
  }

  /**
   * Status of every tenant with a valid name, plus the listed names that are not valid tenant names (each also
   * named in a warning): a CI check fails on those as it does on pending files.
   */
  public TenantStatus fleetStatus() {
    List<MigrationFile> files = source.load();
    return withConnections(connections -> {
      try (Connection c = connections.first()) {
        Selection selection = select(c);
        selection.invalid().forEach(t -> LOG.log(Level.WARNING, invalidMessage(t)));
        List<String> tenants = selection.valid();
        List<MigrationStatus> out = new ArrayList<>();
        for (Map.Entry<String, SortedMap<Long, AppliedMigration>> e : TenantCatalog.readApplied(c,
            connections.reads(), options.effectiveParallelism(), tenants).entrySet()) {
          SortedMap<Long, AppliedMigration> applied = e.getValue();
          out.add(new MigrationStatus(e.getKey(), List.copyOf(applied.values()),
              Planner.up(files, applied, Scope.all(), e.getKey(), false),
              Planner.mismatches(files, applied, e.getKey()), Planner.missingFiles(files, applied)));
        }
        return new TenantStatus(out, selection.invalid());
      }
    });
  }

  @FunctionalInterface
  private interface WithConnections<T> {
    T apply(RunConnections connections) throws SQLException;
  }

  private <T> T withConnections(WithConnections<T> body) {
    try (RunConnections connections = new RunConnections()) {
      return body.apply(connections);
    } catch (SQLException e) {
      throw new MigrationException("tenant run of repo " + options.repoName() + " failed: " + e.getMessage(), e);
    }
  }

  /**
   * Where a run gets its connections. Given a DataSource, everything comes from it. Given a URL, the read of every
   * tenant's versions uses plain connections, and the HikariCP pool of {@code poolSize} connections for the workers
   * is opened only once some tenant has work: a run that finds every tenant at head never builds a pool.
   */
  private final class RunConnections implements AutoCloseable {
    private final DataSource reads;
    private HikariDataSource pool;

    RunConnections() {
      reads = dataSource != null ? dataSource : Connections.simple(config.url(), config.user(), config.password());
    }

    /** The run's first connection; with a URL, a failure to connect says so and keeps its SQLSTATE. */
    Connection first() throws SQLException {
      if (dataSource != null) {
        return dataSource.getConnection();
      }
      try {
        return reads.getConnection();
      } catch (SQLException e) {
        throw Connections.cannotConnect(config.url(), e);
      }
    }

    DataSource reads() {
      return reads;
    }

    DataSource workers() {
      if (dataSource != null) {
        return dataSource;
      }
      if (pool == null) {
        pool = Connections.pool(config.url(), config.user(), config.password(),
            Math.max(options.poolSize(), options.effectiveParallelism()));
      }
      return pool;
    }

    @Override
    public void close() {
      if (pool != null) {
        pool.close();
      }
    }
  }

  private MigrationResult run(Direction direction, Scope scope) {
    long start = System.nanoTime();
    List<MigrationFile> files = source.load();
    return withConnections(connections -> {
      Selection selection;
      List<String> tenants;
      Map<String, TenantCatalog.SchemaState> seen;
      try (Connection c = connections.first()) {
        selection = select(c);
        tenants = selection.valid();
        // the versions are read on up to as many connections as the workers will use (chunks side by side)
        seen = TenantCatalog.read(c, connections.reads(), options.effectiveParallelism(), tenants);
      }
      List<SchemaOutcome> outcomes = Collections.synchronizedList(new ArrayList<>());
      List<MigrationFailure> failures = Collections.synchronizedList(new ArrayList<>());
      for (String invalid : selection.invalid()) {
        // reported and skipped: one bad name must not hold back every other tenant
        MigrationFailure failure = new MigrationFailure(invalid, null, 0, null, null, invalidMessage(invalid));
        LOG.log(Level.ERROR, failure.describe());
        failures.add(failure);
        outcomes.add(new SchemaOutcome(invalid, List.of(), true));
      }
      List<String> work = new ArrayList<>();
      for (String tenant : tenants) {
        // a first plan from the unlocked read; a tenant with nothing to do is never touched again
        try {
          if (!Migrator.plan(direction, scope, files, seen.get(tenant).applied(), tenant, options).isEmpty()) {
            work.add(tenant);
          } else {
            outcomes.add(new SchemaOutcome(tenant, List.of(), false));
          }
        } catch (MigrationException e) {
          failures.add(Failures.of(tenant, e));
          outcomes.add(new SchemaOutcome(tenant, List.of(), true));
        }
      }
      int total = selection.all().size();
      Tracker tracker = new Tracker(total, start, outcomes.size(), failures.size());
      progress.started(total, work.size());
      if (!work.isEmpty()) {
        runWorkers(connections.workers(), direction, scope, files, work, seen, outcomes, failures, tracker);
      }
      MigrationResult result = new MigrationResult(direction, order(outcomes, selection.all()), failures,
          Duration.ofNanos(System.nanoTime() - start));
      progress.finished(result);
      return result;
    });
  }

  private void runWorkers(DataSource ds, Direction direction, Scope scope, List<MigrationFile> files,
      List<String> work, Map<String, TenantCatalog.SchemaState> seen, List<SchemaOutcome> outcomes,
      List<MigrationFailure> failures, Tracker tracker) {
    int threads = Math.min(options.effectiveParallelism(), work.size());
    ExecutorService pool = Executors.newFixedThreadPool(threads, daemonThreads());
    try {
      List<Future<?>> futures = new ArrayList<>();
      for (String tenant : work) {
        futures.add(pool.submit(() -> {
          List<MigrationFailure> mine = new ArrayList<>();
          SchemaOutcome outcome;
          try {
            outcome = migrateTenant(ds, tenant, seen.get(tenant), direction, scope, files, mine);
          } catch (RuntimeException e) {
            // a bug or a driver surprise in one tenant must not take the others down
            mine.add(new MigrationFailure(tenant, null, 0, null, null, e.toString()));
            outcome = new SchemaOutcome(tenant, List.of(), true);
          }
          mine.forEach(f -> LOG.log(Level.ERROR, f.describe()));
          failures.addAll(mine);
          outcomes.add(outcome);
          tracker.finished(outcome, progress);
        }));
      }
      for (Future<?> f : futures) {
        try {
          f.get();
        } catch (ExecutionException e) {
          throw new IllegalStateException("tenant worker crashed", e.getCause());
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new MigrationException("interrupted while migrating tenants; tenants already done stay done, a"
              + " rerun finishes the rest", e);
        }
      }
    } finally {
      pool.shutdownNow();
    }
  }

  private SchemaOutcome migrateTenant(DataSource ds, String tenant, TenantCatalog.SchemaState seen,
      Direction direction, Scope scope, List<MigrationFile> files, List<MigrationFailure> failures) {
    List<Long> done = new ArrayList<>();
    try (Connection c = ds.getConnection()) {
      c.setAutoCommit(true);
      AdvisoryLock lock = options.lockStrategy() == LockStrategy.ADVISORY
          ? AdvisoryLock.acquire(c, LockKey.of(options.repoName(), tenant),
              "tenant \"" + tenant + "\" of repo " + options.repoName(), options.lockTimeout())
          : null;
      try {
        SchemaRunner runner = new SchemaRunner(c, tenant, true, options.citus(), options, Level.DEBUG);
        // read again under the lock: the run's read may be stale; it only spares the catalog query
        SortedMap<Long, AppliedMigration> applied = runner.prepare(seen);
        try {
          new BatchRunner(runner).run(Migrator.plan(direction, scope, files, applied, tenant, options), direction,
              done::add);
        } catch (SchemaRunner.StepFailure e) {
          failures.add(Failures.of(tenant, direction, e));
        }
      } finally {
        if (lock != null) {
          lock.close();
        }
      }
    } catch (MigrationException e) {
      failures.add(Failures.of(tenant, e));
    } catch (SQLException e) {
      failures.add(Failures.of(tenant, e));
    }
    return new SchemaOutcome(tenant, done, !failures.isEmpty());
  }

  /**
   * The tenants of a run, as listed (without repeats) and filtered.
   *
   * @param all every tenant of the run, in the lister's order
   * @param valid those with a valid name, which run
   * @param invalid those with an invalid name, which are reported and skipped
   */
  private record Selection(List<String> all, List<String> valid, List<String> invalid) {
  }

  /**
   * The tenants of this run: listed, de-duplicated and filtered. A filter naming a tenant the lister does not list
   * is an error before anything runs (a typo must not pass as "nothing to do"); a listed name that is not a valid
   * schema name is only skipped, so {@code exceptTenants} can leave it out and the other tenants still run.
   */
  private Selection select(Connection c) throws SQLException {
    List<String> listed;
    try {
      listed = lister.list(c);
    } catch (MigrationException e) {
      throw e;
    } catch (RuntimeException e) {
      // e.g. Repo.allTenants not overridden: the run fails in the API's one error style, naming the repo
      throw new MigrationException("the tenant lister of repo " + options.repoName() + " failed, so no tenant was"
          + " migrated: " + e, e);
    }
    if (listed == null) {
      throw new MigrationException("the tenant lister of repo " + options.repoName()
          + " returned null; return an empty list when there are no tenants");
    }
    Set<String> names = new LinkedHashSet<>(listed);
    List<String> unknown = new ArrayList<>();
    int count = unknownTenants("onlyTenants", options.onlyTenants(), names, unknown)
        + unknownTenants("exceptTenants", options.exceptTenants(), names, unknown);
    if (count > 0) {
      throw new MigrationException(String.join("; ", unknown) + ": the tenant lister of repo " + options.repoName()
          + " does not list " + (count == 1 ? "it" : "them") + " (" + names.size() + " tenant(s) listed"
          + sample(names) + "); fix the name or drop it from the filter. Nothing was run");
    }
    List<String> all = new ArrayList<>();
    List<String> valid = new ArrayList<>();
    List<String> invalid = new ArrayList<>();
    for (String t : names) {
      if ((!options.onlyTenants().isEmpty() && !options.onlyTenants().contains(t))
          || options.exceptTenants().contains(t)) {
        continue;
      }
      String name = String.valueOf(t);
      all.add(name);
      (isValidTenant(t) ? valid : invalid).add(name);
    }
    return new Selection(List.copyOf(all), List.copyOf(valid), List.copyOf(invalid));
  }

  /** Adds "filter names 'a', 'b'" to {@code out} for the names of {@code wanted} not listed; returns how many. */
  private static int unknownTenants(String filter, Set<String> wanted, Set<String> listed, List<String> out) {
    List<String> missing = wanted.stream().filter(t -> !listed.contains(t)).sorted().toList();
    if (!missing.isEmpty()) {
      out.add(filter + " names " + missing.stream().map(t -> "'" + t + "'").collect(Collectors.joining(", ")));
    }
    return missing.size();
  }

  /** A few of the listed names, to help spot a typo. */
  private static String sample(Set<String> names) {
    if (names.isEmpty()) {
      return "";
    }
    String first = names.stream().limit(5).map(t -> "'" + t + "'").collect(Collectors.joining(", "));
    return ": " + first + (names.size() > 5 ? ", …" : "");
  }

  private static boolean isValidTenant(String tenant) {
    try {
      Identifier.validateTenant(tenant);
      return true;
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  private String invalidMessage(String tenant) {
    return "'" + tenant + "' is not a valid tenant name (tenant names may use only letters, digits, '_' and '-', at"
        + " most 63 bytes), so this tenant was skipped; fix the name the tenant lister of repo " + options.repoName()
        + " returns, or leave it out with exceptTenants";
  }

  private static List<SchemaOutcome> order(List<SchemaOutcome> outcomes, List<String> tenants) {
    Map<String, SchemaOutcome> byTenant = outcomes.stream()
        .collect(Collectors.toMap(SchemaOutcome::schema, o -> o, (a, b) -> a));
    return tenants.stream().map(byTenant::get).filter(Objects::nonNull).collect(Collectors.toUnmodifiableList());
  }

  private static ThreadFactory daemonThreads() {
    AtomicInteger n = new AtomicInteger();
    return r -> {
      Thread t = new Thread(r, "ashpg-tenant-migrator-" + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    };
  }

  /** Counts finished tenants and reports to the listener, one call at a time. */
  private static final class Tracker {
    private final int total;
    private final long start;
    private int done;
    private int failed;

    Tracker(int total, long start, int done, int failed) {
      this.total = total;
      this.start = start;
      this.done = done;
      this.failed = failed;
    }

    synchronized void finished(SchemaOutcome outcome, ProgressListener listener) {
      done++;
      if (outcome.failed()) {
        failed++;
      }
      listener.tenantFinished(outcome, new ProgressListener.Progress(done, total, failed,
          Duration.ofNanos(System.nanoTime() - start)));
    }
  }
}
