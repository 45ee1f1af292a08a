package io.ashpg.sql;

import io.ashpg.resource.Type;

/**
 * What {@link ExprRenderer} needs to know about the resource an expression is rendered against: where its
 * attributes live and which extensions the repo installs.
 */
public interface RenderContext {

  /**
   * The SQL reference of an attribute's column, e.g. {@code t0."title"}.
   *
   * @throws IllegalArgumentException naming the resource when there is no such attribute
   */
  String column(String attribute);

  /** The type of an attribute (same contract as {@link #column(String)}). */
  Type type(String attribute);

  /** Whether the repo lists {@code extension} in its installed extensions. */
  boolean extensionInstalled(String extension);

  /** How errors name the thing rendered against, e.g. {@code resource post (repo BlogRepo)}. */
  String describe();

  /**
   * The destination of a relationship, for the subqueries that paths, {@code exists} and aggregates render.
   *
   * @param toMany      whether the relationship may have many destination records
   * @param destination the context of the destination table (its own alias)
   * @param from        appends {@code FROM <table> AS <alias> WHERE <link to this record> [AND …]} (tenant filters and
   *                    base filters included), so callers may continue with {@code AND <condition>}
   */
  record Related(boolean toMany, RenderContext destination, java.util.function.Consumer<SqlBuilder> from) {}

  /**
   * The destination of relationship {@code relationship}.
   *
   * @throws IllegalArgumentException when there is no such relationship or relationships are not available here
   */
  default Related related(String relationship) {
    throw new IllegalArgumentException("relationship '" + relationship + "' cannot be used in expressions on "
        + describe());
  }

  /**
   * Appends the value of the named aggregate or calculation ({@link Expr.Ref}).
   *
   * @throws IllegalArgumentException when there is none of that name
   */
  default void ref(String name, SqlBuilder out) {
    throw new IllegalArgumentException(describe() + " defines no aggregate or calculation '" + name + "'");
  }

  /**
   * The SQL reference of the value an upsert proposes for {@code attribute} ({@link Expr.Excluded}).
   *
   * @throws IllegalArgumentException outside an upsert condition
   */
  default String excluded(String attribute) {
    throw new IllegalArgumentException("upsertConflict(\"" + attribute + "\") is only meaningful in an upsert condition,"
        + " not in an expression on " + describe());
  }

  /** The type of the named aggregate or calculation, or null when unknown. */
  default Type refType(String name) {
    return null;
  }
}
