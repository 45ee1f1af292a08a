package io.ashpg.data;

import io.ashpg.error.AshPgException;
import io.ashpg.error.ConstraintErrorMapper;
import io.ashpg.error.ConstraintErrorMapper.Operation;
import io.ashpg.error.InvalidQueryException;
import io.ashpg.error.SqlErrors;
import io.ashpg.error.StaleRecordException;
import io.ashpg.repo.Repo;
import io.ashpg.resource.Attribute;
import io.ashpg.resource.AttributeDefault;
import io.ashpg.resource.Domain;
import io.ashpg.resource.Identity;
import io.ashpg.resource.ManageTenant;
import io.ashpg.resource.Multitenancy;
import io.ashpg.resource.RepoPurpose;
import io.ashpg.resource.Resource;
import io.ashpg.sql.Identifier;
import io.ashpg.sql.RawSql;
import io.ashpg.sql.Sql;
import io.ashpg.sql.SqlValues;
import io.ashpg.tenancy.MultiTenancy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.Supplier;
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
 * {@code transaction} is a savepoint, so a failed write inside it leaves the outer transaction usable.
 */
public final class DataLayer {
  private final Domain domain;
  private final DataSource dataSource;
  /** Per repo class chosen for reads ({@code RepoPurpose.READ}), the data source reads go to. */
  private final Map<Class<? extends Repo>, DataSource> readSources;
  private final Clock clock;
  private final Duration timeout;
  private final Map<String, UnaryOperator<Query>> preparations;
  private final Map<ModelKey, Model> models;
  private final Map<InsertShape, String> insertTexts;
  private final Tx tx;
  private final String tenant;
  private final String tenantMigrations;

  /**
   * The shape of a single-row insert: same model, columns, conflict handling and returned columns give the same SQL
   * text, so it is rendered once and only the binds are computed per call.
   */
  private record InsertShape(Model model, List<Attribute> columns, Upsert upsert, Columns returning) {}

  /** The cache key of a model: resource identity plus where it lives. */
  private record ModelKey(Resource resource, String schema, String table) {}

  /** The connection of a running transaction. */
  private static final class Tx {
    final Connection connection;
    volatile boolean open = true;

    Tx(Connection connection) {
      this.connection = connection;
    }
  }

  private DataLayer(Domain domain, DataSource dataSource, Map<Class<? extends Repo>, DataSource> readSources,
                    Clock clock, Duration timeout,
                    Map<String, UnaryOperator<Query>> preparations, Map<ModelKey, Model> models,
                    Map<InsertShape, String> insertTexts, Tx tx, String tenant, String tenantMigrations) {
    this.domain = domain;
    this.tenant = tenant;
    this.tenantMigrations = tenantMigrations;
    this.insertTexts = insertTexts;
    this.dataSource = dataSource;
    this.readSources = readSources;
    this.clock = clock;
    this.timeout = timeout;
    this.preparations = preparations;
    this.models = models;
    this.tx = tx;
  }

  /** A data layer for {@code domain}'s resources over {@code dataSource} (e.g. a HikariCP pool). */
  public static DataLayer of(Domain domain, DataSource dataSource) {
    return new DataLayer(Objects.requireNonNull(domain, "domain"), dataSource, Map.of(), Clock.systemUTC(), null,
        Map.of(), new ConcurrentHashMap<>(), new ConcurrentHashMap<>(), null, null, null);
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
    boolean used = domain.resources().stream().anyMatch(r -> domain.repo(r, RepoPurpose.READ).getClass() == repo);
    if (!used) {
      throw new IllegalArgumentException("no resource of the domain reads through " + repo.getName()
          + "; choose it for RepoPurpose.READ with postgres(pg -> pg.repo((resource, purpose) -> ...))");
    }
    Map<Class<? extends Repo>, DataSource> copy = new HashMap<>(readSources);
    copy.put(repo, readDataSource);
    return new DataLayer(domain, dataSource, Map.copyOf(copy), clock, timeout, preparations, models, insertTexts,
        tx, tenant, tenantMigrations);
  }

  /** A copy whose timestamp defaults read {@code clock}. */
  public DataLayer withClock(Clock clock) {
    return new DataLayer(domain, dataSource, readSources, Objects.requireNonNull(clock, "clock"), timeout,
        preparations, models, insertTexts, tx, tenant, tenantMigrations);
  }

  /**
   * A copy whose statements are cancelled by the server after {@code timeout}
   * ({@link io.ashpg.error.StatementTimeoutException}). Applies to each operation, or to a whole
   * {@link #transaction} started from the copy.
   *
   * @throws IllegalStateException inside a transaction (set it before starting the transaction)
   */
  public DataLayer withStatementTimeout(Duration timeout) {
    if (tx != null) {
      throw new IllegalStateException("set the statement timeout before starting the transaction");
    }
    if (timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException("timeout must be positive, was " + timeout);
    }
    return new DataLayer(domain, dataSource, readSources, clock, timeout, preparations, models, insertTexts, tx, tenant,
        tenantMigrations);
  }

  /**
   * A copy that applies {@code preparation} to queries of {@code resource}'s read action {@code action}
   * ({@link Query#forAction}), e.g. {@code q -> q.filter(attr("published").eq(true)).sort(Sort.desc("inserted_at"))}.
   */
  public DataLayer withReadPreparation(Resource resource, String action, UnaryOperator<Query> preparation) {
    Query.forAction(resource, action);
    Map<String, UnaryOperator<Query>> copy = new HashMap<>(preparations);
    copy.put(resource.name() + "#" + action, Objects.requireNonNull(preparation, "preparation"));
    return new DataLayer(domain, dataSource, readSources, clock, timeout, Map.copyOf(copy), models, insertTexts, tx,
        tenant, tenantMigrations);
  }

  /**
   * A copy whose operations on multitenant resources use {@code tenant} unless the query or changeset names its own:
   * the schema for {@code context} multitenancy, the tenant attribute's value for {@code attribute} multitenancy.
   * A {@link #transaction} started from the copy also runs {@code SET LOCAL search_path TO "tenant", public}, so
   * unqualified names in fragments resolve to the tenant's tables. Non-multitenant resources ignore it.
   */
  public DataLayer withTenant(String tenant) {
    return new DataLayer(domain, dataSource, readSources, clock, timeout, preparations, models, insertTexts, tx,
        Objects.requireNonNull(tenant, "tenant"), tenantMigrations);
  }

  /**
   * A copy that takes the tenant migrations run for new {@code manage_tenant} records from {@code location} (a
   * directory or {@code classpath:} location) instead of the repo's {@code classpath:<tenantMigrationsPath>}.
   */
  public DataLayer withTenantMigrations(String location) {
    return new DataLayer(domain, dataSource, readSources, clock, timeout, preparations, models, insertTexts, tx, tenant,
        Objects.requireNonNull(location, "location"));
  }

  /** The tenant given with {@link #withTenant}, if any. */
  public Optional<String> tenant() {
    return Optional.ofNullable(tenant);
  }

  // ---------------------------------------------------------------------------------------------------- reads

  /** The rows {@code query} selects. */
  public List<Row> read(Query query) {
    return readRows(RelationshipLoader.withLoadKeys(prepare(query)));
  }

  /** {@link #read(Query)} of a query already prepared and given its load keys. */
  private List<Row> readRows(Query q) {
    List<Row> rows = select(q, columns -> columns::readAll);
    if (!q.loads().isEmpty() && !rows.isEmpty()) {
      rows = new RelationshipLoader(this).load(q.resource(), q.tenant(), rows, q.loads());
    }
    return Collections.unmodifiableList(rows);
  }

  /** The rows of a combination query (UNION / UNION ALL / INTERSECT / EXCEPT of reads on one resource). */
  public List<Row> read(Combination combination) {
    QueryRenderer.Select s = renderCombination(combination);
    Model m = model(combination.parts().get(0).query().resource(), prepare(combination.parts().get(0).query())
        .tenant(), prepare(combination.parts().get(0).query()).contextTable());
    boolean locks = combination.parts().stream().anyMatch(p -> p.query().lock().isPresent());
    return Collections.unmodifiableList(read("combination read of " + m.name(), m, locks,
        c -> Jdbc.query(c, s.sql(), s.columns())));
  }

  /** The SQL a combination query renders to, without running it. */
  public Sql toSql(Combination combination) {
    return renderCombination(combination).sql();
  }

  private QueryRenderer.Select renderCombination(Combination combination) {
    List<Query> parts = new ArrayList<>();
    List<Model> models = new ArrayList<>();
    for (Combination.Part p : combination.parts()) {
      Query q = prepare(p.query());
      parts.add(q);
      models.add(model(q.resource(), q.tenant(), q.contextTable()));
    }
    return render(() -> QueryRenderer.combination(models, parts, combination));
  }

  /** The domain whose resources this data layer reads and writes. */
  public Domain domain() {
    return domain;
  }

  /** The rows {@code query} selects, as records of {@code type} (components matched to attributes by name). */
  public <R extends Record> List<R> read(Query query, Class<R> type) {
    Query q = RelationshipLoader.withLoadKeys(prepare(query));
    if (!q.loads().isEmpty()) {
      // loads attach to rows, so read rows and map them (a record takes the row's attributes, not its loads)
      List<Row> rows = readRows(q);
      if (rows.isEmpty()) {
        return List.of();
      }
      RecordMapper.Bound<R> mapper = RecordMapper.of(type).bind(rows.get(0).columns());
      List<R> out = new ArrayList<>(rows.size());
      for (Row row : rows) {
        out.add(mapper.map(row));
      }
      return Collections.unmodifiableList(out);
    }
    // sized for the limit when there is a small one, so a page is not copied while it grows
    int expected = Math.min(q.limit().orElse(10), 1000);
    // straight from the result set into the records: no Row per record in between
    return Collections.unmodifiableList(select(q, columns -> {
      RecordMapper.Bound<R> mapper = RecordMapper.of(type).bind(columns);
      return rs -> mapper.readAll(rs, expected);
    }));
  }

  /**
   * Renders and runs a prepared query, reading its result set with the reader made for the query's columns; a
   * backward keyset page is put back in the query's order.
   */
  private <T> List<T> select(Query q, Function<Columns, Jdbc.Reader<List<T>>> readerFor) {
    Model m = model(q.resource(), q.tenant(), q.contextTable());
    QueryRenderer.Select s = render(() -> QueryRenderer.select(m, q));
    Jdbc.Reader<List<T>> reader = readerFor.apply(s.columns());
    List<T> out = read(m.readDescription, m, q.lock().isPresent(), c -> Jdbc.query(c, s.sql(), reader));
    if (s.reverse()) {
      Collections.reverse(out);
    }
    return out;
  }

  /** The first row of {@code query} (it is limited to one row). */
  public Optional<Row> first(Query query) {
    List<Row> rows = read(query.limit(1));
    return rows.isEmpty() ? Optional.empty() : Optional.of(rows.get(0));
  }

  /** The record of {@code resource} whose single-attribute primary key is {@code id}. */
  public Optional<Row> get(Resource resource, Object id) {
    List<Attribute> pk = resource.primaryKey();
    if (pk.size() != 1) {
      throw new InvalidQueryException("get(...) needs a single-attribute primary key; resource " + resource.name()
          + " has " + pk.stream().map(Attribute::name).toList(), null);
    }
    Attribute key = pk.get(0);
    if (id == null || id instanceof io.ashpg.sql.Expr || resource.multitenancy().isPresent()) {
      // IS NULL, an expression or a tenant condition change the text: render as any query
      return first(byKey(resource, key, id));
    }
    // The text is the same for every id (a bind of the key's type), so render it once per model; a lookup then
    // costs what hand-written JDBC costs plus converting the id. No LIMIT: the key is unique, and a Limit node is
    // server work on every execution.
    Model m = model(resource, Optional.empty(), Optional.empty());
    String text = m.getText;
    Sql sql;
    if (text == null) {
      sql = render(() -> QueryRenderer.select(m, byKey(resource, key, id))).sql();
      if (sql.binds().size() == 1) {
        m.getText = sql.text();
      }
    } else {
      try {
        sql = new Sql(text, List.of(SqlValues.toJdbc(id, key.type())));
      } catch (IllegalArgumentException e) {
        throw new InvalidQueryException(m.describe() + ": " + e.getMessage(), e);
      }
    }
    List<Row> rows = read(m.readDescription, m, false, c -> Jdbc.query(c, sql, m.allColumns));
    return rows.isEmpty() ? Optional.empty() : Optional.of(rows.get(0));
  }

  private static Query byKey(Resource resource, Attribute key, Object id) {
    return Query.of(resource).filter(new io.ashpg.sql.Expr.Attr(key.name()).eq(id));
  }

  /** The number of rows {@code query} selects (limit, offset and distinct respected). */
  public long count(Query query) {
    Query q = prepare(query);
    Model m = model(q.resource(), q.tenant(), q.contextTable());
    Sql sql = render(() -> QueryRenderer.count(m, q));
    return read("count of " + m.name(), m, false, c -> Jdbc.queryLong(c, sql));
  }

  /** The SQL {@code query} renders to, without running it (for logging, EXPLAIN and tests). */
  public Sql toSql(Query query) {
    Query q = prepare(query);
    Model m = model(q.resource(), q.tenant(), q.contextTable());
    return render(() -> QueryRenderer.select(m, q)).sql();
  }

  // --------------------------------------------------------------------------------------------------- writes

  /** Inserts the record; defaults are applied; returns the stored row. */
  public Row create(Changeset changeset) {
    requireKind(changeset, Changeset.Kind.CREATE, "create");
    Changeset cs = TenantScope.scope(changeset, tenant);
    if (cs.resource().postgres().manageTenant().filter(ManageTenant::create).isPresent()) {
      return createOwningTenant(cs);
    }
    return insert(cs);
  }

  /**
   * Creates a record that owns a tenant: inserts and commits it, then creates and migrates its schema on separate
   * connections. Not inside the insert's transaction: tenant migrations add foreign keys to the record's table,
   * which wait for the uncommitted insert's lock (a self-deadlock), and migrations marked no-transaction
   * ({@code CREATE INDEX CONCURRENTLY}) cannot run in one at all. The tenant migrator's per-tenant lock and
   * bookkeeping apply. When a migration fails the record is deleted again and the error propagates (the
   * half-migrated schema stays for inspection; {@link io.ashpg.tenancy.MultiTenancy#dropTenant} removes it). On a
   * {@linkplain Repo#citus() Citus} repo the schema is a distributed schema.
   *
   * @throws InvalidQueryException inside a transaction, where the schema could not be migrated (see above)
   */
  private Row createOwningTenant(Changeset cs) {
    Resource r = cs.resource();
    if (tx != null) {
      throw new InvalidQueryException("resource " + r.name() + " owns a tenant (manage_tenant): create it outside a "
          + "transaction, because its tenant migrations run on their own connections after the insert commits",
          null);
    }
    Row row = insert(cs);
    String name = tenantName(r, row);
    Repo repo = repo(r);
    String repoName = repo == null ? r.name() : repo.name();
    String location = tenantMigrations != null ? tenantMigrations
        : repo == null ? null : MultiTenancy.tenantMigrationsLocation(repo);
    if (location == null) {
      throw new InvalidQueryException("resource " + r.name() + " owns a tenant but has no repo to take tenant "
          + "migrations from; configure DataLayer.withTenantMigrations(location)", null);
    }
    try {
      MultiTenancy.createTenant(dataSource, repoName, location, name, repo != null && repo.citus());
    } catch (RuntimeException e) {
      try {
        destroyRow(Changeset.destroy(r, row));
      } catch (RuntimeException cleanup) {
        e.addSuppressed(cleanup);
      }
      throw e;
    }
    return row;
  }

  /** The schema a tenant-owning record names through its {@code manage_tenant} template. */
  private static String tenantName(Resource r, Row row) {
    ManageTenant mt = r.postgres().manageTenant().orElseThrow();
    try {
      return Identifier.validateTenant(mt.tenantName(row::get));
    } catch (IllegalArgumentException | NullPointerException e) {
      throw new InvalidQueryException("resource " + r.name() + ": the manage_tenant template gives no valid tenant "
          + "name for " + row + ": " + e.getMessage(), e);
    }
  }

  private Row insert(Changeset changeset) {
    Model m = model(changeset.resource(), changeset.tenant(), changeset.contextTable());
    Insert insert = insertValues(m, changeset, clock.instant());
    Columns returning = m.columns(withTemplateAttributes(changeset.resource(), changeset.select()));
    Sql sql = render(() -> insertSql(m, insert, null, returning));
    return run("create of " + m.name(), m, Operation.CREATE, insert.byName, false,
        c -> Jdbc.query(c, sql, returning)).get(0);
  }

  /**
   * Inserts the record, or on a conflict with {@code identity} (null or {@code ""}: the primary key) overwrites the
   * existing record's {@code upsertFields} (and update defaults such as {@code updated_at}):
   * {@code INSERT … ON CONFLICT (keys) [WHERE …] DO UPDATE SET f = EXCLUDED.f … RETURNING …}.
   */
  public Row upsert(Changeset changeset, String identity, List<String> upsertFields) {
    requireKind(changeset, Changeset.Kind.CREATE, "upsert");
    Changeset cs = TenantScope.scope(changeset, tenant);
    Model m = model(cs.resource(), cs.tenant(), cs.contextTable());
    Upsert upsert = upsertOf(m, identity, upsertFields);
    Insert insert = insertValues(m, cs, clock.instant());
    Columns returning = m.columns(cs.select());
    Sql sql = render(() -> insertSql(m, insert, upsert, returning));
    return run("upsert of " + m.name(), m, Operation.CREATE, insert.byName, false,
        c -> Jdbc.query(c, sql, returning)).get(0);
  }

  /** {@link #upsert(Changeset, String, List)} overwriting every attribute the changeset sets except the keys. */
  public Row upsert(Changeset changeset, String identity) {
    Set<String> keys = new HashSet<>(conflictKeys(changeset.resource(), identity));
    changeset.resource().primaryKey().forEach(a -> keys.add(a.name()));
    List<String> fields = changeset.values().keySet().stream().filter(f -> !keys.contains(f)).toList();
    return upsert(changeset, identity, fields);
  }

  /**
   * Updates the record by primary key (plus the changeset filter and the base filter); applies update defaults.
   *
   * @throws StaleRecordException when no row matched
   */
  public Row update(Changeset changeset) {
    requireKind(changeset, Changeset.Kind.UPDATE, "update");
    Changeset cs = TenantScope.scope(changeset, tenant);
    ManageTenant mt = cs.resource().postgres().manageTenant().filter(ManageTenant::update).orElse(null);
    if (mt != null && mt.templateAttributes().stream().anyMatch(cs.values()::containsKey)) {
      return transaction(tx -> tx.updateOwningTenant(cs));
    }
    return updateRow(cs);
  }

  /**
   * Updates a record that owns a tenant and changes a template attribute: reads the old name (row locked), updates,
   * and renames the schema in the same transaction, so the record and its schema never disagree.
   */
  private Row updateOwningTenant(Changeset cs) {
    Resource r = cs.resource();
    Query current = Query.of(r).lock(Lock.forUpdate());
    for (Map.Entry<String, Object> key : cs.primaryKey().entrySet()) {
      current = current.filter(new io.ashpg.sql.Expr.Attr(key.getKey()).eq(key.getValue()));
    }
    Row before = first(current).orElseThrow(() -> new StaleRecordException(r.name(), "no row of " + r.name()
        + " with primary key " + cs.primaryKey() + " (it was deleted concurrently)"));
    Row after = updateRow(cs);
    String from = tenantName(r, before);
    String to = tenantName(r, after);
    if (!from.equals(to)) {
      run("rename of tenant " + from + " of " + r.name(), null, null, null, false, c -> {
        MultiTenancy.renameTenant(c, from, to);
        return null;
      });
    }
    return after;
  }

  private Row updateRow(Changeset changeset) {
    Model m = model(changeset.resource(), changeset.tenant(), changeset.contextTable());
    Map<String, Object> values = new LinkedHashMap<>(changeset.values());
    addUpdateDefaults(m, values, clock.instant());
    Columns returning = m.columns(withTemplateAttributes(changeset.resource(), changeset.select()));
    io.ashpg.sql.Expr filter = changeset.filter().orElse(null);
    List<Row> rows;
    if (values.isEmpty()) {
      Sql sql = render(() -> {
        io.ashpg.sql.SqlBuilder b = new io.ashpg.sql.SqlBuilder().append("SELECT ");
        QueryRenderer.selectList(b, m, returning);
        b.append(" FROM ").append(m.qualifiedTable).append(" AS ").append(QueryRenderer.ALIAS);
        List<io.ashpg.sql.Expr> conditions = new ArrayList<>();
        changeset.primaryKey().forEach((k, v) -> conditions.add(new io.ashpg.sql.Expr.Attr(k).eq(v)));
        if (filter != null) {
          conditions.add(filter);
        }
        QueryRenderer.where(b, m, conditions);
        return b.build();
      });
      rows = run("update of " + m.name(), m, Operation.UPDATE, values, false, c -> Jdbc.query(c, sql, returning));
    } else {
      Sql sql = render(() -> WriteRenderer.update(m, values, changeset.primaryKey(), filter, returning));
      rows = run("update of " + m.name(), m, Operation.UPDATE, values, false, c -> Jdbc.query(c, sql, returning));
    }
    if (rows.isEmpty()) {
      throw stale(m, changeset);
    }
    return rows.get(0);
  }

  /**
   * Deletes the record by primary key (plus the changeset filter and the base filter); returns the deleted row.
   *
   * @throws StaleRecordException when no row matched
   */
  public Row destroy(Changeset changeset) {
    requireKind(changeset, Changeset.Kind.DESTROY, "destroy");
    return destroyRow(TenantScope.scope(changeset, tenant));
  }

  private Row destroyRow(Changeset changeset) {
    Model m = model(changeset.resource(), changeset.tenant(), changeset.contextTable());
    Columns returning = m.columns(changeset.select());
    Sql sql = render(() -> WriteRenderer.delete(m, changeset.primaryKey(), changeset.filter().orElse(null),
        returning));
    List<Row> rows = run("destroy of " + m.name(), m, Operation.DESTROY, changeset.primaryKey(), false,
        c -> Jdbc.query(c, sql, returning));
    if (rows.isEmpty()) {
      throw stale(m, changeset);
    }
    return rows.get(0);
  }

  // ----------------------------------------------------------------------------------------------------- bulk

  /** {@link #bulkCreate(Resource, List, BulkOptions)} with {@link BulkOptions#defaults()}. */
  public BulkResult bulkCreate(Resource resource, List<? extends Map<String, ?>> rows) {
    return bulkCreate(resource, rows, BulkOptions.defaults());
  }

  /**
   * Inserts many records: one statement per batch ({@code unnest} or multi-row VALUES, with RETURNING and optional
   * upsert), or COPY when no rows are returned. All batches run in one transaction. Defaults are applied per row; an
   * attribute without a default must be given in every row or in none.
   */
  public BulkResult bulkCreate(Resource resource, List<? extends Map<String, ?>> givenRows, BulkOptions options) {
    if (resource.postgres().manageTenant().filter(ManageTenant::create).isPresent()) {
      throw new InvalidQueryException("bulk create of " + resource.name() + ", which owns a tenant, would create no "
          + "tenant schemas; create its records one by one with create(...)", null);
    }
    Optional<String> rowTenant = TenantScope.tenant(resource, Optional.empty(), tenant);
    Model m = model(resource, rowTenant, Optional.empty());
    List<? extends Map<String, ?>> rows = withTenantAttribute(resource, rowTenant, givenRows);
    if (rows.isEmpty()) {
      return new BulkResult(0, List.of());
    }
    BulkInput input = bulkInput(m, rows, clock.instant());
    List<Attribute> columns = input.columns();
    List<Object[]> converted = input.rows();
    Upsert upsert = options.upsertIdentity() == null ? null
        : upsertOf(m, options.upsertIdentity(), options.upsertFields());
    BulkOptions.Method method = options.method();
    if (method == BulkOptions.Method.AUTO) {
      // on Citus, INSERT … SELECT unnest(…) is pulled to the coordinator; VALUES is routed to the tenant's node
      Repo repo = repo(resource);
      boolean citus = repo != null && repo.citus();
      method = !options.returnRecords() && upsert == null ? BulkOptions.Method.COPY
          : BulkWriter.unnestable(columns) && !citus ? BulkOptions.Method.UNNEST : BulkOptions.Method.VALUES;
    }
    if (method == BulkOptions.Method.COPY && (upsert != null || options.returnRecords())) {
      throw new InvalidQueryException("bulk create of " + m.name() + ": COPY cannot upsert or return rows; use "
          + "noReturn() without upsert, or another method", null);
    }
    if (method == BulkOptions.Method.UNNEST && !BulkWriter.unnestable(columns)) {
      throw new InvalidQueryException("bulk create of " + m.name() + ": unnest cannot carry array attributes; use "
          + "Method.VALUES", null);
    }
    Columns returning = options.returnRecords() ? m.allColumns : null;
    BulkOptions.Method chosen = method;
    Map<String, Object> errorValues = rows.size() == 1 ? Map.copyOf(nonNull(rows.get(0))) : Map.of();
    return run("bulk create of " + m.name(), m, Operation.CREATE, errorValues, true, c -> {
      if (chosen == BulkOptions.Method.COPY) {
        return new BulkResult(BulkWriter.copy(c, m, columns, converted), List.of());
      }
      int size = chosen == BulkOptions.Method.VALUES
          ? BulkWriter.valuesRowsPerStatement(options.batchSize(), columns.size()) : options.batchSize();
      List<Row> out = new ArrayList<>();
      long count = 0;
      for (List<Object[]> batch : BulkWriter.batches(converted, size)) {
        Sql sql = render(() -> chosen == BulkOptions.Method.VALUES
            ? BulkWriter.values(m, columns, batch, upsert, returning)
            : BulkWriter.unnest(m, columns, batch, upsert, returning));
        if (returning == null) {
          count += Jdbc.update(c, sql);
        } else {
          List<Row> got = Jdbc.query(c, sql, returning);
          count += got.size();
          out.addAll(got);
        }
      }
      return new BulkResult(count, out);
    });
  }

  /** Updates every record {@code query} matches (base filter included; update defaults applied); returns the count. */
  public BulkResult bulkUpdate(Query query, Map<String, ?> values) {
    return bulkUpdate(query, values, false);
  }

  /**
   * Updates every record {@code query} matches. Values may be {@link io.ashpg.sql.Expr}s (atomic updates such as
   * {@code attr("views").plus(1)}). With a limit, sort, offset, distinct or lock the rows are chosen by a primary-key
   * subquery.
   */
  public BulkResult bulkUpdate(Query query, Map<String, ?> values, boolean returnRecords) {
    Query q = prepare(query);
    Model m = model(q.resource(), q.tenant(), q.contextTable());
    Map<String, Object> all = new LinkedHashMap<>();
    values.forEach((k, v) -> {
      m.attribute(k);
      if (v instanceof io.ashpg.sql.Expr e) {
        Query.checkAttributes(m.resource, e);
      }
      all.put(k, v);
    });
    addUpdateDefaults(m, all, clock.instant());
    if (all.isEmpty()) {
      throw new InvalidQueryException("bulk update of " + m.name() + " sets nothing", null);
    }
    Columns returning = returnRecords ? m.allColumns : null;
    Sql sql = render(() -> WriteRenderer.updateQuery(m, q, all, returning));
    return run("bulk update of " + m.name(), m, Operation.UPDATE, all, false, c -> returning == null
        ? new BulkResult(Jdbc.update(c, sql), List.of())
        : bulk(Jdbc.query(c, sql, returning)));
  }

  /** Deletes every record {@code query} matches (base filter included); returns the count. */
  public BulkResult bulkDestroy(Query query) {
    return bulkDestroy(query, false);
  }

  /** Deletes every record {@code query} matches, optionally returning the deleted rows. */
  public BulkResult bulkDestroy(Query query, boolean returnRecords) {
    Query q = prepare(query);
    Model m = model(q.resource(), q.tenant(), q.contextTable());
    Columns returning = returnRecords ? m.allColumns : null;
    Sql sql = render(() -> WriteRenderer.deleteQuery(m, q, returning));
    return run("bulk destroy of " + m.name(), m, Operation.DESTROY, Map.of(), false, c -> returning == null
        ? new BulkResult(Jdbc.update(c, sql), List.of())
        : bulk(Jdbc.query(c, sql, returning)));
  }

  private static BulkResult bulk(List<Row> rows) {
    return new BulkResult(rows.size(), rows);
  }

  // ------------------------------------------------------------------------------------------- transactions

  /**
   * Runs {@code body} in a transaction and returns its result: committed when it returns, rolled back when it
   * throws (the exception propagates). The body's data layer runs every operation on the transaction's connection.
   * Called on a transaction's data layer, it opens a savepoint instead: a failure rolls back to the savepoint and
   * propagates, and if the caller catches it, the outer transaction can go on.
   */
  public <T> T transaction(Function<DataLayer, T> body) {
    Objects.requireNonNull(body, "body");
    if (tx != null) {
      return savepoint(body);
    }
    if (dataSource == null) {
      throw new IllegalStateException("this data layer has no data source");
    }
    Tx inner;
    Connection c;
    try {
      c = dataSource.getConnection();
    } catch (SQLException e) {
      throw SqlErrors.translate(e, "begin transaction");
    }
    try {
      boolean autoCommit = c.getAutoCommit();
      c.setAutoCommit(false);
      inner = new Tx(c);
      try {
        if (timeout != null) {
          applyTimeout(c);
        }
        if (tenant != null) {
          applySearchPath(c, tenant);
        }
        T result = body.apply(new DataLayer(domain, dataSource, readSources, clock, null, preparations, models,
            insertTexts, inner, tenant, tenantMigrations));
        c.commit();
        return result;
      } catch (RuntimeException | Error e) {
        rollbackQuietly(c, e);
        throw e;
      } finally {
        inner.open = false;
        c.setAutoCommit(autoCommit);
      }
    } catch (SQLException e) {
      throw SqlErrors.translate(e, "transaction");
    } finally {
      try {
        c.close();
      } catch (SQLException ignored) {
        // The pool discards a connection it cannot reset; nothing more to do here.
      }
    }
  }

  /** {@code withTenant(tenant).transaction(body)}: a tenant-scoped transaction (search_path set to the tenant). */
  public <T> T transaction(String tenant, Function<DataLayer, T> body) {
    return withTenant(tenant).transaction(body);
  }

  /** Whether this data layer is bound to a running transaction. */
  public boolean inTransaction() {
    return tx != null && tx.open;
  }

  private <T> T savepoint(Function<DataLayer, T> body) {
    requireOpen();
    Connection c = tx.connection;
    Savepoint sp;
    try {
      sp = c.setSavepoint();
    } catch (SQLException e) {
      throw SqlErrors.translate(e, "savepoint");
    }
    try {
      T result = body.apply(this);
      c.releaseSavepoint(sp);
      return result;
    } catch (RuntimeException | Error e) {
      try {
        c.rollback(sp);
        c.releaseSavepoint(sp);
      } catch (SQLException rollback) {
        e.addSuppressed(rollback);
      }
      throw e;
    } catch (SQLException e) {
      throw SqlErrors.translate(e, "release savepoint");
    }
  }

  private void applyTimeout(Connection c) throws SQLException {
    // SET cannot take bind parameters; set_config can, and is_local = true scopes it to the transaction.
    try (PreparedStatement ps = c.prepareStatement("SELECT set_config('statement_timeout', ?, true)")) {
      ps.setString(1, Long.toString(Math.max(1, timeout.toMillis())));
      ps.execute();
    }
  }

  /**
   * {@code SET LOCAL search_path TO "tenant", public} (via set_config, which takes a bind parameter), so SQL written
   * by hand (fragments, base filters) finds the tenant's tables first. Tenant values that are not schema names
   * (attribute multitenancy) are left out: they name no schema.
   */
  private static void applySearchPath(Connection c, String tenant) throws SQLException {
    String schema;
    try {
      schema = Identifier.validateTenant(tenant);
    } catch (IllegalArgumentException e) {
      return;
    }
    try (PreparedStatement ps = c.prepareStatement("SELECT set_config('search_path', ?, true)")) {
      ps.setString(1, Identifier.quote(schema) + ", public");
      ps.execute();
    }
  }

  private static void rollbackQuietly(Connection c, Throwable cause) {
    try {
      c.rollback();
    } catch (SQLException e) {
      cause.addSuppressed(e);
    }
  }

  private void requireOpen() {
    if (!tx.open) {
      throw new IllegalStateException("the transaction this data layer belongs to has ended");
    }
  }

  // ---------------------------------------------------------------------------------------------- internals

  <T> T run(String what, Model m, Operation operation, Map<String, Object> values, boolean atomic,
                    SqlWork<T> work) {
    return run(dataSource, what, m, operation, values, atomic, work);
  }

  /**
   * Runs a read of {@code m}'s rows: outside a transaction and without row locks, on the data source of the repo its
   * resource reads through (see {@link #withReadDataSource}).
   */
  <T> T read(String what, Model m, boolean locks, SqlWork<T> work) {
    DataSource source = dataSource;
    if (tx == null && !locks && !readSources.isEmpty()) {
      source = readSources.getOrDefault(domain.repo(m.resource, RepoPurpose.READ).getClass(), dataSource);
    }
    return run(source, what, m, null, null, false, work);
  }

  private <T> T run(DataSource source, String what, Model m, Operation operation, Map<String, Object> values,
                    boolean atomic, SqlWork<T> work) {
    try {
      if (tx != null) {
        requireOpen();
        return work.run(tx.connection);
      }
      if (source == null) {
        throw new IllegalStateException("this data layer has no data source");
      }
      try (Connection c = source.getConnection()) {
        if (timeout == null && !atomic) {
          return work.run(c);
        }
        boolean autoCommit = c.getAutoCommit();
        c.setAutoCommit(false);
        try {
          if (timeout != null) {
            applyTimeout(c);
          }
          T result = work.run(c);
          c.commit();
          return result;
        } catch (SQLException | RuntimeException e) {
          rollbackQuietly(c, e);
          throw e;
        } finally {
          c.setAutoCommit(autoCommit);
        }
      }
    } catch (SQLException e) {
      throw translate(e, what, m, operation, values);
    }
  }

  private AshPgException translate(SQLException e, String what, Model m, Operation operation,
                                   Map<String, Object> values) {
    if (operation != null && m != null) {
      Optional<? extends AshPgException> mapped = m.errors.map(e, operation, values == null ? Map.of() : values);
      if (mapped.isPresent()) {
        return mapped.get();
      }
    }
    Repo repo = m == null ? null : repo(m.resource);
    return SqlErrors.translate(e, what, repo != null && repo.citus());
  }

  /** Rendering problems (unknown attributes, bad values, missing extensions) surface as InvalidQueryExceptions. */
  static <T> T render(Supplier<T> renderer) {
    try {
      return renderer.get();
    } catch (InvalidQueryException e) {
      throw e;
    } catch (IllegalArgumentException e) {
      throw new InvalidQueryException(e.getMessage(), e);
    }
  }

  /** The query as it runs: the named action's preparation applied, then its tenant (see {@link TenantScope}). */
  Query prepare(Query query) {
    Query q = query;
    if (query.action().isPresent()) {
      UnaryOperator<Query> preparation = preparations.get(query.resource().name() + "#" + query.action().get());
      q = preparation == null ? query : preparation.apply(query);
    }
    return TenantScope.scope(q, tenant);
  }

  Model model(Resource resource, Optional<String> tenant, Optional<String> contextTable) {
    if (domain.resource(resource.name()).orElse(null) != resource) {
      throw new InvalidQueryException("resource " + resource.name() + " is not part of this data layer's domain",
          null);
    }
    Repo repo = repo(resource);
    String table = contextTable.or(resource::table).orElseThrow(() -> new InvalidQueryException("resource "
        + resource.name() + " is polymorphic (no table); give a context table", null));
    String schema = schema(resource, repo, tenant.orElse(null));
    ModelKey key = new ModelKey(resource, schema, table);
    Model model = models.get(key);
    if (model != null) {
      return model;
    }
    try {
      return models.computeIfAbsent(key, k -> new Model(resource, new TableTarget(schema, table),
          repo == null ? Set.of() : Set.copyOf(repo.installedExtensions()),
          repo == null ? null : repo.getClass().getSimpleName(), ConstraintErrorMapper.of(domain, resource, table),
          this));
    } catch (IllegalArgumentException e) {
      throw new InvalidQueryException("resource " + resource.name() + ": " + e.getMessage(), e);
    }
  }

  /**
   * The repo whose migrations made the resource's table (its schema, extensions): the one it is written through. A
   * read replica is a copy of that database, so reads render the same SQL.
   */
  private Repo repo(Resource resource) {
    try {
      return domain.repo(resource, RepoPurpose.MUTATE);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  /**
   * The schema: the tenant for schema-multitenant resources (validated strictly: it becomes an identifier), else the
   * {@code schema} option, else the repo's default prefix.
   */
  private static String schema(Resource resource, Repo repo, String tenant) {
    Multitenancy mt = resource.multitenancy().orElse(null);
    TenantScope.require(resource, Optional.ofNullable(tenant));
    if (mt != null && mt.strategy() == Multitenancy.Strategy.CONTEXT && tenant != null) {
      try {
        return Identifier.validateTenant(tenant);
      } catch (IllegalArgumentException e) {
        throw new InvalidQueryException("resource " + resource.name() + ": " + e.getMessage(), e);
      }
    } else if (tenant != null && mt == null) {
      throw new InvalidQueryException("resource " + resource.name() + " is not multitenant; do not give a tenant",
          null);
    }
    return resource.postgres().schema().orElse(repo == null ? "public" : repo.defaultPrefix());
  }

  /** The select list of a write, plus the template attributes of a tenant-owning resource (to name its schema). */
  private static List<String> withTemplateAttributes(Resource r, List<String> select) {
    if (select.isEmpty() || r.postgres().manageTenant().isEmpty()) {
      return select;
    }
    Set<String> names = new LinkedHashSet<>(select);
    names.addAll(r.postgres().manageTenant().get().templateAttributes());
    return List.copyOf(names);
  }

  private static void requireKind(Changeset changeset, Changeset.Kind kind, String operation) {
    if (changeset.kind() != kind) {
      throw new InvalidQueryException(operation + " needs a " + kind.name().toLowerCase(java.util.Locale.ROOT)
          + " changeset, got " + changeset, null);
    }
  }

  /** The insert statement, its text taken from the shape cache when no value is an expression. */
  private Sql insertSql(Model m, Insert insert, Upsert upsert, Columns returning) {
    if (insert.values.stream().anyMatch(v -> v instanceof io.ashpg.sql.Expr)) {
      return WriteRenderer.insert(m, insert.columns, insert.values, upsert, returning);
    }
    InsertShape shape = new InsertShape(m, insert.columns, upsert, returning);
    String text = insertTexts.get(shape);
    if (text == null) {
      Sql sql = WriteRenderer.insert(m, insert.columns, insert.values, upsert, returning);
      if (insertTexts.size() < 10_000) {
        insertTexts.put(shape, sql.text());
      }
      return sql;
    }
    List<Object> binds = new ArrayList<>(insert.values.size());
    for (int i = 0; i < insert.values.size(); i++) {
      Attribute a = insert.columns.get(i);
      try {
        binds.add(SqlValues.toJdbc(insert.values.get(i), a.type()));
      } catch (IllegalArgumentException e) {
        throw new InvalidQueryException("resource " + m.name() + ", attribute '" + a.name() + "': "
            + e.getMessage(), e);
      }
    }
    return new Sql(text, binds);
  }

  /** Columns and values of one insert. */
  private record Insert(List<Attribute> columns, List<Object> values, Map<String, Object> byName) {}

  private static Insert insertValues(Model m, Changeset changeset, Instant now) {
    List<Attribute> columns = new ArrayList<>();
    List<Object> values = new ArrayList<>();
    Map<String, Object> byName = new HashMap<>();
    for (Attribute a : m.attributes) {
      Object v;
      if (changeset.values().containsKey(a.name())) {
        v = changeset.values().get(a.name());
      } else if (a.defaultValue().isPresent() && Defaults.inJava(a.defaultValue().get())) {
        v = Defaults.value(a, a.defaultValue().get(), now);
      } else {
        continue;
      }
      columns.add(a);
      values.add(v);
      byName.put(a.name(), v);
    }
    if (columns.isEmpty()) {
      throw new InvalidQueryException("create of " + m.name() + " has no values to insert", null);
    }
    return new Insert(columns, values, byName);
  }

  private static void addUpdateDefaults(Model m, Map<String, Object> values, Instant now) {
    for (Attribute a : m.attributes) {
      Optional<AttributeDefault> d = a.updateDefault();
      if (!values.containsKey(a.name()) && d.isPresent() && Defaults.inJava(d.get())) {
        values.put(a.name(), Defaults.value(a, d.get(), now));
      }
    }
  }

  /**
   * The conflict target of an upsert: the primary key, or the identity's keys — with the tenant attribute first for
   * attribute multitenancy unless the identity spans all tenants, matching the unique index the generator made.
   */
  private static List<String> conflictKeys(Resource resource, String identity) {
    if (identity == null || identity.isEmpty()) {
      return resource.primaryKey().stream().map(Attribute::name).toList();
    }
    Identity id = resource.identity(identity).orElseThrow(() -> new InvalidQueryException(
        "resource " + resource.name() + " has no identity '" + identity + "'", null));
    Optional<String> tenantAttribute = TenantScope.attribute(resource);
    if (tenantAttribute.isEmpty() || id.allTenants() || id.keys().contains(tenantAttribute.get())) {
      return id.keys();
    }
    List<String> keys = new ArrayList<>();
    keys.add(tenantAttribute.get());
    keys.addAll(id.keys());
    return keys;
  }

  private static Upsert upsertOf(Model m, String identity, List<String> fields) {
    Resource r = m.resource;
    if (r.postgres().manageTenant().isPresent()) {
      throw new InvalidQueryException("cannot upsert resource " + r.name() + ", which owns a tenant", null);
    }
    List<String> target = new ArrayList<>();
    for (String key : conflictKeys(r, identity)) {
      if (r.attribute(key).isPresent()) {
        target.add(m.column(key));
      } else if (r.postgres().calculationsToSql().containsKey(key)) {
        target.add("(" + RawSql.escapeLiteral(r.postgres().calculationsToSql().get(key),
            "calculationsToSql of " + key + " of resource " + r.name()) + ")");
      } else {
        throw new InvalidQueryException("identity '" + identity + "' of resource " + r.name() + " has key '" + key
            + "', which is neither an attribute nor in calculationsToSql", null);
      }
    }
    List<String> where = new ArrayList<>();
    if (identity != null && !identity.isEmpty() && r.postgres().identityWheresToSql().containsKey(identity)) {
      where.add("(" + RawSql.escapeLiteral(r.postgres().identityWheresToSql().get(identity),
          "identityWheresToSql of " + identity + " of resource " + r.name()) + ")");
    }
    if (m.baseFilter != null) {
      where.add("(" + m.baseFilter + ")");
    }
    Set<String> set = new LinkedHashSet<>();
    for (String f : fields) {
      m.attribute(f);
      set.add(f);
    }
    for (Attribute a : m.attributes) {
      if (a.updateDefault().isPresent() && Defaults.inJava(a.updateDefault().get())) {
        set.add(a.name());
      }
    }
    return new Upsert(target, where.isEmpty() ? null : String.join(" AND ", where), List.copyOf(set));
  }

  /** The rows with the tenant attribute set, for attribute multitenancy (as a single create would set it). */
  private static List<? extends Map<String, ?>> withTenantAttribute(Resource r, Optional<String> tenant,
                                                                    List<? extends Map<String, ?>> rows) {
    Optional<String> attribute = TenantScope.attribute(r);
    if (attribute.isEmpty() || tenant.isEmpty()) {
      return rows;
    }
    List<Map<String, Object>> out = new ArrayList<>(rows.size());
    for (Map<String, ?> row : rows) {
      Map<String, Object> copy = new LinkedHashMap<>(row);
      copy.put(attribute.get(), tenant.get());
      out.add(copy);
    }
    return out;
  }

  private static List<Attribute> bulkColumns(Model m, List<? extends Map<String, ?>> rows) {
    Set<String> mentioned = new HashSet<>();
    for (Map<String, ?> row : rows) {
      for (String k : row.keySet()) {
        if (mentioned.add(k)) {
          m.attribute(k);
        }
      }
    }
    List<Attribute> columns = new ArrayList<>();
    for (Attribute a : m.attributes) {
      if (mentioned.contains(a.name())
          || (a.defaultValue().isPresent() && Defaults.inJava(a.defaultValue().get()))) {
        columns.add(a);
      }
    }
    if (columns.isEmpty()) {
      throw new InvalidQueryException("bulk create of " + m.name() + " has no values to insert", null);
    }
    return columns;
  }

  /** The columns of a bulk create and its rows as JDBC values in column order. */
  private record BulkInput(List<Attribute> columns, List<Object[]> rows) {}

  private static BulkInput bulkInput(Model m, List<? extends Map<String, ?>> rows, Instant now) {
    try {
      // One pass when every row names the first row's attributes, the usual case: each map is read once, not once
      // for its keys and again for its values (measured ~3 ms of 10,000 rows' client CPU).
      List<Attribute> columns = bulkColumns(m, rows.subList(0, 1));
      List<Object[]> converted = bulkRows(m, columns, rows, now, true);
      if (converted != null) {
        return new BulkInput(columns, converted);
      }
    } catch (InvalidQueryException e) {
      // the pass below reports it, or the error it has always found first for these rows
    }
    List<Attribute> columns = bulkColumns(m, rows);
    return new BulkInput(columns, bulkRows(m, columns, rows, now, false));
  }

  /**
   * Converts every row to JDBC values in column order. With {@code sameKeys}, returns null as soon as a row names an
   * attribute outside {@code columns} (the caller then takes the columns from every row).
   */
  private static List<Object[]> bulkRows(Model m, List<Attribute> columns, List<? extends Map<String, ?>> rows,
                                         Instant now, boolean sameKeys) {
    int n = columns.size();
    String[] names = new String[n];
    @SuppressWarnings("unchecked")
    Function<Object, Object>[] converters = new Function[n];
    for (int c = 0; c < n; c++) {
      names[c] = columns.get(c).name();
      converters[c] = SqlValues.converter(columns.get(c).type());
    }
    List<Object[]> out = new ArrayList<>(rows.size());
    for (int r = 0; r < rows.size(); r++) {
      Map<String, ?> row = rows.get(r);
      Object[] values = new Object[n];
      int present = 0;
      for (int c = 0; c < n; c++) {
        Attribute a = columns.get(c);
        // get first: containsKey only for nulls, one map lookup per value in the common case
        Object v = row.get(names[c]);
        if (v != null || row.containsKey(names[c])) {
          present++;
        } else if (a.defaultValue().isPresent() && Defaults.inJava(a.defaultValue().get())) {
          v = Defaults.value(a, a.defaultValue().get(), now);
        } else {
          throw new InvalidQueryException("bulk create of " + m.name() + ": row " + r + " does not set '"
              + a.name() + "', which other rows set and which has no default; set it (possibly to null) in every "
              + "row", null);
        }
        if (v instanceof io.ashpg.sql.Expr) {
          throw new InvalidQueryException("bulk create of " + m.name() + ": row " + r + " sets '" + a.name()
              + "' to an expression; bulk create takes values only", null);
        }
        try {
          values[c] = v == null ? null : converters[c].apply(v);
        } catch (IllegalArgumentException e) {
          throw new InvalidQueryException("bulk create of " + m.name() + ": row " + r + ", attribute '" + a.name()
              + "': " + e.getMessage(), e);
        }
      }
      if (sameKeys && present != row.size()) {
        return null;
      }
      out.add(values);
    }
    return out;
  }

  private static Map<String, Object> nonNull(Map<String, ?> row) {
    Map<String, Object> out = new HashMap<>();
    row.forEach((k, v) -> {
      if (v != null) {
        out.put(k, v);
      }
    });
    return out;
  }

  private static StaleRecordException stale(Model m, Changeset changeset) {
    return new StaleRecordException(m.name(), "no row of " + m.target + " with primary key " + changeset.primaryKey()
        + (changeset.filter().isPresent() ? " matching the changeset filter" : "")
        + (m.baseFilter != null ? " and the base filter" : "") + " (it was deleted or changed concurrently)");
  }
}
