package io.ashpg.migration.introspect;

import java.util.Objects;

/**
 * One way the actual catalog differs from the expected one.
 *
 * @param kind     missing, unexpected, or a field that differs
 * @param schema   schema
 * @param table    table, or null for a schema-level object (an extension)
 * @param object   the object ({@code column title}, {@code index posts_title_index}, {@code primary key},
 *                 {@code foreign key posts_author_id_fkey}, {@code check constraint c}, {@code table})
 * @param field    the field that differs ({@code on delete}, {@code type}, …), or null for a missing or unexpected
 *                 object
 * @param expected the expected value, or a description of the missing object; null for an unexpected object
 * @param actual   the actual value, or a description of the unexpected object; null for a missing object
 */
public record CatalogDifference(Kind kind, String schema, String table, String object, String field, String expected,
    String actual) {

  /** What kind of difference. */
  public enum Kind {
    /** Declared but not in the database. */
    MISSING,
    /** In the database but not declared. */
    UNEXPECTED,
    /** In both, with a field that differs. */
    DIFFERENT
  }

  public CatalogDifference {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(schema, "schema");
    Objects.requireNonNull(object, "object");
  }

  /**
   * As a person reads it: {@code public.posts: foreign key posts_author_id_fkey: on delete: expected CASCADE but was
   * SET NULL}, {@code public.posts: index posts_title_index: missing (expected …)}.
   */
  @Override
  public String toString() {
    String where = schema + (table == null ? "" : "." + table) + ": " + (object.equals("table") ? "" : object + ": ");
    return switch (kind) {
      case MISSING -> where + "missing" + (expected == null ? "" : " (expected " + expected + ")");
      case UNEXPECTED -> where + "not declared" + (actual == null ? "" : " (found " + actual + ")");
      case DIFFERENT -> where + field + ": expected " + expected + " but was " + actual;
    };
  }
}
