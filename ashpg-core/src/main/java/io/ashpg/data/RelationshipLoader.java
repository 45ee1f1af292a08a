package io.ashpg.data;

import io.ashpg.error.InvalidQueryException;
import io.ashpg.resource.Attribute;
import io.ashpg.resource.HasOne;
import io.ashpg.resource.ManyToMany;
import io.ashpg.resource.Relationship;
import io.ashpg.resource.Resource;
import io.ashpg.sql.Expr;
import io.ashpg.sql.Identifier;
import io.ashpg.sql.PgTypes;
import io.ashpg.sql.Sql;
import io.ashpg.sql.SqlBuilder;
import io.ashpg.sql.SqlValues;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Loads relationships ({@link Query#load}) for rows already read: one statement per relationship and nesting level,
 * however many parents there are. The distinct parent keys go in as one array parameter, and each key gets its own
 * lateral subquery, so the destination query's filter, sort and limit apply per parent:
 *
 * <pre>{@code
 * SELECT s."id", s."text", …, lk.k FROM unnest(?::uuid[]) AS lk(k)
 *   CROSS JOIN LATERAL (SELECT t0."id", … FROM "public"."comments" AS t0
 *                       WHERE t0."post_id" = lk.k AND <filter> ORDER BY … LIMIT ?) AS s
 * }</pre>
 *
 * <p>Many-to-many destinations are matched through the join table with
 * {@code EXISTS (SELECT 1 FROM join AS j1 WHERE j1.dst = t0.key AND j1.src = lk.k)}. The destination table honours
 * the relationship's context (polymorphic tables) and the parent query's tenant.
 */
final class RelationshipLoader {
  /** The lateral key: a constant column reference, trusted SQL (no user input). */
  private static final Expr KEY = new Expr.Fragment("lk.k", List.of());

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
      q = q.tenant(tenant.get());
    }
    return dl.prepare(q);
  }

  private List<Row> loadOne(Resource source, Optional<String> tenant, List<Row> parents, Load load) {
    Relationship rel = source.relationship(load.relationship()).orElseThrow();
    Attribute sourceAttribute = source.attribute(rel.sourceAttribute()).orElseThrow(() -> new InvalidQueryException(
        "relationship " + source.name() + "." + rel.name() + " joins on '" + rel.sourceAttribute()
            + "', which is not an attribute of " + source.name(), null));
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
    Query q = withLoadKeys(destinationQuery(source, rel, tenant, load));
    if (rel instanceof HasOne && q.limit().isEmpty()) {
      q = q.limit(1);
    }
    Model m = dl.model(q.resource(), q.tenant(), q.contextTable());
    Query inner = q.filter(link(source, rel, q, m));
    Query finalQuery = q;
    Columns columns = DataLayer.render(() -> QueryRenderer.columns(m, finalQuery));
    Sql sql = DataLayer.render(() -> {
      SqlBuilder b = new SqlBuilder().append("SELECT ");
      for (int i = 0; i < columns.size(); i++) {
        // Attributes come out of the subquery under their column names, aggregates and calculations under theirs.
        String name = columns.name(i);
        b.append("s.").append(i < columns.attributeCount() ? m.column(name) : Identifier.quote(name)).append(", ");
      }
      b.append("lk.k FROM unnest(");
      b.bind(SqlValues.array(keys, sourceAttribute.type()), PgTypes.exact(sourceAttribute.type()) + "[]");
      b.append(") AS lk(k) CROSS JOIN LATERAL (");
      QueryRenderer.select(b, m, inner, columns, false);
      b.append(") AS s");
      return b.build();
    });
    Values.Decoder keyDecoder = Values.decoder(sourceAttribute.type());
    List<Row> rows = new ArrayList<>();
    List<Object> rowKeys = new ArrayList<>();
    dl.run("load of " + source.name() + "." + rel.name(), m, null, null, false, c -> {
      Jdbc.log(sql);
      try (PreparedStatement ps = c.prepareStatement(sql.text())) {
        Jdbc.bind(c, ps, sql.binds());
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            rows.add(columns.read(rs));
            rowKeys.add(keyDecoder.read(rs, columns.size() + 1));
          }
        }
      }
      return null;
    });
    List<Row> loaded = q.loads().isEmpty() ? rows : load(q.resource(), q.tenant(), rows, q.loads());
    Map<Object, List<Row>> byKey = new HashMap<>();
    for (int i = 0; i < loaded.size(); i++) {
      byKey.computeIfAbsent(rowKeys.get(i), k -> new ArrayList<>()).add(loaded.get(i));
    }
    return byKey;
  }

  /** How a destination row matches the lateral key: its join attribute, or a row of the join table. */
  private Expr link(Resource source, Relationship rel, Query q, Model m) {
    if (rel instanceof ManyToMany mm) {
      Resource through = dl.domain().through(source, mm);
      Model j = dl.model(through, q.tenant().filter(t -> through.multitenancy().isPresent()), Optional.empty());
      return new Expr.Fragment("EXISTS (SELECT 1 FROM " + j.qualifiedTable + " AS j1 WHERE j1."
          + j.column(mm.destinationAttributeOnJoinResource()) + " = " + m.column(QueryRenderer.ALIAS,
          mm.destinationAttribute()) + " AND j1." + j.column(mm.sourceAttributeOnJoinResource()) + " = lk.k)",
          List.of());
    }
    return new Expr.Attr(rel.destinationAttribute()).eq(KEY);
  }
}
