package io.ashpg.migration.generate;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import io.ashpg.repo.Repo;
import io.ashpg.resource.AttributeDefault;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.temporal.TemporalAccessor;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;

/**
 * Lowers an attribute default to the SQL of a column {@code DEFAULT}, as AshPostgres does: UUID generation →
 * {@code gen_random_uuid()} ({@code uuid_generate_v4()} with "uuid-ossp" installed), v7 → {@code uuidv7()} from
 * PostgreSQL 18 else {@code uuid_generate_v7()} (installed by the extensions migration, see
 * {@link io.ashpg.migration.ddl.AshpgFunction}), now → {@code (now() AT TIME ZONE 'utc')} ({@code now()} for zoned
 * timestamps), today → {@code CURRENT_DATE}, SQL verbatim, literals as SQL literals of the column type. A default that
 * cannot be lowered (computed in Java, an unsupported literal) gives no DEFAULT and a warning.
 */
final class ColumnDefault {

  private static final Gson GSON = new GsonBuilder().disableHtmlEscaping().serializeNulls().create();

  private ColumnDefault() {
  }

  /** The outcome: SQL, or no default with the reason (a warning) when it could not be lowered. */
  record Lowered(Optional<String> sql, Optional<String> warning) {
    static Lowered of(String sql) {
      return new Lowered(Optional.of(sql), Optional.empty());
    }

    static Lowered none(String warning) {
      return new Lowered(Optional.empty(), Optional.of(warning));
    }
  }

  static Lowered lower(AttributeDefault value, ColumnType type, Repo repo) {
    if (value instanceof AttributeDefault.UuidGenerate) {
      return Lowered.of(repo.installedExtensions().contains("uuid-ossp") ? "uuid_generate_v4()" : "gen_random_uuid()");
    }
    if (value instanceof AttributeDefault.UuidV7Generate) {
      return Lowered.of(repo.minPgVersion().major() >= 18 ? "uuidv7()" : "uuid_generate_v7()");
    }
    if (value instanceof AttributeDefault.Now) {
      return Lowered.of(type.withTimeZone() ? "now()" : "(now() AT TIME ZONE 'utc')");
    }
    if (value instanceof AttributeDefault.Today) {
      return Lowered.of("CURRENT_DATE");
    }
    if (value instanceof AttributeDefault.Sql s) {
      return Lowered.of(s.sql());
    }
    if (value instanceof AttributeDefault.Literal l) {
      return literal(l.value(), type).map(Lowered::of).orElseGet(() -> Lowered.none("the literal default "
          + l.value() + " (" + l.value().getClass().getSimpleName() + ") has no SQL form; set migrationDefault(...)"
          + " with the SQL, or the column gets no DEFAULT"));
    }
    return Lowered.none("the default is computed in Java and cannot be a column DEFAULT; the column gets none"
        + " (set migrationDefault(...) with SQL to give it one)");
  }

  /** The SQL literal of {@code value} for a column of {@code type}, if there is one. */
  static Optional<String> literal(Object value, ColumnType type) {
    if (value instanceof Map<?, ?> || (value instanceof List<?> && type.arrayElement() == null)) {
      // documents: jsonb literal, keys sorted so the snapshot is the same on every run
      return Optional.of(quote(GSON.toJson(sorted(value))) + "::" + (type.type().equals("json") ? "json" : "jsonb"));
    }
    if (value instanceof List<?> list) {
      String element = type.arrayElement();
      List<String> items = new ArrayList<>();
      for (Object item : list) {
        Optional<String> sql = scalar(item);
        if (sql.isEmpty()) {
          return Optional.empty();
        }
        items.add(sql.get());
      }
      return Optional.of("ARRAY[" + String.join(", ", items) + "]::" + element + "[]");
    }
    return scalar(value);
  }

  private static Optional<String> scalar(Object value) {
    if (value instanceof Boolean b) {
      return Optional.of(b ? "true" : "false");
    }
    if (value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte
        || value instanceof BigInteger) {
      return Optional.of(value.toString());
    }
    if (value instanceof BigDecimal d) {
      return Optional.of(d.toPlainString());
    }
    if (value instanceof Double || value instanceof Float) {
      double d = ((Number) value).doubleValue();
      return Double.isFinite(d) ? Optional.of(value.toString()) : Optional.empty();
    }
    if (value instanceof String || value instanceof Character || value instanceof UUID
        || value instanceof TemporalAccessor) {
      return Optional.of(quote(value.toString()));
    }
    if (value instanceof Enum<?> e) {
      return Optional.of(quote(e.name()));
    }
    return Optional.empty();
  }

  private static Object sorted(Object value) {
    if (value instanceof Map<?, ?> map) {
      Map<String, Object> out = new TreeMap<>();
      map.forEach((k, v) -> out.put(String.valueOf(k), sorted(v)));
      return out;
    }
    if (value instanceof List<?> list) {
      return list.stream().map(ColumnDefault::sorted).toList();
    }
    return value;
  }

  /** A standard SQL string literal: single quotes doubled. */
  static String quote(String s) {
    return "'" + s.replace("'", "''") + "'";
  }
}
