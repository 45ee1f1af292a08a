package io.ashpg.data;

import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * A relationship to load with a query's records ({@link Query#load}): the relationship name and how to refine the
 * destination query (filter, sort, limit per parent, select, nested loads).
 *
 * @param relationship relationship name on the query's resource
 * @param refine       applied to {@code Query.of(destination)}; {@link UnaryOperator#identity()} for all records
 */
public record Load(String relationship, UnaryOperator<Query> refine) {
  public Load {
    Objects.requireNonNull(relationship, "relationship");
    Objects.requireNonNull(refine, "refine");
  }
}
