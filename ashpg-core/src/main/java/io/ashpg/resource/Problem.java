package io.ashpg.resource;

import java.util.Objects;

/**
 * One thing wrong with a resource definition.
 *
 * @param resource the resource name
 * @param option   the DSL option at fault, e.g. {@code "table"} or {@code "reference(author).name"}
 * @param message  what is wrong and how to fix it
 */
public record Problem(String resource, String option, String message) {
  public Problem {
    Objects.requireNonNull(resource, "resource");
    Objects.requireNonNull(option, "option");
    Objects.requireNonNull(message, "message");
  }

  /** A single line: {@code resource "post", option table: message}. */
  @Override
  public String toString() {
    return "resource \"" + resource + "\", option " + option + ": " + message;
  }
}
