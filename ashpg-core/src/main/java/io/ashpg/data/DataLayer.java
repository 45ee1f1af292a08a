package io.ashpg.data;

import io.ashpg.error.AshPgException;
import io.ashpg.error.InvalidQueryException;
import io.ashpg.error.StaleRecordException;
import io.ashpg.repo.Repo;
import io.ashpg.resource.Domain;
import io.ashpg.resource.RepoPurpose;
import io.ashpg.resource.Resource;
import io.ashpg.sql.Expr;
import io.ashpg.sql.Sql;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import javax.sql.DataSource;

/**
 * Reads and writes the resources of a {@link Domain} over JDBC: one parameterised statement per operation, tables
 * always schema-qualified, every failure an {@link AshPgException}.
 *
 * <pre>{@code
 * DataLayer dl = DataLayer.of(domain, dataSource);
 * List<Row> posts = dl.read(Query.of(POST).filter(attr("title").eq("x")).sort(Sort.desc("inserted_at")).limit(10));
 * Row created = dl.create(Changeset.create(POST).set("title", "x"));
 * dl.transaction(tx -> tx.update(Changeset.update(POST, created).set("title", "y")));
 * }</pre>
 *
 * <p>Instances are immutable and thread-safe; the {@code with…} methods return configured copies that share caches.
 * Inside {@link #transaction} the body gets a data layer bound to the transaction's connection; a nested
 * {@code transaction} is a savepoint, so a failed write inside it leaves the outer transaction usable. Every
 * statement is reported to the {@linkplain #withListener listeners} and logged at DEBUG (logger
 * {@code io.ashpg.data.DataLayer}).
 *
 * <p>This class is the public face; the work is done by one class per concern: {@link Reads}, {@link Writes},
 * {@link Upserts}, {@link BulkWrites}, {@link TenantOwners} and {@link Transactions}, all running their statements
 * through the {@link Executor}.
 */
public final class DataLayer {
  private final LayerConfig config;
  private final Executor executor;
  private final Reads reads;
  private final Writes writes;
  private final Upserts upserts;
  private final BulkWrites bulk;
  private final TenantOwners owners;
  private final Transactions transactions;
  private final TenantValue tenantValue;

  private DataLayer(LayerConfig config) {
    this.config = config;
    this.tenantValue = config.tenant() == null ? null : new TenantValue(config.tenant(),
        config.resolver() != null ? config.resolver() : TenantResolver.standard(config.domain()));
    this.executor = new Executor(config);
    this.reads = new Reads(this);
    this.writes = new Writes(this);
    this.upserts = new Upserts(this);
    this.bulk = new BulkWrites(this);
    this.owners = new TenantOwners(this);
    this.transactions = new Transactions(this);
  }

  /** A data layer for {@code domain}'s resources over {@code dataSource} (e.g. a HikariCP pool). */
  public static DataLayer of(Domain domain, DataSource dataSource) {
    Objects.requireNonNull(domain, "domain");
    return new DataLayer(new LayerConfig(domain, dataSource, Map.of(), Clock.systemUTC(), null, Map.of(),
        new Models(domain), new ConcurrentHashMap<>(), null, null, null, null, StatementReporter.NONE));
  }

  /**
   * A copy that sends reads through {@code repo} — the repo a resource's {@code repo(RepoSelector)} chooses for
   * {@link RepoPurpose#READ}, e.g. a read replica — to {@code readDataSource}. Writes, reads that lock rows
   * ({@link Query#lock}), and everything inside a {@link #transaction} stay on this data layer's data source, so a
   * transaction reads its own writes and locks are taken where the rows are written.
   *
   * @throws IllegalArgumentException when no resource of the domain reads through {@code repo}
   */
  public DataLayer withReadDataSource(Class<? extends Repo> repo, DataSource readDataSource) {
    Objects.requireNonNull(repo, "repo");
    Objects.requireNonNull(readDataSource, "readDataSource");
    Domain domain = config.domain();
    boolean used = domain.resources().stream().anyMatch(r -> domain.repo(r, RepoPurpose.READ).getClass() == repo);
    if (!used) {
      throw new IllegalArgumentException("no resource of the domain reads through " + repo.getName()
          + "; choose it for RepoPurpose.READ with postgres(pg -> pg.repo((resource, purpose) -> ...))");
    }
    Map<Class<? extends Repo>, DataSource> copy = new HashMap<>(config.readSources());
    copy.put(repo, readDataSource);
    return new DataLayer(config.withReadSources(Map.copyOf(copy)));
  }

  /** A copy whose timestamp defaults read {@code clock}. */
  public DataLayer withClock(Clock clock) {
    return new DataLayer(config.withClock(Objects.requireNonNull(clock, "clock")));
  }

  /**
   * A copy whose statements are cancelled by the server after {@code timeout}
   * ({@link io.ashpg.error.StatementTimeoutException}). Applies to each operation, or to a whole
   * {@link #transaction} started from the copy.
   *
   * @throws IllegalStateException inside a transaction (set it before starting the transaction)
   */
  public DataLayer withStatementTimeout(Duration timeout) {
    if (config.tx() != null) {
      throw new IllegalStateException("set the statement timeout before starting the transaction");
    }
    if (timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException("timeout must be positive, was " + timeout);
    }
    return new DataLayer(config.withTimeout(timeout));
  }

  /**
   * A copy that applies {@code preparation} to queries of {@code resource}'s read action {@code action}
   * ({@link Query#forAction}), e.g. {@code q -> q.filter(attr("published").eq(true)).sort(Sort.desc("inserted_at"))}.
   */
  public DataLayer withReadPreparation(Resource resource, String action, UnaryOperator<Query> preparation) {
    Query.forAction(resource, action);
    Map<String, UnaryOperator<Query>> copy = new HashMap<>(config.preparations());
    copy.put(resource.name() + "#" + action, Objects.requireNonNull(preparation, "preparation"));
    return new DataLayer(config.withPreparations(Map.copyOf(copy)));
  }

  /**
   * A copy whose operations on multitenant resources use {@code tenant} unless the query or changeset names its own:
   * the schema for {@code context} multitenancy, the tenant attribute's value for {@code attribute} multitenancy.
   * A {@link #transaction} started from the copy also runs {@code SET LOCAL search_path TO "tenant", public}, so
   * unqualified names in fragments resolve to the tenant's tables. Non-multitenant resources ignore it.
   */
  public DataLayer withTenant(String tenant) {
    return withTenant((Object) Objects.requireNonNull(tenant, "tenant"));
  }

  /**
   * A copy whose operations on multitenant resources use the tenant {@code tenant} stands for: a string as given, or
   * — with the {@linkplain TenantResolver#standard standard resolver} — a record of the domain's tenant-owning
   * resource or its id, which becomes the schema its {@code manage_tenant} template names for {@code context}
   * multitenancy and the id for {@code attribute} multitenancy. One value thus serves both kinds of resource in a
   * request (AshPostgres's {@code Ash.ToTenant}). See {@link #withTenant(String)} for the rest.
   */
  public DataLayer withTenant(Object tenant) {
    return new DataLayer(config.withTenant(Objects.requireNonNull(tenant, "tenant")));
  }

  /**
   * A copy that maps tenant values ({@link #withTenant(Object)}) to each resource's tenant with {@code resolver}
   * instead of the {@linkplain TenantResolver#standard standard} mapping.
   */
  public DataLayer withTenantResolver(TenantResolver resolver) {
    return new DataLayer(config.withResolver(Objects.requireNonNull(resolver, "resolver")));
  }

  /**
   * A copy that takes the tenant migrations run for new {@code manage_tenant} records from {@code location} (a
   * directory or {@code classpath:} location) instead of the repo's {@code classpath:<tenantMigrationsPath>}.
   */
  public DataLayer withTenantMigrations(String location) {
    return new DataLayer(config.withTenantMigrations(Objects.requireNonNull(location, "location")));
  }

  /**
   * A copy that reports every statement it runs to {@code listener} too (after the listeners already registered):
   * its text, bind count, duration, rows, resource, operation, action, tenant and failure ({@link StatementEvent}).
   */
  public DataLayer withListener(StatementListener listener) {
    return new DataLayer(config.withReporter(config.reporter().with(Objects.requireNonNull(listener, "listener"))));
  }

  /**
   * A copy whose statement events carry the bind values ({@link StatementEvent#binds()}) and whose log shows them at
   * TRACE. Off by default: values are often personal data that must not reach logs or metrics backends.
   */
  public DataLayer withBindValues() {
    return new DataLayer(config.withReporter(config.reporter().withValues()));
  }

  /** The tenant given with {@link #withTenant(String)}, if any (a record or id given as tenant: its text). */
  public Optional<String> tenant() {
    return tenantValue().map(String::valueOf);
  }

  /** The tenant value given with {@link #withTenant(Object)} (a string, a tenant-owning record or its id), if any. */
  public Optional<Object> tenantValue() {
    return Optional.ofNullable(config.tenant());
  }

  /** The domain whose resources this data layer reads and writes. */
  public Domain domain() {
    return config.domain();
  }

  // ---------------------------------------------------------------------------------------------------- reads

  /** The rows {@code query} selects. */
  public List<Row> read(Query query) {
    return reads.read(query);
  }

  /** The rows of a combination query (UNION / UNION ALL / INTERSECT / EXCEPT of reads on one resource). */
  public List<Row> read(Combination combination) {
    return reads.read(combination);
  }

  /** The SQL a combination query renders to, without running it. */
  public Sql toSql(Combination combination) {
    return reads.toSql(combination);
  }

  /** The rows {@code query} selects, as records of {@code type} (components matched to attributes by name). */
  public <R extends Record> List<R> read(Query query, Class<R> type) {
    return reads.read(query, type);
  }

  /** The first row of {@code query} (it is limited to one row). */
  public Optional<Row> first(Query query) {
    return reads.first(query);
  }

  /** The record of {@code resource} whose single-attribute primary key is {@code id}. */
  public Optional<Row> get(Resource resource, Object id) {
    return reads.get(resource, id);
  }

  /** The number of rows {@code query} selects (limit, offset and distinct respected). */
  public long count(Query query) {
    return reads.count(query);
  }

  /** The SQL {@code query} renders to, without running it (for logging, EXPLAIN and tests). */
  public Sql toSql(Query query) {
    return reads.toSql(query);
  }

  // --------------------------------------------------------------------------------------------------- writes

  /** Inserts the record; defaults are applied; returns the stored row. */
  public Row create(Changeset changeset) {
    return writes.create(changeset);
  }

  /**
   * Inserts the record, or on a conflict with {@code identity} (null or {@code ""}: the primary key) overwrites the
   * existing record's {@code upsertFields} (and update defaults such as {@code updated_at}):
   * {@code INSERT … ON CONFLICT (keys) [WHERE …] DO UPDATE SET f = EXCLUDED.f … RETURNING …}.
   */
  public Row upsert(Changeset changeset, String identity, List<String> upsertFields) {
    return upserts.upsert(changeset, identity, upsertFields, null).row()
        .orElseThrow(() -> new IllegalStateException("an unconditional upsert returned no row"));
  }

  /** {@link #upsert(Changeset, String, List)} overwriting every attribute the changeset sets except the keys. */
  public Row upsert(Changeset changeset, String identity) {
    return upsert(changeset, identity, upserts.defaultFields(changeset, identity));
  }

  /**
   * A conditional upsert (AshPostgres's {@code upsert_condition}): inserts the record, or on a conflict overwrites
   * {@code upsertFields} of the existing record only when {@code condition} holds for it —
   * {@code … DO UPDATE SET … WHERE <condition>}. In the condition, {@code attr("x")} is the existing row's value and
   * {@link io.ashpg.sql.Exprs#upsertConflict upsertConflict("x")} the proposed one. The result says whether the
   * record was inserted, updated or skipped (a conflict whose condition did not hold: no row is returned).
   */
  public UpsertResult upsert(Changeset changeset, String identity, List<String> upsertFields, Expr condition) {
    return upserts.upsert(changeset, identity, upsertFields, Objects.requireNonNull(condition, "condition"));
  }

  /**
   * Like {@link #upsert(Changeset, String, List)}, and says whether the record was inserted or updated (read from
   * the row's {@code xmax}, which is 0 for a row this statement inserted).
   */
  public UpsertResult upsertWithOutcome(Changeset changeset, String identity, List<String> upsertFields) {
    return upserts.upsert(changeset, identity, upsertFields, null);
  }

  /**
   * Updates the record by primary key (plus the changeset filter and the base filter); applies update defaults.
   *
   * @throws StaleRecordException when no row matched
   */
  public Row update(Changeset changeset) {
    return writes.update(changeset);
  }

  /**
   * Deletes the record by primary key (plus the changeset filter and the base filter); returns the deleted row.
   *
   * @throws StaleRecordException when no row matched
   */
  public Row destroy(Changeset changeset) {
    return writes.destroy(changeset);
  }

  // ----------------------------------------------------------------------------------------------------- bulk

  /** {@link #bulkCreate(Resource, List, BulkOptions)} with {@link BulkOptions#defaults()}. */
  public BulkResult bulkCreate(Resource resource, List<? extends Map<String, ?>> rows) {
    return bulk.create(resource, rows, BulkOptions.defaults());
  }

  /**
   * Inserts many records: one statement per batch ({@code unnest} or multi-row VALUES, with RETURNING and optional
   * upsert), or COPY when no rows are returned. All batches run in one transaction. Defaults are applied per row; an
   * attribute without a default must be given in every row or in none. An upsert reports how many rows were
   * inserted, updated and — with an {@linkplain BulkOptions#upsertCondition upsert condition} — skipped.
   */
  public BulkResult bulkCreate(Resource resource, List<? extends Map<String, ?>> rows, BulkOptions options) {
    return bulk.create(resource, rows, options);
  }

  /** Updates every record {@code query} matches (base filter included; update defaults applied); returns the count. */
  public BulkResult bulkUpdate(Query query, Map<String, ?> values) {
    return bulk.update(query, values, false);
  }

  /**
   * Updates every record {@code query} matches. Values may be {@link io.ashpg.sql.Expr}s (atomic updates such as
   * {@code attr("views").plus(1)}). With a limit, sort, offset, distinct or lock the rows are chosen by a primary-key
   * subquery.
   */
  public BulkResult bulkUpdate(Query query, Map<String, ?> values, boolean returnRecords) {
    return bulk.update(query, values, returnRecords);
  }

  /** Deletes every record {@code query} matches (base filter included); returns the count. */
  public BulkResult bulkDestroy(Query query) {
    return bulk.destroy(query, false);
  }

  /** Deletes every record {@code query} matches, optionally returning the deleted rows. */
  public BulkResult bulkDestroy(Query query, boolean returnRecords) {
    return bulk.destroy(query, returnRecords);
  }

  // ------------------------------------------------------------------------------------------- transactions

  /**
   * Runs {@code body} in a transaction and returns its result: committed when it returns, rolled back when it
   * throws (the exception propagates). The body's data layer runs every operation on the transaction's connection.
   * Called on a transaction's data layer, it opens a savepoint instead: a failure rolls back to the savepoint and
   * propagates, and if the caller catches it, the outer transaction can go on.
   */
  public <T> T transaction(Function<DataLayer, T> body) {
    return transactions.run(body);
  }

  /** {@code withTenant(tenant).transaction(body)}: a tenant-scoped transaction (search_path set to the tenant). */
  public <T> T transaction(String tenant, Function<DataLayer, T> body) {
    return withTenant(tenant).transaction(body);
  }

  /** {@code withTenant(tenant).transaction(body)} for a tenant record or id ({@link #withTenant(Object)}). */
  public <T> T transaction(Object tenant, Function<DataLayer, T> body) {
    return withTenant(tenant).transaction(body);
  }

  /** Whether this data layer is bound to a running transaction. */
  public boolean inTransaction() {
    return config.tx() != null && config.tx().open;
  }

  // ------------------------------------------------- shared with the concern classes and the renderers

  LayerConfig config() {
    return config;
  }

  Executor executor() {
    return executor;
  }

  Writes writes() {
    return writes;
  }

  TenantOwners owners() {
    return owners;
  }

  /** A data layer like this one bound to a running transaction (no statement timeout: the transaction set it). */
  DataLayer boundTo(LayerConfig.Tx tx) {
    return new DataLayer(config.withTx(tx).withTimeout(null));
  }

  /** The data layer's tenant value with its resolver, or null. */
  TenantValue tenantScope() {
    return tenantValue;
  }

  /** Work on the data source (or the transaction); see {@link Executor#run}. */
  <T> T run(String what, StatementContext ctx, Model m, io.ashpg.error.ConstraintErrorMapper.Operation operation,
            Map<String, Object> values, boolean atomic, SqlWork<T> work) {
    return executor.run(what, ctx, m, operation, values, atomic, work);
  }

  /** A read of {@code m}'s rows; see {@link Executor#read}. */
  <T> T read(String what, StatementContext ctx, Model m, boolean locks, SqlWork<T> work) {
    return executor.read(what, ctx, m, locks, work);
  }

  /** Rendering problems (unknown attributes, bad values, missing extensions) surface as InvalidQueryExceptions. */
  static <T> T render(java.util.function.Supplier<T> renderer) {
    return Executor.render(renderer);
  }

  /** The query as it runs: the named action's preparation applied, then its tenant (see {@link TenantScope}). */
  Query prepare(Query query) {
    Query q = query;
    if (query.action().isPresent()) {
      UnaryOperator<Query> preparation = config.preparations().get(query.resource().name() + "#"
          + query.action().get());
      q = preparation == null ? query : preparation.apply(query);
    }
    return TenantScope.scope(q, tenantScope());
  }

  Model model(Resource resource, Optional<String> tenant, Optional<String> contextTable) {
    return config.models().model(resource, tenant, contextTable, this);
  }

  /** The repo a resource is written through, or null (see {@link Models#repo}). */
  Repo repo(Resource resource) {
    return config.models().repo(resource);
  }

  static void requireKind(Changeset changeset, Changeset.Kind kind, String operation) {
    if (changeset.kind() != kind) {
      throw new InvalidQueryException(operation + " needs a " + kind.name().toLowerCase(java.util.Locale.ROOT)
          + " changeset, got " + changeset, null);
    }
  }
}
