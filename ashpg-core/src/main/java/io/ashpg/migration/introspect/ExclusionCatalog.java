package io.ashpg.migration.introspect;

import java.util.Objects;

/**
 * One exclusion constraint.
 *
 * @param name       constraint name
 * @param definition the definition as {@code pg_get_constraintdef} prints it ({@code EXCLUDE USING gist (…)})
 */
public record ExclusionCatalog(String name, String definition) {

  public ExclusionCatalog {
    Objects.requireNonNull(name, "exclusion constraint name");
    Objects.requireNonNull(definition, "exclusion constraint definition");
  }
}
