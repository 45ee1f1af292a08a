package io.ashpg.resource;

import java.util.Map;
import java.util.Objects;

/** Options of an action, used inside {@code read(name, a -> ...)} and friends. */
public final class ActionBuilder {
  private Map<String, ?> context = Map.of();

  ActionBuilder() {}

  /** The context the action sets (Ash's {@code set_context}), e.g. {@code Map.of("data_layer", Map.of("table", "t"))}. */
  public ActionBuilder setContext(Map<String, ?> context) {
    this.context = Objects.requireNonNull(context, "context");
    return this;
  }

  /** Shorthand for {@code setContext(Map.of("data_layer", Map.of("table", table)))}. */
  public ActionBuilder setContextTable(String table) {
    return setContext(Contexts.withTable(Objects.requireNonNull(table, "table")));
  }

  Action build(ActionType type, String name) {
    return new Action(type, name, Copies.deepMap(context));
  }
}
