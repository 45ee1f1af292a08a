package io.ashpg.migration.safety;

import java.util.Locale;

/** How bad a lint finding is, weakest first. */
public enum Severity {
  /** Worth knowing; not a problem on its own. */
  INFO,
  /** Blocks reads or writes of a table holding data for longer than a moment, or breaks code still running. */
  WARNING,
  /** Fails when it runs. */
  ERROR;

  /** Whether this is at least {@code threshold}. */
  public boolean atLeast(Severity threshold) {
    return compareTo(threshold) >= 0;
  }

  /** The severity named {@code name} (any case): info, warning or error. */
  public static Severity parse(String name) {
    try {
      return valueOf(name.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException | NullPointerException e) {
      throw new IllegalArgumentException("unknown severity '" + name + "'; use info, warning or error", e);
    }
  }

  @Override
  public String toString() {
    return name().toLowerCase(Locale.ROOT);
  }
}
