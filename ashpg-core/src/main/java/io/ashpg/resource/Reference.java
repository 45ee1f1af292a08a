package io.ashpg.resource;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Foreign key options for a {@code belongs_to} relationship.
 *
 * @param relationship name of the belongs_to relationship
 * @param onDelete     ON DELETE behaviour (none = no clause)
 * @param onUpdate     ON UPDATE behaviour (none = no clause)
 * @param name         constraint name (default {@code <table>_<source attribute>_fkey})
 * @param ignore       generate no foreign key
 * @param deferrable   when the constraint is checked (default {@link Deferrable#NOT_DEFERRABLE})
 * @param matchWith    extra source attribute → destination attribute pairs making the key composite
 * @param matchType    MATCH type of a composite key
 * @param matchTenant  with attribute multitenancy, include the tenant column even for primary-key references
 * @param index        also create an index on the foreign key column(s)
 * @param indexWhere   predicate making that index partial
 */
public record Reference(
    String relationship,
    Optional<OnDelete> onDelete,
    Optional<OnUpdate> onUpdate,
    Optional<String> name,
    boolean ignore,
    Deferrable deferrable,
    Map<String, String> matchWith,
    Optional<MatchType> matchType,
    boolean matchTenant,
    boolean index,
    Optional<String> indexWhere) {

  public Reference {
    Objects.requireNonNull(relationship, "relationship");
    Objects.requireNonNull(onDelete, "onDelete");
    Objects.requireNonNull(onUpdate, "onUpdate");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(deferrable, "deferrable");
    matchWith = Copies.orderedMap(matchWith);
    Objects.requireNonNull(matchType, "matchType");
    Objects.requireNonNull(indexWhere, "indexWhere");
  }
}
