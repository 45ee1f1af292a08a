package io.ashpg.migration.introspect;

/** What a foreign key does when the referenced row is deleted or its key updated. */
public enum ReferentialAction {
  NO_ACTION, RESTRICT, CASCADE, SET_NULL, SET_DEFAULT;

  /** The action from {@code pg_constraint.confdeltype}/{@code confupdtype}. */
  static ReferentialAction fromCatalog(String code) {
    return switch (code) {
      case "a" -> NO_ACTION;
      case "r" -> RESTRICT;
      case "c" -> CASCADE;
      case "n" -> SET_NULL;
      case "d" -> SET_DEFAULT;
      default -> throw new IllegalStateException("unknown referential action code '" + code + "' in pg_constraint");
    };
  }

  /** As written in DDL: {@code SET NULL}. */
  @Override
  public String toString() {
    return name().replace('_', ' ');
  }
}
