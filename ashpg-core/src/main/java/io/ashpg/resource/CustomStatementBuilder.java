package io.ashpg.resource;

import java.util.List;
import java.util.Objects;

/** Options of {@code customStatement(name, s -> ...)}. {@code up} and {@code down} are required. */
public final class CustomStatementBuilder {
  private String up;
  private String down;
  private boolean global;
  private List<String> afterTables = List.of();

  CustomStatementBuilder() {}

  /** SQL run on migrate. */
  public CustomStatementBuilder up(String sql) {
    this.up = Objects.requireNonNull(sql, "up");
    return this;
  }

  /** SQL run on rollback. */
  public CustomStatementBuilder down(String sql) {
    this.down = Objects.requireNonNull(sql, "down");
    return this;
  }

  /** On a context-multitenant resource, put the statement into the public migrations (default false). */
  public CustomStatementBuilder global(boolean global) {
    this.global = global;
    return this;
  }

  /** Tables whose structural changes must precede this statement. */
  public CustomStatementBuilder afterTables(String... tables) {
    this.afterTables = List.of(tables);
    return this;
  }

  boolean hasUp() {
    return up != null;
  }

  boolean hasDown() {
    return down != null;
  }

  CustomStatement build(String name) {
    return new CustomStatement(name, up == null ? "" : up, down == null ? "" : down, global, afterTables);
  }
}
