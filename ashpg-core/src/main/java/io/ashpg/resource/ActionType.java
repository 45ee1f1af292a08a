package io.ashpg.resource;

import java.util.Locale;

/** Kinds of actions. */
public enum ActionType {
  READ, CREATE, UPDATE, DESTROY;

  /** The lower-case name a default action of this type gets, e.g. {@code "read"}. */
  public String defaultName() {
    return name().toLowerCase(Locale.ROOT);
  }
}
