package io.ashpg.migration.introspect;

/** The MATCH type of a foreign key. */
public enum MatchType {
  SIMPLE, FULL, PARTIAL;

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
