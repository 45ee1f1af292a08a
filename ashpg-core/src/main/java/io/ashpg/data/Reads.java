package io.ashpg.data;

import io.ashpg.error.InvalidQueryException;
import io.ashpg.resource.Attribute;
import io.ashpg.resource.Resource;
import io.ashpg.sql.Expr;
import io.ashpg.sql.Sql;
import io.ashpg.sql.SqlValues;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/** The reads of {@link DataLayer}: queries (to rows or records), combinations, first, get by id and count. */
final class Reads {
  private final DataLayer dl;

  Reads(DataLayer dl) {
    this.dl = dl;
  }

  List<Row> read(Query query) {
    return readRows(RelationshipLoader.withLoadKeys(dl.prepare(query)));
  }

  /** {@link #read(Query)} of a query already prepared and given its load keys. */
  private List<Row> readRows(Query q) {
    List<Row> rows = select(q, columns -> columns::readAll);
    if (!q.loads().isEmpty() && !rows.isEmpty()) {
      rows = new RelationshipLoader(dl).load(q.resource(), q.tenant(), rows, q.loads());
    }
    return Collections.unmodifiableList(rows);
  }

  List<Row> read(Combination combination) {
    QueryRenderer.Select s = renderCombination(combination);
    Query first = dl.prepare(combination.parts().get(0).query());
    Model m = dl.model(first.resource(), first.tenant(), first.contextTable());
    boolean locks = combination.parts().stream().anyMatch(p -> p.query().lock().isPresent());
    return Collections.unmodifiableList(dl.read("combination read of " + m.name(),
        StatementContext.of("read", first), m, locks, st -> st.query(s.sql(), s.columns())));
  }

  Sql toSql(Combination combination) {
    return renderCombination(combination).sql();
  }

  private QueryRenderer.Select renderCombination(Combination combination) {
    List<Query> parts = new ArrayList<>();
    List<Model> models = new ArrayList<>();
    for (Combination.Part p : combination.parts()) {
      Query q = dl.prepare(p.query());
      parts.add(q);
      models.add(dl.model(q.resource(), q.tenant(), q.contextTable()));
    }
    return DataLayer.render(() -> QueryRenderer.combination(models, parts, combination));
  }

  <R extends Record> List<R> read(Query query, Class<R> type) {
    Query q = RelationshipLoader.withLoadKeys(dl.prepare(query));
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
    Model m = dl.model(q.resource(), q.tenant(), q.contextTable());
    QueryRenderer.Select s = DataLayer.render(() -> QueryRenderer.select(m, q));
    Jdbc.Reader<List<T>> reader = readerFor.apply(s.columns());
    List<T> out = dl.read(m.readDescription, StatementContext.of("read", q), m, q.lock().isPresent(),
        st -> st.query(s.sql(), reader));
    if (s.reverse()) {
      Collections.reverse(out);
    }
    return out;
  }

  Optional<Row> first(Query query) {
    List<Row> rows = read(query.limit(1));
    return rows.isEmpty() ? Optional.empty() : Optional.of(rows.get(0));
  }

  Optional<Row> get(Resource resource, Object id) {
    List<Attribute> pk = resource.primaryKey();
    if (pk.size() != 1) {
      throw new InvalidQueryException("get(...) needs a single-attribute primary key; resource " + resource.name()
          + " has " + pk.stream().map(Attribute::name).toList(), null);
    }
    Attribute key = pk.get(0);
    if (id == null || id instanceof Expr || resource.multitenancy().isPresent()) {
      // IS NULL, an expression or a tenant condition change the text: render as any query
      return first(byKey(resource, key, id));
    }
    // The text is the same for every id (a bind of the key's type), so render it once per model; a lookup then
    // costs what hand-written JDBC costs plus converting the id. No LIMIT: the key is unique, and a Limit node is
    // server work on every execution.
    Model m = dl.model(resource, Optional.empty(), Optional.empty());
    String text = m.getText;
    Sql sql;
    if (text == null) {
      sql = DataLayer.render(() -> QueryRenderer.select(m, byKey(resource, key, id))).sql();
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
    List<Row> rows = dl.read(m.readDescription, StatementContext.of("read", resource, Optional.empty()), m, false,
        st -> st.query(sql, m.allColumns));
    return rows.isEmpty() ? Optional.empty() : Optional.of(rows.get(0));
  }

  private static Query byKey(Resource resource, Attribute key, Object id) {
    return Query.of(resource).filter(new Expr.Attr(key.name()).eq(id));
  }

  long count(Query query) {
    Query q = dl.prepare(query);
    Model m = dl.model(q.resource(), q.tenant(), q.contextTable());
    Sql sql = DataLayer.render(() -> QueryRenderer.count(m, q));
    return dl.read("count of " + m.name(), StatementContext.of("count", q), m, false, st -> st.queryLong(sql));
  }

  Sql toSql(Query query) {
    Query q = dl.prepare(query);
    Model m = dl.model(q.resource(), q.tenant(), q.contextTable());
    return DataLayer.render(() -> QueryRenderer.select(m, q)).sql();
  }
}
