package io.ashpg.resource;

import java.util.List;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * The type of an attribute: its Ash-style name and the PostgreSQL type the migration generator uses by default.
 *
 * <p>Types are immutable values compared by value. Use the constants for the common types and the factories for
 * parameterised ones ({@link #decimal(int, int)}, {@link #string(int)}, {@link #arrayOf(Type)},
 * {@link #enumOf(String...)}, {@link #custom(String)}). A per-attribute override lives in
 * {@code PostgresOptions.migrationTypes}; a global one in {@code Repo.overrideMigrationType}.
 */
public sealed interface Type permits Type.Simple, Type.Text, Type.Decimal, Type.ArrayOf, Type.OneOf, Type.Custom {

  /** {@code text}. */
  Type STRING = new Text(false, OptionalInt.empty());
  /** {@code citext}; needs the "citext" extension. */
  Type CI_STRING = new Text(true, OptionalInt.empty());
  /** {@code uuid}. */
  Type UUID = new Simple("uuid", "uuid");
  /** {@code uuid}, values generated as version 7 UUIDs. */
  Type UUID_V7 = new Simple("uuid_v7", "uuid");
  /** {@code bigint} ({@code bigserial} for a generated primary key). */
  Type INTEGER = new Simple("integer", "bigint");
  /** {@code boolean}. */
  Type BOOLEAN = new Simple("boolean", "boolean");
  /** {@code float8}. */
  Type FLOAT = new Simple("float", "float8");
  /** {@code numeric} without precision or scale. */
  Type DECIMAL = new Decimal(OptionalInt.empty(), OptionalInt.empty());
  /** {@code date}. */
  Type DATE = new Simple("date", "date");
  /** {@code time(0)}. */
  Type TIME = new Simple("time", "time(0)");
  /** {@code timestamp(0)}, a UTC instant truncated to seconds. */
  Type UTC_DATETIME = new Simple("utc_datetime", "timestamp(0)");
  /** {@code timestamp}, a UTC instant with microseconds (the timestamp helpers use it). */
  Type UTC_DATETIME_USEC = new Simple("utc_datetime_usec", "timestamp");
  /** {@code timestamp(0)} without a zone. */
  Type NAIVE_DATETIME = new Simple("naive_datetime", "timestamp(0)");
  /** {@code timestamptz}. */
  Type TIMESTAMPTZ = new Simple("timestamptz", "timestamptz");
  /** {@code bytea}. */
  Type BINARY = new Simple("binary", "bytea");
  /** {@code jsonb}. */
  Type MAP = new Simple("map", "jsonb");
  /** {@code text} holding a symbolic value. */
  Type ATOM = new Simple("atom", "text");

  /** The Ash-style type name, e.g. {@code "string"}, {@code "uuid"}, {@code "array"}. */
  String name();

  /** The PostgreSQL type the migration generator writes for this type, e.g. {@code "numeric(10,2)"}. */
  String migrationType();

  /** The recorded size (string maximum length), if any. */
  default OptionalInt size() {
    return OptionalInt.empty();
  }

  /** The numeric precision, if any. */
  default OptionalInt precision() {
    return OptionalInt.empty();
  }

  /** The numeric scale, if any. */
  default OptionalInt scale() {
    return OptionalInt.empty();
  }

  /** {@code numeric(precision, scale)}. */
  static Type decimal(int precision, int scale) {
    if (precision < 1 || scale < 0 || scale > precision) {
      throw new IllegalArgumentException(
          "decimal(" + precision + ", " + scale + "): need precision >= 1 and 0 <= scale <= precision");
    }
    return new Decimal(OptionalInt.of(precision), OptionalInt.of(scale));
  }

  /** A string with a maximum length; still stored as {@code text}, the length is recorded as size. */
  static Type string(int maxLength) {
    if (maxLength < 1) {
      throw new IllegalArgumentException("string(" + maxLength + "): maxLength must be >= 1");
    }
    return new Text(false, OptionalInt.of(maxLength));
  }

  /** An array of {@code element}: {@code element[]}. */
  static Type arrayOf(Type element) {
    return new ArrayOf(element);
  }

  /** A closed set of values stored as {@code text}; the values are kept for validation. */
  static Type enumOf(String... values) {
    return new OneOf(List.of(values));
  }

  /** A PostgreSQL type used as written, e.g. {@code "ltree"}, {@code "tsvector"}, {@code "vector(3)"}. */
  static Type custom(String pgType) {
    return new Custom(pgType);
  }

  /** A type fully described by its name and PostgreSQL type. */
  record Simple(String name, String migrationType) implements Type {
    public Simple {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(migrationType, "migrationType");
    }
  }

  /** {@code string} ({@code text}) or {@code ci_string} ({@code citext}), optionally with a maximum length. */
  record Text(boolean caseInsensitive, OptionalInt maxLength) implements Type {
    public Text {
      Objects.requireNonNull(maxLength, "maxLength");
    }

    @Override
    public String name() {
      return caseInsensitive ? "ci_string" : "string";
    }

    @Override
    public String migrationType() {
      return caseInsensitive ? "citext" : "text";
    }

    @Override
    public OptionalInt size() {
      return maxLength;
    }
  }

  /** {@code numeric}, with precision and scale when both are known. */
  record Decimal(OptionalInt precision, OptionalInt scale) implements Type {
    public Decimal {
      Objects.requireNonNull(precision, "precision");
      Objects.requireNonNull(scale, "scale");
    }

    @Override
    public String name() {
      return "decimal";
    }

    @Override
    public String migrationType() {
      return precision.isPresent() && scale.isPresent()
          ? "numeric(" + precision.getAsInt() + "," + scale.getAsInt() + ")"
          : "numeric";
    }
  }

  /** An array of another type. */
  record ArrayOf(Type element) implements Type {
    public ArrayOf {
      Objects.requireNonNull(element, "element");
    }

    @Override
    public String name() {
      return "array";
    }

    @Override
    public String migrationType() {
      return element.migrationType() + "[]";
    }
  }

  /** An enumeration stored as {@code text}. */
  record OneOf(List<String> values) implements Type {
    public OneOf {
      values = List.copyOf(values);
      if (values.isEmpty()) {
        throw new IllegalArgumentException("enumOf(...) needs at least one value");
      }
    }

    @Override
    public String name() {
      return "atom";
    }

    @Override
    public String migrationType() {
      return "text";
    }
  }

  /** A PostgreSQL type given verbatim. */
  record Custom(String pgType) implements Type {
    public Custom {
      Objects.requireNonNull(pgType, "pgType");
      if (pgType.isBlank()) {
        throw new IllegalArgumentException("custom(...) needs a PostgreSQL type name");
      }
    }

    @Override
    public String name() {
      return pgType;
    }

    @Override
    public String migrationType() {
      return pgType;
    }
  }
}
