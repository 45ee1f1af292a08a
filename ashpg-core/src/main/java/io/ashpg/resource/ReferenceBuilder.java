package io.ashpg.resource;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** Options of {@code reference(relationship, ref -> ...)}. */
public final class ReferenceBuilder {
  private OnDelete onDelete;
  private OnUpdate onUpdate;
  private String name;
  private boolean ignore;
  private Deferrable deferrable = Deferrable.NOT_DEFERRABLE;
  private Map<String, String> matchWith = Map.of();
  private MatchType matchType;
  private boolean matchTenant;
  private boolean index;
  private String indexWhere;

  ReferenceBuilder() {}

  /** ON DELETE behaviour. */
  public ReferenceBuilder onDelete(OnDelete onDelete) {
    this.onDelete = Objects.requireNonNull(onDelete, "onDelete");
    return this;
  }

  /** ON UPDATE behaviour. */
  public ReferenceBuilder onUpdate(OnUpdate onUpdate) {
    this.onUpdate = Objects.requireNonNull(onUpdate, "onUpdate");
    return this;
  }

  /** The constraint name (default {@code <table>_<source attribute>_fkey}). */
  public ReferenceBuilder name(String name) {
    this.name = Objects.requireNonNull(name, "name");
    return this;
  }

  /** {@code true}: generate no foreign key for this relationship. */
  public ReferenceBuilder ignore(boolean ignore) {
    this.ignore = ignore;
    return this;
  }

  /** When the constraint is checked. */
  public ReferenceBuilder deferrable(Deferrable deferrable) {
    this.deferrable = Objects.requireNonNull(deferrable, "deferrable");
    return this;
  }

  /** Extra source → destination attribute pairs (composite key), in order. */
  public ReferenceBuilder matchWith(Map<String, String> sourceToDestination) {
    this.matchWith = Objects.requireNonNull(sourceToDestination, "matchWith");
    return this;
  }

  /** MATCH type of the composite key. */
  public ReferenceBuilder matchType(MatchType matchType) {
    this.matchType = Objects.requireNonNull(matchType, "matchType");
    return this;
  }

  /** Include the tenant column even when referencing a primary key (attribute multitenancy). */
  public ReferenceBuilder matchTenant(boolean matchTenant) {
    this.matchTenant = matchTenant;
    return this;
  }

  /** Also index the foreign key column(s). */
  public ReferenceBuilder index(boolean index) {
    this.index = index;
    return this;
  }

  /** Predicate for a partial foreign key index, e.g. {@code "author_id IS NOT NULL"}; implies nothing by itself. */
  public ReferenceBuilder indexWhere(String predicate) {
    this.indexWhere = Objects.requireNonNull(predicate, "indexWhere");
    return this;
  }

  Reference build(String relationship) {
    return new Reference(relationship, Optional.ofNullable(onDelete), Optional.ofNullable(onUpdate),
        Optional.ofNullable(name), ignore, deferrable, matchWith, Optional.ofNullable(matchType), matchTenant, index,
        Optional.ofNullable(indexWhere));
  }
}
