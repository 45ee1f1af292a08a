package io.ashpg.data;

import io.ashpg.resource.Attribute;
import io.ashpg.sql.Expr;
import io.ashpg.sql.ExprRenderer;
import io.ashpg.sql.Sql;
import io.ashpg.sql.SqlBuilder;
import io.ashpg.sql.SqlValues;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Renders INSERT (with ON CONFLICT), UPDATE and DELETE statements; all tables aliased {@code t0}. */
final class WriteRenderer {
  private static final String ALIAS = QueryRenderer.ALIAS;

  private WriteRenderer() {}

  /** {@code INSERT INTO t AS t0 ("a", …) VALUES (?, …) [ON CONFLICT …] RETURNING …}. */
  static Sql insert(Model m, List<Attribute> columns, List<Object> values, Upsert upsert, Columns returning) {
    SqlBuilder b = new SqlBuilder();
    insertHead(b, m, columns);
    b.append(" VALUES (");
    for (int i = 0; i < columns.size(); i++) {
      if (i > 0) {
        b.append(", ");
      }
      value(b, m, columns.get(i), values.get(i));
    }
    b.append(')');
    onConflict(b, m, upsert);
    if (upsert != null) {
      returningWithOutcome(b, m, returning);
    } else {
      returning(b, m, returning);
    }
    return b.build();
  }

  static void insertHead(SqlBuilder b, Model m, List<Attribute> columns) {
    b.append("INSERT INTO ").append(m.qualifiedTable).append(" AS ").append(ALIAS).append(" (");
    for (int i = 0; i < columns.size(); i++) {
      if (i > 0) {
        b.append(", ");
      }
      b.append(m.column(columns.get(i).name()));
    }
    b.append(')');
    if (columns.isEmpty()) {
      throw new IllegalStateException("insert without columns");
    }
  }

  /** A value for a column: an expression rendered in SQL, or a bind parameter converted by attribute type. */
  static void value(SqlBuilder b, Model m, Attribute a, Object v) {
    if (v instanceof Expr e) {
      ExprRenderer.render(e, b, m.context(ALIAS), a.type());
      return;
    }
    Object jdbc;
    try {
      jdbc = SqlValues.toJdbc(v, a.type());
    } catch (IllegalArgumentException e) {
      throw new io.ashpg.error.InvalidQueryException("resource " + m.name() + ", attribute '" + a.name() + "': "
          + e.getMessage(), e);
    }
    b.bind(jdbc, m.castFor(a));
  }

  static void onConflict(SqlBuilder b, Model m, Upsert upsert) {
    if (upsert == null) {
      return;
    }
    b.append(" ON CONFLICT (").append(String.join(", ", upsert.target())).append(')');
    if (upsert.where() != null) {
      b.append(" WHERE ").append(upsert.where());
    }
    b.append(" DO UPDATE SET ");
    if (upsert.set().isEmpty()) {
      // Nothing to overwrite, but RETURNING must still yield the existing row, which DO NOTHING would not.
      String pk = m.column(m.primaryKey.get(0).name());
      b.append(pk).append(" = ").append(ALIAS).append('.').append(pk);
    } else {
      for (int i = 0; i < upsert.set().size(); i++) {
        if (i > 0) {
          b.append(", ");
        }
        String column = m.column(upsert.set().get(i));
        b.append(column).append(" = EXCLUDED.").append(column);
      }
    }
    if (upsert.condition() != null) {
      // the existing row is t0, the proposed one EXCLUDED; a row whose condition fails is neither updated nor returned
      b.append(" WHERE ");
      ExprRenderer.render(upsert.condition(), b, new ConflictContext(m.context(ALIAS)), io.ashpg.resource.Type.BOOLEAN);
    }
  }

  /** Expressions of an upsert condition: attributes of the existing row, {@code EXCLUDED} for proposed values. */
  private record ConflictContext(io.ashpg.sql.RenderContext row) implements io.ashpg.sql.RenderContext {
    @Override
    public String column(String attribute) {
      return row.column(attribute);
    }

    @Override
    public io.ashpg.resource.Type type(String attribute) {
      return row.type(attribute);
    }

    @Override
    public boolean extensionInstalled(String extension) {
      return row.extensionInstalled(extension);
    }

    @Override
    public String describe() {
      return "the upsert condition of " + row.describe();
    }

    @Override
    public Related related(String relationship) {
      return row.related(relationship);
    }

    @Override
    public String excluded(String attribute) {
      // column() validates the attribute and gives t0."col"; EXCLUDED takes the bare quoted column
      String qualified = row.column(attribute);
      return "EXCLUDED." + qualified.substring(qualified.indexOf('.') + 1);
    }
  }

  /**
   * {@code RETURNING …, (t0.xmax = 0)}: the returned columns (none when {@code returning} is null) and whether the
   * row was inserted. A row an {@code INSERT … ON CONFLICT DO UPDATE} inserted has no deleting transaction
   * ({@code xmax} 0); one it updated carries the updating transaction's id there.
   */
  static void returningWithOutcome(SqlBuilder b, Model m, Columns returning) {
    b.append(" RETURNING ");
    if (returning != null) {
      QueryRenderer.selectList(b, m, returning);
      b.append(", ");
    }
    b.append("(").append(ALIAS).append(".xmax = 0)");
  }

  static void returning(SqlBuilder b, Model m, Columns returning) {
    if (returning == null) {
      return;
    }
    b.append(" RETURNING ");
    QueryRenderer.selectList(b, m, returning);
  }

  /** {@code UPDATE t AS t0 SET … WHERE t0.pk = ? AND (<base>) AND <filter> RETURNING …}. */
  static Sql update(Model m, Map<String, Object> values, Map<String, Object> key, Expr filter, Columns returning) {
    SqlBuilder b = new SqlBuilder();
    b.append("UPDATE ").append(m.qualifiedTable).append(" AS ").append(ALIAS);
    set(b, m, values);
    QueryRenderer.where(b, m, keyConditions(key, filter));
    returning(b, m, returning);
    return b.build();
  }

  /** {@code DELETE FROM t AS t0 WHERE t0.pk = ? AND (<base>) AND <filter> RETURNING …}. */
  static Sql delete(Model m, Map<String, Object> key, Expr filter, Columns returning) {
    SqlBuilder b = new SqlBuilder();
    b.append("DELETE FROM ").append(m.qualifiedTable).append(" AS ").append(ALIAS);
    QueryRenderer.where(b, m, keyConditions(key, filter));
    returning(b, m, returning);
    return b.build();
  }

  /** Update of every row {@code q} matches (see {@link #queryCondition}). */
  static Sql updateQuery(Model m, Query q, Map<String, Object> values, Columns returning) {
    SqlBuilder b = new SqlBuilder();
    b.append("UPDATE ").append(m.qualifiedTable).append(" AS ").append(ALIAS);
    set(b, m, values);
    queryCondition(b, m, q);
    returning(b, m, returning);
    return b.build();
  }

  /** Delete of every row {@code q} matches. */
  static Sql deleteQuery(Model m, Query q, Columns returning) {
    SqlBuilder b = new SqlBuilder();
    b.append("DELETE FROM ").append(m.qualifiedTable).append(" AS ").append(ALIAS);
    queryCondition(b, m, q);
    returning(b, m, returning);
    return b.build();
  }

  /**
   * A plain WHERE when the query only filters; with limit, offset, distinct, keyset or a lock the rows are chosen by
   * a primary-key subquery ({@code WHERE (t0.pk) IN (SELECT …)}) so those clauses keep their meaning; so are the
   * rows of a query whose filter uses aggregates (their lateral joins live in a SELECT).
   */
  private static void queryCondition(SqlBuilder b, Model m, Query q) {
    boolean plain = q.limit().isEmpty() && q.offset().isEmpty() && !q.isDistinct() && q.distinctOn().isEmpty()
        && !q.keyset() && q.lock().isEmpty() && q.aggregates().isEmpty();
    if (plain) {
      QueryRenderer.where(b, m, q);
      return;
    }
    if (m.primaryKey.isEmpty()) {
      throw new io.ashpg.error.InvalidQueryException("resource " + m.name()
          + " has no primary key, so a bulk write cannot use limit, offset, distinct, keyset or locks", null);
    }
    b.append(" WHERE (");
    for (int i = 0; i < m.primaryKey.size(); i++) {
      if (i > 0) {
        b.append(", ");
      }
      b.append(m.column(ALIAS, m.primaryKey.get(i).name()));
    }
    b.append(") IN (");
    QueryRenderer.keySubquery(b, m, q);
    b.append(')');
  }

  private static void set(SqlBuilder b, Model m, Map<String, Object> values) {
    b.append(" SET ");
    boolean first = true;
    for (Map.Entry<String, Object> e : values.entrySet()) {
      if (!first) {
        b.append(", ");
      }
      first = false;
      Attribute a = m.attribute(e.getKey());
      b.append(m.column(a.name())).append(" = ");
      value(b, m, a, e.getValue());
    }
  }

  private static List<Expr> keyConditions(Map<String, Object> key, Expr filter) {
    List<Expr> conditions = new ArrayList<>();
    for (Map.Entry<String, Object> e : key.entrySet()) {
      conditions.add(new Expr.Attr(e.getKey()).eq(e.getValue()));
    }
    if (filter != null) {
      conditions.add(filter);
    }
    return conditions;
  }
}
