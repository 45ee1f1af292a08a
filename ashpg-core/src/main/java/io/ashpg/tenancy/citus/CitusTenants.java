package io.ashpg.tenancy.citus;

import io.ashpg.error.AshPgException;
import io.ashpg.error.DatabaseException;
import io.ashpg.error.InvalidQueryException;
import io.ashpg.error.SqlErrors;
import io.ashpg.migration.run.ProgressListener;
import io.ashpg.repo.Repo;
import io.ashpg.sql.Identifier;
import io.ashpg.tenancy.MultiTenancy;
import java.lang.System.Logger.Level;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import javax.sql.DataSource;

/**
 * Tenant operations on a Citus cluster, over a data source connected to its coordinator: where each tenant schema
 * lives, moving one to another node, starting and watching a rebalance, and distributing the schemas of a tenant
 * fleet that was created before the repo was on Citus.
 *
 * <pre>{@code
 * CitusTenants citus = CitusTenants.of(dataSource);
 * citus.distributeSchemas(repo);                                  // once, for tenants created before Citus
 * citus.placement("org_42");                                      // org_42 on 10.0.0.12:5432
 * citus.move("org_42", new CitusNode("10.0.0.13", 5432));         // org_42's writes wait during the copy
 * citus.startRebalance(ShardTransferMode.BLOCK_WRITES);
 * citus.waitForRebalance(Duration.ofHours(1), s -> log.info(s.describe()));
 * }</pre>
 *
 * <p>Tenant names are validated ({@link Identifier#validateTenant}) and reach SQL quoted, as a bound value cast to
 * {@code regnamespace}; host names, ports and modes are bound values. Every failure is an {@link AshPgException}
 * naming the operation and the tenant; a database without the Citus extension gets one saying so.
 */
public final class CitusTenants {

  private static final System.Logger LOG = System.getLogger("io.ashpg.tenancy");
  /** SQLSTATE undefined_function / undefined_table: a Citus function or catalog table is missing. */
  private static final String UNDEFINED_FUNCTION = "42883";
  private static final String UNDEFINED_TABLE = "42P01";
  private static final Duration POLL = Duration.ofSeconds(1);
  private static final Duration PROGRESS_EVERY = Duration.ofSeconds(2);
  private static final int FAILURES_LISTED = 20;

  /**
   * Every distributed schema with the node of its tables, from Citus's metadata on the coordinator: no sizes, so
   * the listing never asks the workers (as {@code citus_shards} does for each shard's size) and stays one cheap
   * query for thousands of tenants. A schema's tables share one colocation group, hence one node.
   */
  private static final String PLACEMENTS = "SELECT n.nspname, s.colocationid, d.nodename, d.nodeport,"
      + " count(DISTINCT p.logicalrelid)::int"
      + " FROM pg_catalog.pg_dist_schema s JOIN pg_catalog.pg_namespace n ON n.oid = s.schemaid"
      + " LEFT JOIN pg_catalog.pg_dist_partition p ON p.colocationid = s.colocationid"
      + " LEFT JOIN pg_catalog.pg_dist_shard sh ON sh.logicalrelid = p.logicalrelid"
      + " LEFT JOIN pg_catalog.pg_dist_placement pl ON pl.shardid = sh.shardid"
      + " LEFT JOIN pg_catalog.pg_dist_node d ON d.groupid = pl.groupid AND d.noderole = 'primary'";
  private static final String PLACEMENTS_GROUPED = " GROUP BY 1, 2, 3, 4 ORDER BY 1, 5 DESC";

  private final DataSource coordinator;

  private CitusTenants(DataSource coordinator) {
    this.coordinator = coordinator;
  }

  /** Operations over {@code coordinator}, a data source connected to the cluster's coordinator. */
  public static CitusTenants of(DataSource coordinator) {
    return new CitusTenants(Objects.requireNonNull(coordinator, "coordinator"));
  }

  // ------------------------------------------------------------------------------------------------ where

  /** The active primary nodes that may hold tenants ({@code pg_dist_node}), in the order they were added. */
  public List<CitusNode> nodes() {
    String sql = "SELECT nodename, nodeport FROM pg_catalog.pg_dist_node WHERE isactive AND noderole = 'primary'"
        + " AND shouldhaveshards ORDER BY nodeid";
    return query("list the nodes of the Citus cluster", sql, ps -> { }, rs -> new CitusNode(rs.getString(1),
        rs.getInt(2)));
  }

  /** Where every distributed tenant schema lives, by schema name. */
  public List<TenantPlacement> placements() {
    return merge(query("list where the tenant schemas live", PLACEMENTS + PLACEMENTS_GROUPED, ps -> { },
        CitusTenants::placementRow));
  }

  /** Where {@code tenant} lives; empty when it is not a distributed schema (or does not exist). */
  public Optional<TenantPlacement> placement(String tenant) {
    String name = validate(tenant);
    List<TenantPlacement> rows = merge(query("look up where tenant schema '" + name + "' lives",
        PLACEMENTS + " WHERE n.nspname = ?" + PLACEMENTS_GROUPED, ps -> ps.setString(1, name),
        CitusTenants::placementRow));
    return rows.stream().findFirst();
  }

  private static TenantPlacement placementRow(ResultSet rs) throws SQLException {
    String host = rs.getString(3);
    Optional<CitusNode> node = host == null ? Optional.empty() : Optional.of(new CitusNode(host, rs.getInt(4)));
    return new TenantPlacement(rs.getString(1), rs.getLong(2), node, rs.getInt(5));
  }

  /**
   * One placement per schema. Rows come sorted by schema, most tables first; a second node for one schema only
   * shows while Citus is between the steps of a move, and the node with the tables is the one to report.
   */
  private static List<TenantPlacement> merge(List<TenantPlacement> rows) {
    Map<String, TenantPlacement> bySchema = new LinkedHashMap<>();
    for (TenantPlacement p : rows) {
      bySchema.putIfAbsent(p.tenant(), p);
    }
    return List.copyOf(bySchema.values());
  }

  // ------------------------------------------------------------------------------------------------- move

  /** {@link #move(String, CitusNode, ShardTransferMode)} online, with {@link ShardTransferMode#AUTO}. */
  public TenantPlacement move(String tenant, CitusNode target) {
    return move(tenant, target, ShardTransferMode.AUTO);
  }

  /**
   * Moves the tenant schema {@code tenant}, all its tables, to {@code target} ({@code citus_schema_move}), copying
   * them as {@code mode} says: online by logical replication (the application keeps writing; writes pause only for
   * the final switch), or blocking the tenant's writes during the copy. Already on {@code target}: nothing happens.
   * An online move is refused while a worker commits asynchronously (see {@link ShardTransferMode#AUTO}).
   *
   * @return where the tenant lives now
   * @throws InvalidQueryException when the name is invalid or the schema is not a distributed schema
   * @throws AshPgException naming the tenant, node and mode when Citus refuses (an empty schema, an unknown node,
   *     {@code wal_level} not {@code logical} for a logical transfer, …) or when an online move could lose writes
   */
  public TenantPlacement move(String tenant, CitusNode target, ShardTransferMode mode) {
    String name = validate(tenant);
    Objects.requireNonNull(target, "target");
    Objects.requireNonNull(mode, "mode");
    String what = "move of tenant schema '" + name + "' to node " + target + " (shard transfer mode "
        + mode.sqlValue() + ")";
    TenantPlacement before = placement(name).orElseThrow(() -> new InvalidQueryException(what + ": '" + name
        + "' is not a distributed schema; create it on the Citus repo, or distribute it with distributeSchemas",
        null));
    if (before.node().filter(target::equals).isPresent()) {
      return before;
    }
    requireDurableCommits(mode, what);
    String sql = "SELECT pg_catalog.citus_schema_move(?::regnamespace, ?, ?, ?::citus.shard_transfer_mode)";
    try (Connection c = coordinator.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setString(1, Identifier.quote(name));
      ps.setString(2, target.host());
      ps.setInt(3, target.port());
      ps.setString(4, mode.sqlValue());
      ps.execute();
    } catch (SQLException e) {
      String advice = mode != ShardTransferMode.BLOCK_WRITES && String.valueOf(e.getMessage()).contains("wal_level")
          ? " (set wal_level = logical on every node and restart them, or move with ShardTransferMode.BLOCK_WRITES,"
              + " which blocks the tenant's writes during the copy)" : "";
      throw failure(e, what + advice);
    }
    LOG.log(Level.INFO, "moved tenant schema \"" + name + "\" from " + before.node().map(Object::toString)
        .orElse("?") + " to " + target);
    return placement(name).orElseThrow(() -> new DatabaseException(what + ": the schema is no longer distributed"
        + " after the move; it was dropped or undistributed meanwhile", null, null));
  }

  // -------------------------------------------------------------------------------------------- rebalance

  /**
   * Starts a background rebalance of the cluster with Citus's default strategy ({@code citus_rebalance_start});
   * tenant schemas move as whole colocation groups. Returns at once; watch it with {@link #rebalanceStatus()} or
   * {@link #waitForRebalance(Duration, Consumer)}.
   *
   * @return the job id; empty when the cluster is balanced already (Citus found no move worth making)
   */
  public OptionalLong startRebalance(ShardTransferMode mode) {
    return startRebalance(mode, null);
  }

  /**
   * {@link #startRebalance(ShardTransferMode)} with the rebalance strategy named {@code strategy} (a row of
   * {@code pg_dist_rebalance_strategy}, e.g. {@code by_shard_count}, which balances the number of shards per node,
   * or {@code by_disk_size}, Citus's default, which skips moves too small to matter); null for the default.
   */
  public OptionalLong startRebalance(ShardTransferMode mode, String strategy) {
    Objects.requireNonNull(mode, "mode");
    if (strategy != null && strategy.isBlank()) {
      throw new IllegalArgumentException("rebalance strategy is blank; give a name from pg_dist_rebalance_strategy,"
          + " or null for the default");
    }
    String sql = "SELECT pg_catalog.citus_rebalance_start(rebalance_strategy => ?::name,"
        + " shard_transfer_mode => ?::citus.shard_transfer_mode)";
    String what = "start of a rebalance (strategy " + (strategy == null ? "default" : strategy)
        + ", shard transfer mode " + mode.sqlValue() + ")";
    requireDurableCommits(mode, what);
    List<Long> job = query(what, sql, ps -> {
          ps.setString(1, strategy);
          ps.setString(2, mode.sqlValue());
        }, rs -> {
          long id = rs.getLong(1);
          return rs.wasNull() ? null : id;
        });
    return job.isEmpty() || job.get(0) == null ? OptionalLong.empty() : OptionalLong.of(job.get(0));
  }

  /** The latest rebalance job ({@code citus_rebalance_status}); empty when none was ever started. */
  public Optional<RebalanceStatus> rebalanceStatus() {
    // task counts are summed here, from the details' per-state counts, so no JSON parsing is needed in Java
    String sql = "SELECT job_id, state::text, description, started_at, finished_at,"
        + " coalesce((SELECT sum(value::int) FROM jsonb_each_text(details -> 'task_state_counts')), 0)::int,"
        + " coalesce((details -> 'task_state_counts' ->> 'done')::int, 0), details::text"
        + " FROM pg_catalog.citus_rebalance_status()";
    return query("read the rebalance status", sql, ps -> { }, rs -> new RebalanceStatus(rs.getLong(1),
        rs.getString(2), rs.getString(3), Optional.ofNullable(rs.getObject(4, OffsetDateTime.class)),
        Optional.ofNullable(rs.getObject(5, OffsetDateTime.class)), rs.getInt(6), rs.getInt(7), rs.getString(8)))
        .stream().findFirst();
  }

  /**
   * Waits for the latest rebalance job to end, polling its status every second and handing each to
   * {@code progress}.
   *
   * @return the final status of a job that finished every move
   * @throws IllegalStateException when no rebalance was ever started
   * @throws DatabaseException when the job failed or was cancelled (its details say which move and why), or is
   *     still running after {@code timeout} (it goes on in the background; wait again or {@link #stopRebalance()})
   */
  public RebalanceStatus waitForRebalance(Duration timeout, Consumer<RebalanceStatus> progress) {
    Objects.requireNonNull(timeout, "timeout");
    Objects.requireNonNull(progress, "progress");
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      RebalanceStatus status = rebalanceStatus().orElseThrow(() -> new IllegalStateException(
          "no rebalance was started on this cluster; start one with startRebalance"));
      progress.accept(status);
      if (status.ended()) {
        if (!status.succeeded()) {
          throw new DatabaseException(status.describe() + ": the rebalance ended " + status.state()
              + "; moves done before stay done. Details: " + status.details(), null, null);
        }
        return status;
      }
      if (System.nanoTime() >= deadline) {
        throw new DatabaseException(status.describe() + ": still " + status.state() + " after " + timeout
            + "; it goes on in the background: wait again, or stop it with stopRebalance()", null, null);
      }
      try {
        Thread.sleep(POLL.toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new DatabaseException("interrupted while waiting for " + status.describe() + "; it goes on in the"
            + " background", null, e);
      }
    }
  }

  /** Stops the running rebalance ({@code citus_rebalance_stop}); moves done so far stay. */
  public void stopRebalance() {
    query("stop of the rebalance", "SELECT pg_catalog.citus_rebalance_stop()", ps -> { }, rs -> Boolean.TRUE);
  }

  /**
   * Refuses an online transfer while a worker commits asynchronously. Citus ends the copy once the new node has
   * replayed the source's WAL up to {@code pg_current_wal_lsn()}, the WAL written so far; with
   * {@code synchronous_commit = off} a transaction is acknowledged before its WAL is written, so writes acknowledged
   * just before the switch can be missing on the new node and are dropped with the old copy (seen on Citus 13.2.2).
   * Workers are asked in new sessions of this database and user, so database- and role-level settings count.
   */
  private void requireDurableCommits(ShardTransferMode mode, String what) {
    if (mode == ShardTransferMode.BLOCK_WRITES) {
      return;
    }
    String sql = "SELECT nodename || ':' || nodeport FROM pg_catalog.run_command_on_workers("
        + "'SHOW synchronous_commit') WHERE success AND result = 'off' ORDER BY 1";
    List<String> asynchronous = query(what + ": check synchronous_commit on the workers", sql, ps -> { },
        rs -> rs.getString(1));
    if (!asynchronous.isEmpty()) {
      throw new DatabaseException(what + " refused: synchronous_commit is off on worker(s) "
          + String.join(", ", asynchronous) + ". An online move ends once the new node has the WAL the old one has"
          + " written; a write acknowledged before its WAL is written can miss the switch and be lost with the old"
          + " copy. Set synchronous_commit = on for this database on the workers (ALTER DATABASE … SET"
          + " synchronous_commit = on), or move with ShardTransferMode.BLOCK_WRITES", null, null);
    }
  }

  // ---------------------------------------------------------------------------------------------- fleet

  /** {@link #distributeSchemas(List, BiConsumer)} of every tenant {@link Repo#allTenants} lists. */
  public DistributionResult distributeSchemas(Repo repo) {
    List<String> tenants;
    try (Connection c = coordinator.getConnection()) {
      tenants = repo.allTenants(c);
    } catch (SQLException e) {
      throw SqlErrors.translate(e, "list the tenants of repo " + repo.name());
    }
    if (tenants == null) {
      throw new InvalidQueryException("repo " + repo.name() + ": allTenants returned null; return an empty list when"
          + " there are no tenants", null);
    }
    return distributeSchemas(tenants, (d, p) -> { });
  }

  /** {@link #distributeSchemas(List, BiConsumer)} without a listener (progress is logged). */
  public DistributionResult distributeSchemas(List<String> tenants) {
    return distributeSchemas(tenants, (d, p) -> { });
  }

  /**
   * Turns existing tenant schemas into distributed schemas, one tenant after another: for each schema not
   * distributed yet, {@code citus_schema_distribute} copies its tables to a worker node, then the copies left on the
   * coordinator are emptied ({@code truncate_local_data_after_distributing_table}), both in one transaction, so a
   * tenant is either fully distributed or untouched. Schemas distributed already are skipped, so a rerun after a
   * failure does only the rest. Each tenant is reported to {@code listener} with the run's progress; progress is
   * also logged (logger {@code io.ashpg.tenancy}) every few seconds, and each failure at once.
   *
   * <p>A tenant's tables may reference only reference tables or tables of the same schema: run the repo's public
   * migrations on Citus first (they make the referenced global tables reference tables). While a tenant is copied,
   * its writes wait; other tenants are not affected.
   *
   * @return every tenant's outcome, when all succeeded
   * @throws DistributionException after the whole run, when any tenant failed; its result holds every outcome
   */
  public DistributionResult distributeSchemas(List<String> tenants,
      BiConsumer<TenantDistribution, ProgressListener.Progress> listener) {
    Objects.requireNonNull(listener, "listener");
    long start = System.nanoTime();
    List<String> names = List.copyOf(new LinkedHashSet<>(Objects.requireNonNull(tenants, "tenants")));
    Map<String, Boolean> distributed = schemaStates(names);
    List<TenantDistribution> out = new ArrayList<>(names.size());
    int failed = 0;
    long lastLog = start;
    for (String tenant : names) {
      TenantDistribution d = distributeOne(tenant, distributed.get(tenant));
      out.add(d);
      if (d.failed()) {
        failed++;
        LOG.log(Level.ERROR, "distributing tenant schema " + d.describe());
      }
      ProgressListener.Progress progress = new ProgressListener.Progress(out.size(), names.size(), failed,
          Duration.ofNanos(System.nanoTime() - start));
      listener.accept(d, progress);
      long now = System.nanoTime();
      if (now - lastLog >= PROGRESS_EVERY.toNanos() || out.size() == names.size()) {
        lastLog = now;
        LOG.log(Level.INFO, "distributing tenant schemas: " + progress.describe());
      }
    }
    DistributionResult result = new DistributionResult(withNodes(out), Duration.ofNanos(System.nanoTime() - start));
    LOG.log(result.succeeded() ? Level.INFO : Level.ERROR, "distributing tenant schemas finished in "
        + result.elapsed().toMillis() + " ms: " + result.summary());
    if (!result.succeeded()) {
      List<TenantDistribution> failures = result.failures();
      throw new DistributionException("distributing tenant schemas failed in " + failures.size() + " of "
          + result.tenants().size() + " tenant(s):" + failures.stream().limit(FAILURES_LISTED)
          .map(TenantDistribution::describe).collect(Collectors.joining("\n- ", "\n- ", ""))
          + (failures.size() > FAILURES_LISTED ? "\n… and " + (failures.size() - FAILURES_LISTED) + " more" : "")
          + "\nFix the cause and run again: the tenants distributed now are skipped then.", result);
    }
    return result;
  }

  /** Which of {@code names} exist (key present) and whether each is a distributed schema already. */
  private Map<String, Boolean> schemaStates(List<String> names) {
    String sql = "SELECT n.nspname, s.schemaid IS NOT NULL FROM pg_catalog.pg_namespace n"
        + " LEFT JOIN pg_catalog.pg_dist_schema s ON s.schemaid = n.oid WHERE n.nspname = ANY (?::name[])";
    Map<String, Boolean> states = new HashMap<>();
    try (Connection c = coordinator.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setArray(1, c.createArrayOf("text", names.toArray()));
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          states.put(rs.getString(1), rs.getBoolean(2));
        }
      }
    } catch (SQLException e) {
      throw failure(e, "read which tenant schemas are distributed");
    }
    return states;
  }

  private TenantDistribution distributeOne(String tenant, Boolean alreadyDistributed) {
    try {
      Identifier.validateTenant(tenant);
    } catch (IllegalArgumentException e) {
      return failed(tenant, e.getMessage() + "; fix the name the tenant list gives, or leave it out", null);
    }
    if (alreadyDistributed == null) {
      return failed(tenant, "schema \"" + tenant + "\" does not exist; create the tenant first, or leave it out",
          null);
    }
    if (alreadyDistributed) {
      return new TenantDistribution(tenant, TenantDistribution.Outcome.ALREADY_DISTRIBUTED, Optional.empty(),
          Optional.empty(), Optional.empty());
    }
    String distribute = "SELECT pg_catalog.citus_schema_distribute(?::regnamespace)";
    // the heap of each table on the coordinator still holds the rows Citus copied to the worker; only the
    // schema's own tables, and a partition is emptied through its parent
    String truncate = "SELECT pg_catalog.truncate_local_data_after_distributing_table(c.oid)"
        + " FROM pg_catalog.pg_class c WHERE c.relnamespace = ?::regnamespace AND c.relkind IN ('r', 'p')"
        + " AND NOT c.relispartition";
    try (Connection c = coordinator.getConnection()) {
      c.setAutoCommit(false);
      try {
        for (String sql : List.of(distribute, truncate)) {
          try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, Identifier.quote(tenant));
            ps.execute();
          }
        }
        c.commit();
      } catch (SQLException e) {
        try {
          c.rollback();
        } catch (SQLException rollback) {
          e.addSuppressed(rollback);
        }
        throw e;
      } finally {
        c.setAutoCommit(true);
      }
    } catch (SQLException e) {
      return failed(tenant, e.getMessage() + " — the schema was left as it was", e.getSQLState());
    }
    return new TenantDistribution(tenant, TenantDistribution.Outcome.DISTRIBUTED, Optional.empty(),
        Optional.empty(), Optional.empty());
  }

  private static TenantDistribution failed(String tenant, String message, String sqlState) {
    return new TenantDistribution(tenant, TenantDistribution.Outcome.FAILED, Optional.empty(), Optional.of(message),
        Optional.ofNullable(sqlState));
  }

  /** The outcomes with the node each distributed tenant lives on, from one placement query. */
  private List<TenantDistribution> withNodes(List<TenantDistribution> outcomes) {
    if (outcomes.stream().allMatch(TenantDistribution::failed)) {
      return outcomes;
    }
    Map<String, TenantPlacement> where = new HashMap<>();
    placements().forEach(p -> where.put(p.tenant(), p));
    return outcomes.stream().map(d -> d.failed() || !where.containsKey(d.tenant()) ? d
        : new TenantDistribution(d.tenant(), d.outcome(), where.get(d.tenant()).node(), d.message(), d.sqlState()))
        .toList();
  }

  // ------------------------------------------------------------------------------------------- internals

  @FunctionalInterface
  private interface Binder {
    void bind(PreparedStatement ps) throws SQLException;
  }

  @FunctionalInterface
  private interface RowReader<T> {
    T read(ResultSet rs) throws SQLException;
  }

  private <T> List<T> query(String what, String sql, Binder binder, RowReader<T> reader) {
    try (Connection c = coordinator.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
      binder.bind(ps);
      List<T> out = new ArrayList<>();
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(reader.read(rs));
        }
      }
      return out;
    } catch (SQLException e) {
      throw failure(e, what);
    }
  }

  /** The error of a failed operation; a missing Citus function or catalog means the database is not on Citus. */
  private static AshPgException failure(SQLException e, String what) {
    String state = e.getSQLState();
    if (UNDEFINED_FUNCTION.equals(state) || UNDEFINED_TABLE.equals(state)) {
      return new DatabaseException(what + " failed [" + state + "]: " + e.getMessage() + " — the database has no"
          + " Citus extension (or is not the coordinator); connect to the coordinator of a Citus 12+ cluster", state,
          e);
    }
    return SqlErrors.translate(e, what);
  }

  private static String validate(String tenant) {
    return MultiTenancy.validate(tenant);
  }
}
