package io.ashpg.resource;

/** {@code MATCH} type of a composite foreign key. */
public enum MatchType {
  /** PostgreSQL's default: the key is checked only when every one of its columns is set. */
  SIMPLE,
  /**
   * In the SQL standard (and AshPostgres's DSL), but not implemented by PostgreSQL: a resource using it fails
   * verification. Use {@link #FULL} or {@link #SIMPLE}.
   */
  PARTIAL,
  /** All key columns set (and checked), or all null. */
  FULL
}
