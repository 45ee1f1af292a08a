package io.ashpg.resource;

import java.util.Objects;
import java.util.Optional;

/**
 * A stored field of a resource.
 *
 * @param name          the attribute name used in the DSL and in errors
 * @param type          its type
 * @param source        the column name (defaults to {@code name})
 * @param allowNil      whether the column is nullable (primary keys never are)
 * @param primaryKey    whether it is (part of) the primary key
 * @param generated     whether the database generates the value (e.g. {@code bigserial})
 * @param writable      whether actions may set it
 * @param defaultValue  the value used on create when none is given
 * @param updateDefault the value used on every update when none is given
 */
public record Attribute(
    String name,
    Type type,
    String source,
    boolean allowNil,
    boolean primaryKey,
    boolean generated,
    boolean writable,
    Optional<AttributeDefault> defaultValue,
    Optional<AttributeDefault> updateDefault) {

  public Attribute {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(defaultValue, "defaultValue");
    Objects.requireNonNull(updateDefault, "updateDefault");
  }
}
