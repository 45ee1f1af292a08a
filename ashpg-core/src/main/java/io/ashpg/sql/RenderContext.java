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
}
