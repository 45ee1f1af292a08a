package io.ashpg.data;

import io.ashpg.error.InvalidQueryException;
import io.ashpg.resource.Action;
import io.ashpg.resource.ActionType;
import io.ashpg.resource.Attribute;
import io.ashpg.resource.Resource;
import io.ashpg.sql.Expr;
import io.ashpg.sql.Identifier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * An immutable read query on one resource: filter, sort, limit/offset, keyset position, select, distinct, row lock,
 * named action, and where the rows live (tenant, context table). Every method returns a new query. Attribute names
 * are checked against the resource as the query is built, so a typo (or anything hostile) in a sort field fails here
 * with an {@link InvalidQueryException}, long before SQL is rendered.
 *
 * <pre>{@code
 * Query q = Query.of(post)
 *     .filter(attr("title").ilike("%java%").and(attr("score").gt(10)))
 *     .sort(Sort.desc("inserted_at"), Sort.asc("id"))
 *     .limit(20);
 * }</pre>
 *
 * <p>The resource's {@code baseFilterSql} is always ANDed in by the data layer.
 */
public final class Query {
  private static final java.util.regex.Pattern NAME = java.util.regex.Pattern.compile("[a-z_][a-z0-9_]*");
  private final Resource resource;
  private final Expr filter;
  private final List<Sort> sort;
  private final Integer limit;
  private final Integer offset;
  private final List<String> select;
  private final boolean distinct;
  private final List<String> distinctOn;
  private final Lock lock;
  private final Cursor after;
  private final Cursor before;
  private final boolean stable;
  private final String action;
  private final String contextTable;
  private final String tenant;
  /** The data layer's tenant value the tenant came from (maps related resources' tenants), or null. */
  private final TenantValue tenantValue;
  private final List<Load> loads;
  private final Map<String, Aggregate> aggregates;
  private final Map<String, Calculation> calculations;

  private Query(Resource resource, Expr filter, List<Sort> sort, Integer limit, Integer offset, List<String> select,
                boolean distinct, List<String> distinctOn, Lock lock, Cursor after, Cursor before, boolean stable,
                String action, String contextTable, String tenant, TenantValue tenantValue, List<Load> loads,
                Map<String, Aggregate> aggregates, Map<String, Calculation> calculations) {
    this.resource = resource;
    this.loads = loads;
    this.aggregates = aggregates;
    this.calculations = calculations;
    this.filter = filter;
    this.sort = sort;
    this.limit = limit;
    this.offset = offset;
    this.select = select;
    this.distinct = distinct;
    this.distinctOn = distinctOn;
    this.lock = lock;
    this.after = after;
    this.before = before;
    this.stable = stable;
    this.action = action;
    this.contextTable = contextTable;
    this.tenant = tenant;
    this.tenantValue = tenantValue;
  }

  /** All records of {@code resource} (subject to its base filter). */
  public static Query of(Resource resource) {
    return new Query(Objects.requireNonNull(resource, "resource"), null, List.of(), null, null, List.of(), false,
        List.of(), null, null, null, false, null, null, null, null, List.of(), Map.of(), Map.of());
  }

  /**
   * The query of the named read action of {@code resource}: it must exist and be a read action; its
   * {@code data_layer.table} context (if any) becomes the context table, and read preparations registered on the
   * data layer for it are applied when it runs.
   */
  public static Query forAction(Resource resource, String actionName) {
    Action action = resource.action(actionName).orElseThrow(() -> new InvalidQueryException(
        "resource " + resource.name() + " has no action '" + actionName + "'", null));
    if (action.type() != ActionType.READ) {
      throw new InvalidQueryException("action '" + actionName + "' of resource " + resource.name()
          + " is a " + action.type().defaultName() + " action, not a read action", null);
    }
    return new Query(resource, null, List.of(), null, null, List.of(), false, List.of(), null, null, null,
        false, actionName, action.contextTable().orElse(null), null, null, List.of(), Map.of(), Map.of());
  }

  private Query with(Expr filter, List<Sort> sort, Integer limit, Integer offset, List<String> select,
                     boolean distinct, List<String> distinctOn, Lock lock, Cursor after, Cursor before,
                     String contextTable, String tenant) {
    return new Query(resource, filter, sort, limit, offset, select, distinct, distinctOn, lock, after, before, stable,
        action, contextTable, tenant, Objects.equals(tenant, this.tenant) ? tenantValue : null, loads, aggregates,
        calculations);
  }

  /** Adds a filter, ANDed with any existing one. */
  public Query filter(Expr expr) {
    Objects.requireNonNull(expr, "filter");
    checkAttributes(expr);
    Expr combined = filter == null ? expr : new Expr.And(List.of(filter, expr));
    return with(combined, sort, limit, offset, select, distinct, distinctOn, lock, after, before, contextTable,
        tenant);
  }

  /** Replaces the sort. */
  public Query sort(Sort... sorts) {
    return sort(Arrays.asList(sorts));
  }

  /** Replaces the sort. */
  public Query sort(List<Sort> sorts) {
    for (Sort s : sorts) {
      checkAttributes(s.expr());
    }
    return with(filter, List.copyOf(sorts), limit, offset, select, distinct, distinctOn, lock, after, before,
        contextTable, tenant);
  }

  /** At most {@code limit} rows. */
  public Query limit(int limit) {
    if (limit < 0) {
      throw new InvalidQueryException("limit must be >= 0, was " + limit, null);
    }
    return with(filter, sort, limit, offset, select, distinct, distinctOn, lock, after, before, contextTable, tenant);
  }

  /** Skips {@code offset} rows. */
  public Query offset(int offset) {
    if (offset < 0) {
      throw new InvalidQueryException("offset must be >= 0, was " + offset, null);
    }
    return with(filter, sort, limit, offset, select, distinct, distinctOn, lock, after, before, contextTable, tenant);
  }

  /** Reads only these attributes (the primary key is always read too). */
  public Query select(String... attributes) {
    List<String> names = List.of(attributes);
    names.forEach(this::attribute);
    return with(filter, sort, limit, offset, names, distinct, distinctOn, lock, after, before, contextTable, tenant);
  }

  /** {@code SELECT DISTINCT}: drops duplicate rows (meaningful together with {@link #select}). */
  public Query distinct() {
    return with(filter, sort, limit, offset, select, true, distinctOn, lock, after, before, contextTable, tenant);
  }

  /**
   * {@code DISTINCT ON (attributes)}: one row per distinct combination, the first in sort order. When the sort does
   * not start with these attributes, the distinct rows are picked in an inner query and sorted in an outer one.
   */
  public Query distinctOn(String... attributes) {
    List<String> names = List.of(attributes);
    names.forEach(this::attribute);
    return with(filter, sort, limit, offset, select, distinct, names, lock, after, before, contextTable, tenant);
  }

  /** Locks the rows read (inside a transaction). */
  public Query lock(Lock lock) {
    return with(filter, sort, limit, offset, select, distinct, distinctOn, Objects.requireNonNull(lock, "lock"),
        after, before, contextTable, tenant);
  }

  /** Rows after {@code cursor} in keyset order (sort attributes, then the primary key). */
  public Query after(Cursor cursor) {
    return with(filter, sort, limit, offset, select, distinct, distinctOn, lock, Objects.requireNonNull(cursor),
        null, contextTable, tenant);
  }

  /** Rows before {@code cursor} in keyset order; they are still returned in the query's sort order. */
  public Query before(Cursor cursor) {
    return with(filter, sort, limit, offset, select, distinct, distinctOn, lock, null, Objects.requireNonNull(cursor),
        contextTable, tenant);
  }

  /**
   * Makes the order total: the primary key (ascending) is appended to the sort where it is not already part of it,
   * so equal sort values always come back in the same order. Use it for offset pagination and for the first page of
   * a keyset walk (pages read with {@link #after}/{@link #before} always use this order). Without it the query sorts
   * by exactly what it was given, as SQL does: appending the key to a sort served by an index on the sort column
   * alone can turn a bare index scan into an extra sort step.
   */
  public Query stable() {
    return new Query(resource, filter, sort, limit, offset, select, distinct, distinctOn, lock, after, before, true,
        action, contextTable, tenant, tenantValue, loads, aggregates, calculations);
  }

  /** Reads from {@code table} instead of the resource's table (polymorphic resources). */
  public Query contextTable(String table) {
    return with(filter, sort, limit, offset, select, distinct, distinctOn, lock, after, before,
        Objects.requireNonNull(table, "table"), tenant);
  }

  /** The tenant (schema) for a context-multitenant resource. */
  public Query tenant(String tenant) {
    return with(filter, sort, limit, offset, select, distinct, distinctOn, lock, after, before, contextTable,
        Objects.requireNonNull(tenant, "tenant"));
  }

  /** This query with the tenant {@code value} maps to for its resource (see {@link TenantScope}). */
  Query tenant(TenantValue value, String tenant) {
    return new Query(resource, filter, sort, limit, offset, select, distinct, distinctOn, lock, after, before, stable,
        action, contextTable, Objects.requireNonNull(tenant, "tenant"), value, loads, aggregates, calculations);
  }

  /** The data layer's tenant value this query's tenant was mapped from, or null. */
  TenantValue tenantValue() {
    return tenantValue;
  }

  /** Loads relationship {@code relationship} with every record read (all destination records). */
  public Query load(String relationship) {
    return load(relationship, UnaryOperator.identity());
  }

  /**
   * Loads relationship {@code relationship} with every record read, the destination query refined by
   * {@code refine}: e.g. {@code q -> q.filter(attr("approved").eq(true)).sort(Sort.desc("at")).limit(3)
   * .load("author")} — the limit applies per parent record. Loads run as one statement per relationship and level,
   * whatever the number of parents.
   *
   * @throws InvalidQueryException when the resource has no such relationship
   */
  public Query load(String relationship, UnaryOperator<Query> refine) {
    resource.relationship(relationship).orElseThrow(() -> new InvalidQueryException("resource " + resource.name()
        + " has no relationship '" + relationship + "'", null));
    List<Load> copy = new ArrayList<>();
    loads.stream().filter(l -> !l.relationship().equals(relationship)).forEach(copy::add);
    copy.add(new Load(relationship, refine));
    return new Query(resource, filter, sort, limit, offset, select, distinct, distinctOn, lock, after, before, stable,
        action, contextTable, tenant, tenantValue, List.copyOf(copy), aggregates, calculations);
  }

  /**
   * Computes {@code aggregate} over a relationship for every record read, in the same statement; the value is
   * returned in each row as {@code name} and can be filtered and sorted on with
   * {@link io.ashpg.sql.Exprs#aggregate}{@code (name)}.
   *
   * @throws InvalidQueryException when the name is not a valid identifier or already used by an attribute,
   *                               aggregate or calculation, or the resource has no such relationship
   */
  public Query aggregate(String name, Aggregate aggregate) {
    Objects.requireNonNull(aggregate, "aggregate");
    checkNewName(name, "aggregate");
    relationship(aggregate.relationship(), "aggregate '" + name + "'");
    Map<String, Aggregate> copy = new LinkedHashMap<>(aggregates);
    copy.put(name, aggregate);
    return new Query(resource, filter, sort, limit, offset, select, distinct, distinctOn, lock, after, before, stable,
        action, contextTable, tenant, tenantValue, loads, Collections.unmodifiableMap(copy), calculations);
  }

  /**
   * Computes expression {@code expr} for every record read; the value is returned in each row as {@code name} and
   * can be filtered and sorted on with {@link io.ashpg.sql.Exprs#calc}{@code (name)}. The type it is read back as is
   * inferred from the expression.
   */
  public Query calculate(String name, Expr expr) {
    return calculate(name, null, expr);
  }

  /**
   * Computes expression {@code expr} for every record read, read back as {@code type} (null: inferred).
   *
   * @throws InvalidQueryException when the name is not a valid identifier or already used, or the expression names
   *                               an unknown attribute or relationship
   */
  public Query calculate(String name, io.ashpg.resource.Type type, Expr expr) {
    Objects.requireNonNull(expr, "expr");
    checkNewName(name, "calculation");
    checkAttributes(expr);
    Map<String, Calculation> copy = new LinkedHashMap<>(calculations);
    copy.put(name, new Calculation(expr, type));
    return new Query(resource, filter, sort, limit, offset, select, distinct, distinctOn, lock, after, before, stable,
        action, contextTable, tenant, tenantValue, loads, aggregates, Collections.unmodifiableMap(copy));
  }

  /** The aggregates by name, in the order they were added. */
  public Map<String, Aggregate> aggregates() {
    return aggregates;
  }

  /** The expression calculations by name, in the order they were added. */
  public Map<String, Calculation> calculations() {
    return calculations;
  }

  /** Aggregates and calculations become result columns and share the attributes' name space. */
  private void checkNewName(String name, String what) {
    Objects.requireNonNull(name, what + " name");
    // Names become result column aliases: plain lower-case names only (like Ash's atoms), then quoted anyway.
    if (!NAME.matcher(name).matches()) {
      throw new InvalidQueryException("query of resource " + resource.name() + ": invalid " + what + " name '"
          + name + "'; use lower-case letters, digits and underscores, starting with a letter or underscore", null);
    }
    try {
      Identifier.validate(name, what + " name");
    } catch (IllegalArgumentException e) {
      throw new InvalidQueryException("query of resource " + resource.name() + ": " + e.getMessage(), e);
    }
    if (resource.attribute(name).isPresent() || aggregates.containsKey(name) || calculations.containsKey(name)) {
      throw new InvalidQueryException("query of resource " + resource.name() + ": the " + what + " name '" + name
          + "' is already used by an attribute, aggregate or calculation", null);
    }
  }

  private void relationship(String name, String usedBy) {
    if (resource.relationship(name).isEmpty()) {
      throw new InvalidQueryException("resource " + resource.name() + " has no relationship '" + name + "' (used by "
          + usedBy + ")", null);
    }
  }

  /** The relationships to load. */
  public List<Load> loads() {
    return loads;
  }

  /** The resource. */
  public Resource resource() {
    return resource;
  }

  /** The filter, if any. */
  public Optional<Expr> filter() {
    return Optional.ofNullable(filter);
  }

  /** The sort. */
  public List<Sort> sort() {
    return sort;
  }

  /** The limit, if any. */
  public Optional<Integer> limit() {
    return Optional.ofNullable(limit);
  }

  /** The offset, if any. */
  public Optional<Integer> offset() {
    return Optional.ofNullable(offset);
  }

  /** Selected attributes; empty means all. */
  public List<String> select() {
    return select;
  }

  /** Whether {@code SELECT DISTINCT}. */
  public boolean isDistinct() {
    return distinct;
  }

  /** {@code DISTINCT ON} attributes. */
  public List<String> distinctOn() {
    return distinctOn;
  }

  /** The row lock, if any. */
  public Optional<Lock> lock() {
    return Optional.ofNullable(lock);
  }

  /** The keyset position to read after, if any. */
  public Optional<Cursor> after() {
    return Optional.ofNullable(after);
  }

  /** The keyset position to read before, if any. */
  public Optional<Cursor> before() {
    return Optional.ofNullable(before);
  }

  /** The named read action, if any. */
  public Optional<String> action() {
    return Optional.ofNullable(action);
  }

  /** The context table override, if any. */
  public Optional<String> contextTable() {
    return Optional.ofNullable(contextTable);
  }

  /** The tenant, if any. */
  public Optional<String> tenant() {
    return Optional.ofNullable(tenant);
  }

  /** Whether {@link #stable()} was asked for. */
  public boolean isStable() {
    return stable;
  }

  /** Whether this query pages by keyset. */
  boolean keyset() {
    return after != null || before != null;
  }

  /**
   * The keyset order: the sort (attributes only) followed by any primary key attribute not already in it, so the
   * order is total and a cursor identifies one position.
   */
  List<Sort> keysetSort() {
    List<Sort> keys = new ArrayList<>();
    for (Sort s : sort) {
      if (s.attribute() == null) {
        throw new InvalidQueryException("keyset pagination of resource " + resource.name()
            + " needs sorts on attributes, not expressions", null);
      }
      keys.add(s);
    }
    for (Attribute pk : resource.primaryKey()) {
      if (keys.stream().noneMatch(s -> pk.name().equals(s.attribute()))) {
        keys.add(Sort.asc(pk.name()));
      }
    }
    return keys;
  }

  /** The sort with any primary key attribute not in it appended (nothing is appended to an empty sort). */
  List<Sort> sortWithKey() {
    if (sort.isEmpty()) {
      return sort;
    }
    List<Sort> keys = new ArrayList<>(sort);
    for (Attribute pk : resource.primaryKey()) {
      if (keys.stream().noneMatch(s -> pk.name().equals(s.attribute()))) {
        keys.add(Sort.asc(pk.name()));
      }
    }
    return keys;
  }

  private Attribute attribute(String name) {
    return resource.attribute(name).orElseThrow(() -> new InvalidQueryException(
        "resource " + resource.name() + " has no attribute '" + name + "'", null));
  }

  private void checkAttributes(Expr e) {
    if (e instanceof Expr.Attr a) {
      attribute(a.name());
    } else if (e instanceof Expr.Path p) {
      // Only the first hop is checked here; the destination resources are known to the domain, at render time.
      relationship(p.relationships().get(0), "path " + String.join(".", p.relationships()) + "." + p.attribute());
    } else if (e instanceof Expr.Exists x) {
      relationship(x.relationship(), "exists");
    } else {
      e.operands().forEach(this::checkAttributes);
    }
  }

  /** Checks that every attribute {@code e} mentions exists on {@code resource}. */
  static void checkAttributes(Resource resource, Expr e) {
    of(resource).checkAttributes(e);
  }

  @Override
  public String toString() {
    return "Query[" + resource.name() + (filter == null ? "" : ", filter=" + filter)
        + (sort.isEmpty() ? "" : ", sort=" + sort) + (limit == null ? "" : ", limit=" + limit)
        + (offset == null ? "" : ", offset=" + offset) + "]";
  }
}
