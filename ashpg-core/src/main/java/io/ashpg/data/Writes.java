package io.ashpg.data;

import io.ashpg.error.ConstraintErrorMapper.Operation;
import io.ashpg.error.InvalidQueryException;
import io.ashpg.error.StaleRecordException;
import io.ashpg.resource.Attribute;
import io.ashpg.resource.AttributeDefault;
import io.ashpg.resource.ManageTenant;
import io.ashpg.resource.Resource;
import io.ashpg.sql.Expr;
import io.ashpg.sql.Sql;
import io.ashpg.sql.SqlBuilder;
import io.ashpg.sql.SqlValues;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The single-record writes of {@link DataLayer}: create, update and destroy by primary key. */
final class Writes {
  private final DataLayer dl;

  Writes(DataLayer dl) {
    this.dl = dl;
  }

  /**
   * The shape of a single-row insert: same model, columns, conflict handling and returned columns give the same SQL
   * text, so it is rendered once and only the binds are computed per call.
   */
  record InsertShape(Model model, List<Attribute> columns, Upsert upsert, Columns returning) {}

  /** Columns and values of one insert. */
  record Insert(List<Attribute> columns, List<Object> values, Map<String, Object> byName) {}

  Row create(Changeset changeset) {
    DataLayer.requireKind(changeset, Changeset.Kind.CREATE, "create");
    Changeset cs = TenantScope.scope(changeset, dl.tenantScope());
    if (cs.resource().postgres().manageTenant().filter(ManageTenant::create).isPresent()) {
      return dl.owners().create(cs);
    }
    return insert(cs);
  }

  /** Inserts a scoped create changeset. */
  Row insert(Changeset changeset) {
    Model m = dl.model(changeset.resource(), changeset.tenant(), changeset.contextTable());
    Insert insert = insertValues(m, changeset, dl.config().clock().instant());
    Columns returning = m.columns(withTemplateAttributes(changeset.resource(), changeset.select()));
    Sql sql = DataLayer.render(() -> insertSql(m, insert, null, returning));
    return dl.run("create of " + m.name(), context("create", changeset), m, Operation.CREATE, insert.byName(), false,
        st -> st.query(sql, returning)).get(0);
  }

  static StatementContext context(String operation, Changeset changeset) {
    return StatementContext.of(operation, changeset.resource(), changeset.tenant());
  }

  Row update(Changeset changeset) {
    DataLayer.requireKind(changeset, Changeset.Kind.UPDATE, "update");
    Changeset cs = TenantScope.scope(changeset, dl.tenantScope());
    ManageTenant mt = cs.resource().postgres().manageTenant().filter(ManageTenant::update).orElse(null);
    if (mt != null && mt.templateAttributes().stream().anyMatch(cs.values()::containsKey)) {
      return dl.transaction(tx -> tx.owners().update(cs));
    }
    return updateRow(cs);
  }

  /** Updates a scoped update changeset's row. */
  Row updateRow(Changeset changeset) {
    Model m = dl.model(changeset.resource(), changeset.tenant(), changeset.contextTable());
    Map<String, Object> values = new LinkedHashMap<>(changeset.values());
    addUpdateDefaults(m, values, dl.config().clock().instant());
    Columns returning = m.columns(withTemplateAttributes(changeset.resource(), changeset.select()));
    Expr filter = changeset.filter().orElse(null);
    Sql sql;
    if (values.isEmpty()) {
      sql = DataLayer.render(() -> {
        SqlBuilder b = new SqlBuilder().append("SELECT ");
        QueryRenderer.selectList(b, m, returning);
        b.append(" FROM ").append(m.qualifiedTable).append(" AS ").append(QueryRenderer.ALIAS);
        List<Expr> conditions = new ArrayList<>();
        changeset.primaryKey().forEach((k, v) -> conditions.add(new Expr.Attr(k).eq(v)));
        if (filter != null) {
          conditions.add(filter);
        }
        QueryRenderer.where(b, m, conditions);
        return b.build();
      });
    } else {
      sql = DataLayer.render(() -> WriteRenderer.update(m, values, changeset.primaryKey(), filter, returning));
    }
    List<Row> rows = dl.run("update of " + m.name(), context("update", changeset), m, Operation.UPDATE, values,
        false, st -> st.query(sql, returning));
    if (rows.isEmpty()) {
      throw stale(m, changeset);
    }
    return rows.get(0);
  }

  Row destroy(Changeset changeset) {
    DataLayer.requireKind(changeset, Changeset.Kind.DESTROY, "destroy");
    return destroyRow(TenantScope.scope(changeset, dl.tenantScope()));
  }

  /** Deletes a scoped destroy changeset's row. */
  Row destroyRow(Changeset changeset) {
    Model m = dl.model(changeset.resource(), changeset.tenant(), changeset.contextTable());
    Columns returning = m.columns(changeset.select());
    Sql sql = DataLayer.render(() -> WriteRenderer.delete(m, changeset.primaryKey(), changeset.filter().orElse(null),
        returning));
    List<Row> rows = dl.run("destroy of " + m.name(), context("destroy", changeset), m, Operation.DESTROY,
        changeset.primaryKey(), false, st -> st.query(sql, returning));
    if (rows.isEmpty()) {
      throw stale(m, changeset);
    }
    return rows.get(0);
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

  /**
   * The insert statement, its text taken from the shape cache when no value is an expression and there is no upsert
   * condition (whose values are binds of their own).
   */
  Sql insertSql(Model m, Insert insert, Upsert upsert, Columns returning) {
    if (insert.values().stream().anyMatch(v -> v instanceof Expr)
        || (upsert != null && upsert.condition() != null)) {
      return WriteRenderer.insert(m, insert.columns(), insert.values(), upsert, returning);
    }
    Map<InsertShape, String> texts = dl.config().insertTexts();
    InsertShape shape = new InsertShape(m, insert.columns(), upsert, returning);
    String text = texts.get(shape);
    if (text == null) {
      Sql sql = WriteRenderer.insert(m, insert.columns(), insert.values(), upsert, returning);
      if (texts.size() < 10_000) {
        texts.put(shape, sql.text());
      }
      return sql;
    }
    List<Object> binds = new ArrayList<>(insert.values().size());
    for (int i = 0; i < insert.values().size(); i++) {
      Attribute a = insert.columns().get(i);
      try {
        binds.add(SqlValues.toJdbc(insert.values().get(i), a.type()));
      } catch (IllegalArgumentException e) {
        throw new InvalidQueryException("resource " + m.name() + ", attribute '" + a.name() + "': "
            + e.getMessage(), e);
      }
    }
    return new Sql(text, binds);
  }

  static Insert insertValues(Model m, Changeset changeset, Instant now) {
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

  static void addUpdateDefaults(Model m, Map<String, Object> values, Instant now) {
    for (Attribute a : m.attributes) {
      Optional<AttributeDefault> d = a.updateDefault();
      if (!values.containsKey(a.name()) && d.isPresent() && Defaults.inJava(d.get())) {
        values.put(a.name(), Defaults.value(a, d.get(), now));
      }
    }
  }

  private static StaleRecordException stale(Model m, Changeset changeset) {
    return new StaleRecordException(m.name(), "no row of " + m.target + " with primary key " + changeset.primaryKey()
        + (changeset.filter().isPresent() ? " matching the changeset filter" : "")
        + (m.baseFilter != null ? " and the base filter" : "") + " (it was deleted or changed concurrently)");
  }
}
