package io.ashpg.resource;

import java.util.Objects;
import java.util.function.Supplier;

/**
 * How an attribute gets a value when none is given. Every variant except {@link Computed} can be lowered to a
 * database column default by the migration generator.
 */
public sealed interface AttributeDefault {

  /** A constant value, e.g. {@code 0}, {@code "draft"}, {@code List.of()}. Collections are copied immutably. */
  record Literal(Object value) implements AttributeDefault {
    public Literal {
      Objects.requireNonNull(value, "a literal default cannot be null; leave the default unset instead");
      value = Copies.deepImmutable(value);
    }
  }

  /** A random (version 4) UUID. */
  record UuidGenerate() implements AttributeDefault {}

  /** A time-ordered (version 7) UUID. */
  record UuidV7Generate() implements AttributeDefault {}

  /** The current UTC timestamp. */
  record Now() implements AttributeDefault {}

  /** The current UTC date. */
  record Today() implements AttributeDefault {}

  /** A raw SQL default expression used verbatim in the column definition, e.g. {@code "nextval('seq')"}. */
  record Sql(String sql) implements AttributeDefault {
    public Sql {
      Objects.requireNonNull(sql, "sql");
    }
  }

  /** A value computed in Java; it cannot be expressed as a database default. */
  record Computed(Supplier<?> supplier) implements AttributeDefault {
    public Computed {
      Objects.requireNonNull(supplier, "supplier");
    }
  }

  /** A constant default. */
  static AttributeDefault literal(Object value) {
    return new Literal(value);
  }

  /** A random UUID default. */
  static AttributeDefault uuidGenerate() {
    return new UuidGenerate();
  }

  /** A version 7 UUID default. */
  static AttributeDefault uuidV7Generate() {
    return new UuidV7Generate();
  }

  /** The current UTC timestamp. */
  static AttributeDefault now() {
    return new Now();
  }

  /** The current UTC date. */
  static AttributeDefault today() {
    return new Today();
  }

  /** A raw SQL column default. */
  static AttributeDefault sql(String sql) {
    return new Sql(sql);
  }

  /** A Java-only default. */
  static AttributeDefault computed(Supplier<?> supplier) {
    return new Computed(supplier);
  }

  /** Whether the migration generator can turn this default into a column {@code DEFAULT}. */
  default boolean lowerableToDatabase() {
    return !(this instanceof Computed);
  }
}
