package io.ashpg.resource;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * An action of a resource. ashpg's data layer cares about its type and the context it sets, in particular
 * {@code data_layer.table} which selects the table of a polymorphic resource.
 *
 * @param type    read, create, update or destroy
 * @param name    action name
 * @param context the context set by a {@code set_context} preparation/change (deeply immutable)
 */
public record Action(ActionType type, String name, Map<String, Object> context) {
  public Action {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(name, "name");
    context = Copies.deepMap(context);
  }

  /** The table from {@code context.data_layer.table}, if set. */
  public Optional<String> contextTable() {
    return Contexts.table(context);
  }
}
