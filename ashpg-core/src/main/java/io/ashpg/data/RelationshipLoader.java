package io.ashpg.data;

import io.ashpg.error.InvalidQueryException;
import io.ashpg.resource.Attribute;
import io.ashpg.resource.HasOne;
import io.ashpg.resource.Relationship;
import io.ashpg.resource.Resource;
import io.ashpg.sql.Sql;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Loads relationships ({@link Query#load}) for rows already read: one statement per relationship and nesting level,
 * however many parents there are. The distinct parent keys go in as one array parameter; each result row carries
 * the key of its parent, and rows are grouped by it in the statement's order. The statement is one flat select when
 * the destination query is the same for every parent, and a lateral subquery per parent key when it counts rows
 * per parent (limit, offset, has_one's first row): see {@link LoadRenderer}. The destination table honours the
 * relationship's context (polymorphic tables) and the parent query's tenant.
 */
final class RelationshipLoader {
  private final DataLayer dl;

  RelationshipLoader(DataLayer dl) {
    this.dl = dl;
  }

  /** {@code parents} (rows of {@code resource}) with every load in {@code loads} attached. */
  List<Row> load(Resource resource, Optional<String> tenant, List<Row> parents, List<Load> loads) {
    List<Row> out = parents;
    for (Load load : loads) {
      out = loadOne(resource, tenant, out, load);
    }
    return out;
  }

  /** {@code q} reading, besides its selected attributes, the source attributes its loads join on. */
  static Query withLoadKeys(Query q) {
    if (q.select().isEmpty() || q.loads().isEmpty()) {
      return q;
    }
    Set<String> names = new LinkedHashSet<>(q.select());
    for (Load l : q.loads()) {
      names.add(q.resource().relationship(l.relationship()).orElseThrow().sourceAttribute());
    }
    return q.select(names.toArray(String[]::new));
  }

  /** The destination query of a load: refined, in the relationship's table and the parent's tenant, prepared. */
  Query destinationQuery(Resource source, Relationship rel, Optional<String> tenant, Load load) {
    Resource dest = dl.domain().destination(source, rel);
    Query q = load.refine().apply(Query.of(dest));
    if (q.resource() != dest) {
      throw new InvalidQueryException("the load of " + source.name() + "." + rel.name() + " must refine a query of "
          + dest.name() + ", not of " + q.resource().name(), null);
    }
    if (q.contextTable().isEmpty() && rel.contextTable().isPresent()) {
      q = q.contextTable(rel.contextTable().get());
    }
    if (q.tenant().isEmpty() && tenant.isPresent() && dest.multitenancy().isPresent()) {
      // the data layer's tenant value maps to the destination by its own strategy (prepare does that)
      if (dl.tenantScope() == null || !dl.tenantScope().of(source).equals(tenant)) {
        q = q.tenant(tenant.get());
      }
    }
    return dl.prepare(q);
  }

  /**
   * A load's statement and its destination query.
   *
   * @param query   the destination query as read (has_one limited to one row)
   * @param model   the destination table
   * @param columns the layout of the destination columns; the parent key follows them
   * @param sql     the statement
   */
  private record Statement(Query query, Model model, Columns columns, Sql sql) {}

  private Statement statement(Resource source, Relationship rel, Attribute sourceAttribute, Optional<String> tenant,
                              Load load, Collection<Object> keys) {
    Query destination = withLoadKeys(destinationQuery(source, rel, tenant, load));
    Query q = rel instanceof HasOne && destination.limit().isEmpty() ? destination.limit(1) : destination;
    Model m = dl.model(q.resource(), q.tenant(), q.contextTable());
    Columns columns = DataLayer.render(() -> QueryRenderer.columns(m, q));
    Sql sql = DataLayer.render(() -> LoadRenderer.render(dl, source, rel, sourceAttribute, q, m, columns, keys));
    return new Statement(q, m, columns, sql);
  }

  /** The statement loading {@code load} of {@code source} for parents with these keys (for rendering tests). */
  Sql sql(Resource source, Optional<String> tenant, Load load, List<Object> keys) {
    Relationship rel = source.relationship(load.relationship()).orElseThrow();
    return statement(source, rel, sourceAttribute(source, rel), tenant, load, keys).sql();
  }

  private static Attribute sourceAttribute(Resource source, Relationship rel) {
    return source.attribute(rel.sourceAttribute()).orElseThrow(() -> new InvalidQueryException(
        "relationship " + source.name() + "." + rel.name() + " joins on '" + rel.sourceAttribute()
            + "', which is not an attribute of " + source.name(), null));
  }

  private List<Row> loadOne(Resource source, Optional<String> tenant, List<Row> parents, Load load) {
    Relationship rel = source.relationship(load.relationship()).orElseThrow();
    Attribute sourceAttribute = sourceAttribute(source, rel);
    Set<Object> keys = new LinkedHashSet<>();
    for (Row p : parents) {
      Object v = p.get(sourceAttribute.name());
      if (v != null) {
        keys.add(v);
      }
    }
    Map<Object, List<Row>> byKey = keys.isEmpty() ? Map.of() : fetch(source, rel, sourceAttribute, tenant, load, keys);
    List<Row> out = new ArrayList<>(parents.size());
    for (Row p : parents) {
      List<Row> related = byKey.getOrDefault(p.get(sourceAttribute.name()), List.of());
      out.add(p.withLoaded(rel.name(), rel.toMany() ? related : related.isEmpty() ? null : related.get(0)));
    }
    return out;
  }

  private Map<Object, List<Row>> fetch(Resource source, Relationship rel, Attribute sourceAttribute,
                                       Optional<String> tenant, Load load, Set<Object> keys) {
    Statement st = statement(source, rel, sourceAttribute, tenant, load, keys);
    Sql sql = st.sql();
    Columns columns = st.columns();
    Values.Decoder keyDecoder = Values.decoder(sourceAttribute.type());
    List<Row> rows = new ArrayList<>();
    List<Object> rowKeys = new ArrayList<>();
    dl.read("load of " + source.name() + "." + rel.name(), StatementContext.of("load", st.query()), st.model(),
        false, statements -> statements.query(sql, (ResultSet rs) -> {
          while (rs.next()) {
            rows.add(columns.read(rs));
            rowKeys.add(keyDecoder.read(rs, columns.size() + 1));
          }
          return new Statements.Counted(rows.size());
        }));
    Query q = st.query();
    List<Row> loaded = q.loads().isEmpty() ? rows : load(q.resource(), q.tenant(), rows, q.loads());
    // Grouping keeps the statement's order within each parent: the destination sort, per parent.
    Map<Object, List<Row>> byKey = new HashMap<>();
    for (int i = 0; i < loaded.size(); i++) {
      byKey.computeIfAbsent(rowKeys.get(i), k -> new ArrayList<>()).add(loaded.get(i));
    }
    return byKey;
  }
}
