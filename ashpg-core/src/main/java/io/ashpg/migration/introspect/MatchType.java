package io.ashpg.migration.introspect;

/** The MATCH type of a foreign key. */
public enum MatchType {
  /** {@code MATCH SIMPLE}: PostgreSQL's default; a NULL in any referencing column skips the check. */
  SIMPLE,
  /** {@code MATCH FULL}: all referencing columns NULL, or none. */
  FULL,
  /** {@code MATCH PARTIAL}: in the standard, not implemented by PostgreSQL; read only for completeness. */
  PARTIAL;

  /** The type from {@code pg_constraint.confmatchtype}. */
  static MatchType fromCatalog(String code) {
    return switch (code) {
      case "s" -> SIMPLE;
      case "f" -> FULL;
      case "p" -> PARTIAL;
      default -> throw new IllegalStateException("unknown match type code '" + code + "' in pg_constraint");
    };
  }
}
