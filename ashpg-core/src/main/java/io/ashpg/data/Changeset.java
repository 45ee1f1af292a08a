package io.ashpg.data;

import io.ashpg.error.InvalidQueryException;
import io.ashpg.resource.Action;
import io.ashpg.resource.Attribute;
import io.ashpg.resource.Resource;
import io.ashpg.sql.Expr;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * An immutable description of one write: a create, an update or a destroy of one record of a resource. Every method
 * returns a new changeset; attribute names are checked as it is built.
 *
 * <pre>{@code
 * Row post = dl.create(Changeset.create(POST).set("title", "Hello"));
 * dl.update(Changeset.update(POST, post).set("title", "Hi").filter(attr("version").eq(3)));
 * dl.update(Changeset.update(POST, post).set("views", attr("views").plus(1)));   // atomic
 * }</pre>
 *
 * <p>Values may be plain Java values (converted by attribute type) or, for updates, {@link Expr}essions evaluated by
 * the database.
 */
public final class Changeset {

  /** The kind of write. */
  public enum Kind {
    /** Insert one record. */
    CREATE,
    /** Update one record by primary key. */
    UPDATE,
    /** Delete one record by primary key. */
    DESTROY
  }

  private final Kind kind;
  private final Resource resource;
  private final Map<String, Object> values;
  private final Map<String, Object> primaryKey;
  private final Expr filter;
  private final List<String> select;
  private final String tenant;
  private final String contextTable;
  /** The action named with {@link #action}, or null. */
  private final String action;

  private Changeset(Kind kind, Resource resource, Map<String, Object> values, Map<String, Object> primaryKey,
                    Expr filter, List<String> select, String tenant, String contextTable, String action) {
    this.kind = kind;
    this.resource = resource;
    this.values = values;
    this.primaryKey = primaryKey;
    this.filter = filter;
    this.select = select;
    this.tenant = tenant;
    this.contextTable = contextTable;
    this.action = action;
  }

  /** A create of {@code resource}. */
  public static Changeset create(Resource resource) {
    return new Changeset(Kind.CREATE, Objects.requireNonNull(resource, "resource"), Map.of(), Map.of(), null,
        List.of(), null, null, null);
  }

  /** An update of the record {@code row} (its primary key is taken from the row). */
  public static Changeset update(Resource resource, Row row) {
    return new Changeset(Kind.UPDATE, resource, Map.of(), keyOf(resource, row), null, List.of(), null, null, null);
  }

  /** An update of the record with primary key {@code primaryKey} (attribute → value). */
  public static Changeset update(Resource resource, Map<String, ?> primaryKey) {
    return new Changeset(Kind.UPDATE, resource, Map.of(), keyOf(resource, primaryKey), null, List.of(), null, null,
        null);
  }

  /** An update of the record whose single-attribute primary key is {@code id}. */
  public static Changeset update(Resource resource, Object id) {
    return update(resource, singleKey(resource, id));
  }

  /** A destroy of the record {@code row}. */
  public static Changeset destroy(Resource resource, Row row) {
    return new Changeset(Kind.DESTROY, resource, Map.of(), keyOf(resource, row), null, List.of(), null, null, null);
  }

  /** A destroy of the record with primary key {@code primaryKey}. */
  public static Changeset destroy(Resource resource, Map<String, ?> primaryKey) {
    return new Changeset(Kind.DESTROY, resource, Map.of(), keyOf(resource, primaryKey), null, List.of(), null, null,
        null);
  }

  /** A destroy of the record whose single-attribute primary key is {@code id}. */
  public static Changeset destroy(Resource resource, Object id) {
    return destroy(resource, singleKey(resource, id));
  }

  /**
   * Sets a writable attribute.
   *
   * @throws InvalidQueryException for an unknown or non-writable attribute, or on a destroy
   */
  public Changeset set(String attribute, Object value) {
    Attribute a = attribute(attribute);
    if (!a.writable()) {
      throw new InvalidQueryException("attribute '" + attribute + "' of resource " + resource.name()
          + " is not writable; use force(...) to set it anyway", null);
    }
    return force(attribute, value);
  }

  /** Sets every entry of {@code values} like {@link #set}. */
  public Changeset setAll(Map<String, ?> values) {
    Changeset c = this;
    for (Map.Entry<String, ?> e : values.entrySet()) {
      c = c.set(e.getKey(), e.getValue());
    }
    return c;
  }

  /** Sets an attribute even if it is not writable (Ash's {@code force_change_attribute}). */
  public Changeset force(String attribute, Object value) {
    attribute(attribute);
    if (kind == Kind.DESTROY) {
      throw new InvalidQueryException("a destroy of " + resource.name() + " sets no attributes", null);
    }
    if (value instanceof Expr e) {
      Query.checkAttributes(resource, e);
    }
    Map<String, Object> copy = new LinkedHashMap<>(values);
    copy.put(attribute, value);
    return new Changeset(kind, resource, Collections.unmodifiableMap(copy), primaryKey, filter, select, tenant,
        contextTable, action);
  }

  /**
   * Adds a condition the record must still meet (optimistic locking); for an update or destroy that finds no
   * matching row the data layer throws {@link io.ashpg.error.StaleRecordException}.
   */
  public Changeset filter(Expr condition) {
    Objects.requireNonNull(condition, "condition");
    Query.checkAttributes(resource, condition);
    Expr combined = filter == null ? condition : new Expr.And(List.of(filter, condition));
    return new Changeset(kind, resource, values, primaryKey, combined, select, tenant, contextTable, action);
  }

  /** Returns only these attributes (plus the primary key). */
  public Changeset select(String... attributes) {
    List<String> names = List.of(attributes);
    names.forEach(this::attribute);
    return new Changeset(kind, resource, values, primaryKey, filter, names, tenant, contextTable, action);
  }

  /** The tenant (schema) for a context-multitenant resource. */
  public Changeset tenant(String tenant) {
    return new Changeset(kind, resource, values, primaryKey, filter, select, Objects.requireNonNull(tenant),
        contextTable, action);
  }

  /** Writes to {@code table} instead of the resource's table (polymorphic resources). */
  public Changeset contextTable(String table) {
    return new Changeset(kind, resource, values, primaryKey, filter, select, tenant, Objects.requireNonNull(table),
        action);
  }

  /**
   * Runs this write as the named action of the resource: the action must exist and be of this changeset's kind
   * (create, update or destroy); the table its {@code set_context} names ({@code data_layer.table}) becomes the
   * context table unless {@link #contextTable} already set one — how a polymorphic resource's actions pick their
   * table.
   */
  public Changeset action(String actionName) {
    Action action = resource.action(actionName).orElseThrow(() -> new InvalidQueryException(
        "resource " + resource.name() + " has no action '" + actionName + "'", null));
    if (!action.type().name().equals(kind.name())) {
      throw new InvalidQueryException("action '" + actionName + "' of resource " + resource.name() + " is a "
          + action.type().defaultName() + " action; this changeset is a " + kind.name().toLowerCase(Locale.ROOT),
          null);
    }
    String table = contextTable != null ? contextTable : action.contextTable().orElse(null);
    return new Changeset(kind, resource, values, primaryKey, filter, select, tenant, table, actionName);
  }

  /** The action named with {@link #action}, if any (reported to statement listeners). */
  public Optional<String> actionName() {
    return Optional.ofNullable(action);
  }

  /** The kind. */
  public Kind kind() {
    return kind;
  }

  /** The resource. */
  public Resource resource() {
    return resource;
  }

  /** Attribute values set so far, in the order they were set. */
  public Map<String, Object> values() {
    return values;
  }

  /** The primary key of the record updated or destroyed (empty for a create). */
  public Map<String, Object> primaryKey() {
    return primaryKey;
  }

  /** The optimistic-lock filter, if any. */
  public Optional<Expr> filter() {
    return Optional.ofNullable(filter);
  }

  /** Attributes returned; empty means all. */
  public List<String> select() {
    return select;
  }

  /** The tenant, if any. */
  public Optional<String> tenant() {
    return Optional.ofNullable(tenant);
  }

  /** The context table, if any. */
  public Optional<String> contextTable() {
    return Optional.ofNullable(contextTable);
  }

  private Attribute attribute(String name) {
    return resource.attribute(name).orElseThrow(() -> new InvalidQueryException(
        "resource " + resource.name() + " has no attribute '" + name + "'", null));
  }

  private static Map<String, Object> keyOf(Resource resource, Row row) {
    Map<String, Object> key = new LinkedHashMap<>();
    for (Attribute a : requirePrimaryKey(resource)) {
      if (!row.has(a.name())) {
        throw new InvalidQueryException("the row has no primary key attribute '" + a.name() + "' of resource "
            + resource.name(), null);
      }
      key.put(a.name(), row.get(a.name()));
    }
    return Collections.unmodifiableMap(key);
  }

  private static Map<String, Object> keyOf(Resource resource, Map<String, ?> given) {
    Map<String, Object> key = new LinkedHashMap<>();
    for (Attribute a : requirePrimaryKey(resource)) {
      Object v = given.get(a.name());
      if (v == null) {
        throw new InvalidQueryException("primary key attribute '" + a.name() + "' of resource " + resource.name()
            + " is missing", null);
      }
      key.put(a.name(), v);
    }
    if (given.size() != key.size()) {
      throw new InvalidQueryException("primary key of resource " + resource.name() + " is " + key.keySet()
          + ", got " + given.keySet(), null);
    }
    return Collections.unmodifiableMap(key);
  }

  private static Map<String, Object> singleKey(Resource resource, Object id) {
    List<Attribute> pk = requirePrimaryKey(resource);
    if (pk.size() != 1) {
      throw new InvalidQueryException("resource " + resource.name() + " has a composite primary key "
          + pk.stream().map(Attribute::name).toList() + "; pass a map", null);
    }
    Map<String, Object> key = new LinkedHashMap<>();
    key.put(pk.get(0).name(), Objects.requireNonNull(id, "id"));
    return key;
  }

  private static List<Attribute> requirePrimaryKey(Resource resource) {
    List<Attribute> pk = resource.primaryKey();
    if (pk.isEmpty()) {
      throw new InvalidQueryException("resource " + resource.name()
          + " has no primary key; single-record updates and destroys need one (use bulk update/destroy by query)",
          null);
    }
    return pk;
  }

  @Override
  public String toString() {
    return "Changeset[" + kind + " " + resource.name() + ", set " + values.keySet() + "]";
  }
}
