package io.ashpg.data;

import io.ashpg.error.InvalidQueryException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * A combination query: reads of one resource joined by {@code UNION}, {@code UNION ALL}, {@code INTERSECT} and
 * {@code EXCEPT} (applied left to right), with an outer sort, limit and offset:
 * {@code SELECT t0.… FROM ((SELECT … ) UNION (SELECT …)) AS t0 ORDER BY … LIMIT n}. Each part keeps its own filter,
 * sort, limit and tenant; all parts return the base query's attributes (its select list), so their rows line up.
 * Aggregates and calculations may be used in the parts' filters but are not returned.
 *
 * <pre>{@code
 * Combination.of(Query.of(post).filter(attr("score").gt(10)))
 *     .union(Query.of(post).filter(attr("title").ilike("%java%")))
 *     .sort(Sort.desc("score")).limit(20);
 * }</pre>
 */
public final class Combination {

  /** How a part is combined with the rows before it. */
  public enum Operator {
    /** Rows of either, duplicates removed. */
    UNION("UNION"),
    /** Rows of either, duplicates kept. */
    UNION_ALL("UNION ALL"),
    /** Rows of both. */
    INTERSECT("INTERSECT"),
    /** Rows before that are not in this part. */
    EXCEPT("EXCEPT");

    private final String sql;

    Operator(String sql) {
      this.sql = sql;
    }

    /** The SQL keyword(s). */
    public String sql() {
      return sql;
    }
  }

  /**
   * One combined read.
   *
   * @param operator how it combines with the rows before it (null for the first part)
   * @param query    the read
   */
  public record Part(Operator operator, Query query) {
    public Part {
      Objects.requireNonNull(query, "query");
    }
  }

  private final List<Part> parts;
  private final List<Sort> sort;
  private final Integer limit;
  private final Integer offset;

  private Combination(List<Part> parts, List<Sort> sort, Integer limit, Integer offset) {
    this.parts = parts;
    this.sort = sort;
    this.limit = limit;
    this.offset = offset;
  }

  /** A combination starting with the rows of {@code base}. */
  public static Combination of(Query base) {
    return new Combination(List.of(new Part(null, base)), List.of(), null, null);
  }

  /** {@code … UNION (query)}. */
  public Combination union(Query query) {
    return add(Operator.UNION, query);
  }

  /** {@code … UNION ALL (query)}. */
  public Combination unionAll(Query query) {
    return add(Operator.UNION_ALL, query);
  }

  /** {@code … INTERSECT (query)}. */
  public Combination intersect(Query query) {
    return add(Operator.INTERSECT, query);
  }

  /** {@code … EXCEPT (query)}. */
  public Combination except(Query query) {
    return add(Operator.EXCEPT, query);
  }

  /**
   * Adds a part.
   *
   * @throws InvalidQueryException when {@code query} reads another resource than the base query
   */
  public Combination add(Operator operator, Query query) {
    Objects.requireNonNull(operator, "operator");
    Query base = parts.get(0).query();
    if (query.resource() != base.resource()) {
      throw new InvalidQueryException("a combination of " + base.resource().name() + " reads cannot include a read of "
          + query.resource().name(), null);
    }
    List<Part> copy = new ArrayList<>(parts);
    copy.add(new Part(operator, query));
    return new Combination(List.copyOf(copy), sort, limit, offset);
  }

  /** Sorts the combined rows (attributes of the resource, or expressions on them). */
  public Combination sort(Sort... sorts) {
    List<Sort> list = Arrays.asList(sorts);
    for (Sort s : list) {
      Query.checkAttributes(parts.get(0).query().resource(), s.expr());
    }
    return new Combination(parts, List.copyOf(list), limit, offset);
  }

  /** At most {@code limit} combined rows. */
  public Combination limit(int limit) {
    if (limit < 0) {
      throw new InvalidQueryException("limit must be >= 0, was " + limit, null);
    }
    return new Combination(parts, sort, limit, offset);
  }

  /** Skips {@code offset} combined rows. */
  public Combination offset(int offset) {
    if (offset < 0) {
      throw new InvalidQueryException("offset must be >= 0, was " + offset, null);
    }
    return new Combination(parts, sort, limit, offset);
  }

  /** The parts, the first with no operator. */
  public List<Part> parts() {
    return parts;
  }

  /** The outer sort. */
  public List<Sort> sort() {
    return sort;
  }

  /** The outer limit, if any. */
  public java.util.Optional<Integer> limit() {
    return java.util.Optional.ofNullable(limit);
  }

  /** The outer offset, if any. */
  public java.util.Optional<Integer> offset() {
    return java.util.Optional.ofNullable(offset);
  }
}
