package io.ashpg.migration.introspect;

/** What a foreign key does when the referenced row is deleted or its key updated. */
public enum ReferentialAction {
  /** {@code NO ACTION}: PostgreSQL's default, checked at the end of the statement (or transaction if deferred). */
  NO_ACTION,
  /** {@code RESTRICT}: refused at once, even when deferred. */
  RESTRICT,
  /** {@code CASCADE}: referencing rows are deleted or updated along. */
  CASCADE,
  /** {@code SET NULL}: referencing columns (or the listed ones) become NULL. */
  SET_NULL,
  /** {@code SET DEFAULT}: referencing columns (or the listed ones) take their defaults. */
  SET_DEFAULT;

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
