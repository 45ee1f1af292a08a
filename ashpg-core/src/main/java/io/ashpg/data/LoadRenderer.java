package io.ashpg.data;

import io.ashpg.resource.Attribute;
import io.ashpg.resource.ManyToMany;
import io.ashpg.resource.Relationship;
import io.ashpg.resource.Resource;
import io.ashpg.resource.Type;
import io.ashpg.sql.Expr;
import io.ashpg.sql.ExprRenderer;
import io.ashpg.sql.Identifier;
import io.ashpg.sql.PgTypes;
import io.ashpg.sql.Sql;
import io.ashpg.sql.SqlBuilder;
import io.ashpg.sql.SqlValues;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * Renders the one statement of a relationship load ({@link RelationshipLoader}) for a set of parent keys. Each
 * result row is a destination row followed by the parent key it belongs to. Two forms:
 *
 * <ul>
 *   <li><b>flat</b>, when the destination query is the same for every parent (no limit, offset, distinct, lock or
 *       cursor): one plain select, the keys as one array parameter, rows grouped by key in Java in the query's order:
 *       <pre>{@code
 * SELECT t0."id", t0."text", …, t0."post_id" FROM "public"."comments" AS t0 WHERE <filter> AND t0."post_id" = ANY(?)
 *   ORDER BY …}</pre>
 *       Many to many joins the join table's distinct (source, destination) pairs, so a destination row appears once
 *       per parent however many join rows link them:
 *       <pre>{@code
 * SELECT t0."id", t0."name", lj."post_id" FROM "public"."tags" AS t0 JOIN (SELECT DISTINCT "post_id", "tag_id"
 *   FROM "public"."post_tags" WHERE "post_id" = ANY(?)) AS lj ON lj."tag_id" = t0."id" WHERE <filter> ORDER BY …}</pre>
 *   </li>
 *   <li><b>per parent</b> otherwise (has_one's {@code LIMIT 1} included): a lateral subquery per key, so the limit
 *       and the rest apply to each parent's rows:
 *       <pre>{@code
 * SELECT s."id", s."text", …, lk.k FROM unnest(?::uuid[]) AS lk(k)
 *   CROSS JOIN LATERAL (SELECT t0."id", … FROM "public"."comments" AS t0
 *                       WHERE <filter> AND t0."post_id" = (lk.k) ORDER BY … LIMIT n) AS s}</pre>
 *       Many-to-many destinations match through the join table with
 *       {@code EXISTS (SELECT 1 FROM join AS j1 WHERE j1.dst = t0.key AND j1.src = lk.k)}.</li>
 * </ul>
 *
 * <p>PostgreSQL flattens a lateral subquery without sort or limit into a join by itself, but not a sorted one: the
 * flat form spares sorted loads a subquery (and an index probe) per parent.
 */
final class LoadRenderer {
  /** The lateral key: a constant column reference, trusted SQL (no user input). */
  private static final Expr KEY = new Expr.Fragment("lk.k", List.of());
  /** The alias of the distinct join-table pairs of a flat many-to-many load. */
  private static final String JOIN_ALIAS = "lj";

  private LoadRenderer() {}

  /**
   * Whether {@code q} (a prepared destination query) must run once per parent: a limit or offset counts rows per
   * parent, and distinct, locks and cursors are left to the form that has always served them.
   */
  static boolean perParent(Query q) {
    return q.limit().isPresent() || q.offset().isPresent() || q.isDistinct() || !q.distinctOn().isEmpty()
        || q.lock().isPresent() || q.keyset();
  }

  /**
   * The statement loading {@code rel} of {@code source} with destination query {@code q} (in table {@code m}, laid
   * out as {@code columns}) for parents whose {@code sourceAttribute} is one of {@code keys}.
   */
  static Sql render(DataLayer dl, Resource source, Relationship rel, Attribute sourceAttribute, Query q, Model m,
                    Columns columns, Collection<Object> keys) {
    return perParent(q) ? lateral(dl, source, rel, sourceAttribute, q, m, columns, keys)
        : flat(dl, source, rel, sourceAttribute, q, m, columns, keys);
  }

  private static Sql flat(DataLayer dl, Resource source, Relationship rel, Attribute sourceAttribute, Query q,
                          Model m, Columns columns, Collection<Object> keys) {
    SqlBuilder b = new SqlBuilder();
    if (rel instanceof ManyToMany mm) {
      Model j = joinModel(dl, source, mm, q);
      String src = j.column(mm.sourceAttributeOnJoinResource());
      String dst = j.column(mm.destinationAttributeOnJoinResource());
      QueryRenderer.LoadKey key = new QueryRenderer.LoadKey(JOIN_ALIAS + "." + src, out -> {
        out.append(" JOIN (SELECT DISTINCT ").append(src).append(", ").append(dst).append(" FROM ")
            .append(j.qualifiedTable).append(" WHERE ");
        ExprRenderer.render(keysIn(mm.sourceAttributeOnJoinResource(), keys), out, j.context(null));
        out.append(") AS ").append(JOIN_ALIAS).append(" ON ").append(JOIN_ALIAS).append('.').append(dst)
            .append(" = ").append(m.column(QueryRenderer.ALIAS, mm.destinationAttribute()));
      });
      QueryRenderer.select(b, m, q, columns, false, key);
    } else {
      QueryRenderer.select(b, m, q.filter(keysIn(rel.destinationAttribute(), keys)), columns, false,
          new QueryRenderer.LoadKey(m.column(QueryRenderer.ALIAS, rel.destinationAttribute()), out -> {}));
    }
    return b.build();
  }

  /**
   * {@code attribute = ANY(?)}: the keys as one array parameter of the attribute's type, so the SQL text does not
   * depend on how many parents there are.
   */
  private static Expr keysIn(String attribute, Collection<Object> keys) {
    return new Expr.In(new Expr.Attr(attribute), List.copyOf(keys));
  }

  private static Sql lateral(DataLayer dl, Resource source, Relationship rel, Attribute sourceAttribute, Query q,
                             Model m, Columns columns, Collection<Object> keys) {
    SqlBuilder b = new SqlBuilder().append("SELECT ");
    for (int i = 0; i < columns.size(); i++) {
      // Attributes come out of the subquery under their column names, aggregates and calculations under theirs.
      String name = columns.name(i);
      b.append("s.").append(i < columns.attributeCount() ? m.column(name) : Identifier.quote(name)).append(", ");
    }
    b.append("lk.k FROM unnest(");
    bindKeys(b, keys, sourceAttribute.type());
    b.append(") AS lk(k) CROSS JOIN LATERAL (");
    QueryRenderer.select(b, m, q.filter(lateralLink(dl, source, rel, q, m)), columns, false);
    b.append(") AS s");
    return b.build();
  }

  /** How a destination row matches the lateral key: its join attribute, or a row of the join table. */
  private static Expr lateralLink(DataLayer dl, Resource source, Relationship rel, Query q, Model m) {
    if (rel instanceof ManyToMany mm) {
      Model j = joinModel(dl, source, mm, q);
      return new Expr.Fragment("EXISTS (SELECT 1 FROM " + j.qualifiedTable + " AS j1 WHERE j1."
          + j.column(mm.destinationAttributeOnJoinResource()) + " = " + m.column(QueryRenderer.ALIAS,
          mm.destinationAttribute()) + " AND j1." + j.column(mm.sourceAttributeOnJoinResource()) + " = lk.k)",
          List.of());
    }
    return new Expr.Attr(rel.destinationAttribute()).eq(KEY);
  }

  /** The join table, in the destination's tenant when the join resource is multitenant. */
  private static Model joinModel(DataLayer dl, Resource source, ManyToMany mm, Query q) {
    Resource through = dl.domain().through(source, mm);
    return dl.model(through, q.tenant().filter(t -> through.multitenancy().isPresent()), Optional.empty());
  }

  /** The parent keys as one array parameter of the source attribute's type. */
  private static void bindKeys(SqlBuilder b, Collection<Object> keys, Type type) {
    b.bind(SqlValues.array(keys, type), PgTypes.exact(type) + "[]");
  }
}
