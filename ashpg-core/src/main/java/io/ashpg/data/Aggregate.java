package io.ashpg.data;

import io.ashpg.error.InvalidQueryException;
import io.ashpg.resource.Resource;
import io.ashpg.sql.Expr;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * An aggregate over one relationship of the queried resource, added to a query with {@link Query#aggregate} and then
 * read from each {@link Row} by name, filtered on and sorted by ({@link io.ashpg.sql.Exprs#aggregate}). It is
 * computed in the same statement as the rows, whatever their number:
 * {@code LEFT JOIN LATERAL (SELECT agg(…) AS v FROM destination WHERE <link> AND <filter>) AS agN ON TRUE}, and read as
 * {@code coalesce(agN.v, <default>)}. A count without a default, over a relationship linked by an attribute, in a
 * query without limit, offset or cursor whose filter uses no aggregate, calculation or fragment, is one grouped join
 * instead, computed for all rows at once: {@code LEFT JOIN (SELECT <link> AS k, count(…) AS v FROM destination WHERE
 * <link> IN (<the query's rows>) AND <filter> GROUP BY <link>) AS agN ON agN.k = <source>}.
 *
 * <pre>{@code
 * Aggregate.count("comments")
 * Aggregate.sum("comments", "likes").filter(attr("approved").eq(true)).defaultValue(0)
 * Aggregate.first("comments", "body").sort(Sort.desc("inserted_at"))
 * Aggregate.list("comments", "body").distinct()
 * }</pre>
 *
 * @param kind         what to compute
 * @param relationship relationship name on the queried resource
 * @param field        the destination attribute aggregated; null only for {@code count(*)} and {@code exists}
 * @param filter       condition on the destination records, or null
 * @param sort         order of the values ({@code first} and {@code list} only)
 * @param distinctValues aggregate distinct values only ({@code count} of a field, {@code sum}, {@code avg}, {@code list})
 * @param keepNil      keep null values ({@code first} and {@code list}; by default they are skipped)
 * @param defaultValue the value when there are no (non-null) related values; {@code count} is 0 and {@code exists}
 *                     false without one
 * @param resource     for an aggregate over another resource without a relationship (AshPostgres's unrelated
 *                     aggregates, e.g. {@code Aggregate.count(COMMENT).filter(attr("author").eq(parent("name")))}):
 *                     that resource, whose rows the filter chooses ({@link io.ashpg.sql.Exprs#parent} refers to the
 *                     queried row); null (and {@code relationship} given) otherwise
 */
public record Aggregate(Kind kind, String relationship, String field, Expr filter, List<Sort> sort,
                        boolean distinctValues, boolean keepNil, Object defaultValue, Resource resource) {

  /** The aggregate functions. */
  public enum Kind {
    /** {@code count(*)}, {@code count(field)} or {@code count(DISTINCT field)}. */
    COUNT,
    /** {@code sum(field)}, in the field's type. */
    SUM,
    /** {@code min(field)}. */
    MIN,
    /** {@code max(field)}. */
    MAX,
    /** {@code avg(field)} as a float. */
    AVG,
    /** Whether any related record exists. */
    EXISTS,
    /** The first value in the aggregate's sort: {@code (array_agg(field ORDER BY …))[1]}. */
    FIRST,
    /** All values as a list: {@code array_agg(field ORDER BY …)}. */
    LIST
  }

  public Aggregate {
    Objects.requireNonNull(kind, "kind");
    if ((relationship == null) == (resource == null)) {
      throw new InvalidQueryException("an aggregate runs over a relationship or over another resource, exactly one;"
          + " got relationship " + relationship + " and resource " + (resource == null ? null : resource.name()),
          null);
    }
    sort = List.copyOf(sort);
    String what = kind.name().toLowerCase(java.util.Locale.ROOT) + " aggregate over "
        + (relationship != null ? "'" + relationship + "'" : "resource " + resource.name());
    if (field == null && kind != Kind.COUNT && kind != Kind.EXISTS) {
      throw new InvalidQueryException(what + " needs a field", null);
    }
    if (distinctValues && (kind == Kind.MIN || kind == Kind.MAX || kind == Kind.FIRST || kind == Kind.EXISTS
        || field == null)) {
      throw new InvalidQueryException(what + " cannot be distinct", null);
    }
    if (!sort.isEmpty() && kind != Kind.FIRST && kind != Kind.LIST) {
      throw new InvalidQueryException(what + " cannot be sorted; only first and list aggregates have an order", null);
    }
    if (!sort.isEmpty() && distinctValues) {
      // PostgreSQL requires the ORDER BY of a DISTINCT aggregate to use only the aggregated value.
      throw new InvalidQueryException(what + " cannot be both distinct and sorted", null);
    }
    if (keepNil && kind != Kind.FIRST && kind != Kind.LIST) {
      throw new InvalidQueryException(what + ": includeNil applies to first and list aggregates only", null);
    }
    if (defaultValue != null && kind == Kind.EXISTS) {
      throw new InvalidQueryException(what + " is always true or false and takes no default", null);
    }
  }

  /** An aggregate over a relationship (no unrelated resource). */
  public Aggregate(Kind kind, String relationship, String field, Expr filter, List<Sort> sort,
                   boolean distinctValues, boolean keepNil, Object defaultValue) {
    this(kind, Objects.requireNonNull(relationship, "relationship"), field, filter, sort, distinctValues, keepNil,
        defaultValue, null);
  }

  /** What the aggregate runs over, for messages: the relationship name or {@code resource <name>}. */
  String over() {
    return relationship != null ? relationship : "resource " + resource.name();
  }

  /** The number of records of {@code resource} its filter chooses (an unrelated aggregate). */
  public static Aggregate count(Resource resource) {
    return unrelated(Kind.COUNT, resource, null);
  }

  /** The sum of {@code field} over the records of {@code resource} its filter chooses. */
  public static Aggregate sum(Resource resource, String field) {
    return unrelated(Kind.SUM, resource, field);
  }

  /** The smallest {@code field} of the records of {@code resource} its filter chooses. */
  public static Aggregate min(Resource resource, String field) {
    return unrelated(Kind.MIN, resource, field);
  }

  /** The largest {@code field} of the records of {@code resource} its filter chooses. */
  public static Aggregate max(Resource resource, String field) {
    return unrelated(Kind.MAX, resource, field);
  }

  /** The average of {@code field} over the records of {@code resource} its filter chooses. */
  public static Aggregate avg(Resource resource, String field) {
    return unrelated(Kind.AVG, resource, field);
  }

  /** Whether {@code resource} has any record its filter chooses. */
  public static Aggregate exists(Resource resource) {
    return unrelated(Kind.EXISTS, resource, null);
  }

  /** {@code field} of the first record of {@code resource} in the aggregate's sort. */
  public static Aggregate first(Resource resource, String field) {
    return unrelated(Kind.FIRST, resource, field);
  }

  /** {@code field} of every record of {@code resource} its filter chooses, as a list. */
  public static Aggregate list(Resource resource, String field) {
    return unrelated(Kind.LIST, resource, field);
  }

  private static Aggregate unrelated(Kind kind, Resource resource, String field) {
    return new Aggregate(kind, null, field, null, List.of(), false, false, null,
        Objects.requireNonNull(resource, "resource"));
  }

  /** The number of related records. */
  public static Aggregate count(String relationship) {
    return of(Kind.COUNT, relationship, null);
  }

  /** The number of related records whose {@code field} is not null. */
  public static Aggregate count(String relationship, String field) {
    return of(Kind.COUNT, relationship, Objects.requireNonNull(field, "field"));
  }

  /** The sum of {@code field} over the related records. */
  public static Aggregate sum(String relationship, String field) {
    return of(Kind.SUM, relationship, field);
  }

  /** The smallest {@code field} of the related records. */
  public static Aggregate min(String relationship, String field) {
    return of(Kind.MIN, relationship, field);
  }

  /** The largest {@code field} of the related records. */
  public static Aggregate max(String relationship, String field) {
    return of(Kind.MAX, relationship, field);
  }

  /** The average of {@code field} over the related records. */
  public static Aggregate avg(String relationship, String field) {
    return of(Kind.AVG, relationship, field);
  }

  /** Whether there is any related record. */
  public static Aggregate exists(String relationship) {
    return of(Kind.EXISTS, relationship, null);
  }

  /** {@code field} of the first related record in the aggregate's sort. */
  public static Aggregate first(String relationship, String field) {
    return of(Kind.FIRST, relationship, field);
  }

  /** {@code field} of every related record, as a list. */
  public static Aggregate list(String relationship, String field) {
    return of(Kind.LIST, relationship, field);
  }

  private static Aggregate of(Kind kind, String relationship, String field) {
    return new Aggregate(kind, relationship, field, null, List.of(), false, false, null);
  }

  /** Only related records matching {@code condition} (an expression on the destination), ANDed with any filter. */
  public Aggregate filter(Expr condition) {
    Objects.requireNonNull(condition, "filter");
    Expr combined = filter == null ? condition : new Expr.And(List.of(filter, condition));
    return new Aggregate(kind, relationship, field, combined, sort, distinctValues, keepNil, defaultValue, resource);
  }

  /** The order of the values (first and list aggregates), on destination attributes. */
  public Aggregate sort(Sort... sorts) {
    return new Aggregate(kind, relationship, field, filter, Arrays.asList(sorts), distinctValues, keepNil, defaultValue,
        resource);
  }

  /** Aggregates distinct values only. */
  public Aggregate distinct() {
    return new Aggregate(kind, relationship, field, filter, sort, true, keepNil, defaultValue, resource);
  }

  /** Keeps null values (first and list aggregates). */
  public Aggregate includeNil() {
    return new Aggregate(kind, relationship, field, filter, sort, distinctValues, true, defaultValue, resource);
  }

  /** The value when there are no related values (bound as a parameter, converted to the aggregate's type). */
  public Aggregate defaultValue(Object value) {
    return new Aggregate(kind, relationship, field, filter, sort, distinctValues, keepNil,
        Objects.requireNonNull(value, "default value"), resource);
  }
}
