package io.ashpg.migration.generate;

import io.ashpg.repo.Repo;
import io.ashpg.resource.Attribute;
import io.ashpg.resource.PostgresOptions;
import io.ashpg.resource.Type;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The column type of an attribute as the snapshot stores it: a type name plus size, precision and scale kept apart
 * (so {@code varchar(16)} and {@code numeric(10,2)} diff and render like AshPostgres's {@code size:}/{@code
 * precision:} options).
 *
 * @param type      PostgreSQL type ({@code text}, {@code numeric}, {@code bigserial}, {@code identity}, …)
 * @param size      length of a length-typed column ({@code varchar}, {@code char}, {@code bit}), else null
 * @param precision numeric precision, else null
 * @param scale     numeric scale, else null
 */
record ColumnType(String type, Integer size, Integer precision, Integer scale) {

  private static final Pattern SIZED = Pattern.compile(
      "(varchar|character varying|char|character|bit|bit varying|varbit)\\s*\\(\\s*(\\d+)\\s*\\)",
      Pattern.CASE_INSENSITIVE);
  private static final Pattern NUMERIC = Pattern.compile(
      "(numeric|decimal)\\s*\\(\\s*(\\d+)\\s*(?:,\\s*(\\d+)\\s*)?\\)", Pattern.CASE_INSENSITIVE);
  /** Types that take a length; a length on any other type ({@code text(20)}) would be invalid DDL. */
  private static final Set<String> LENGTH_TYPES = Set.of("varchar", "character varying", "char", "character", "bit",
      "bit varying", "varbit");

  /**
   * The type of {@code attribute}: the {@code migrationTypes} override, else {@link Type#migrationType()}, then
   * {@link Repo#overrideMigrationType(String)}; {@code "identity"} stays the identity marker; a generated
   * {@code bigint} without a default becomes {@code bigserial}, as nothing else would fill it.
   *
   * @param hasDefault whether the column gets a DEFAULT (from the attribute or {@code migrationDefaults})
   */
  static ColumnType of(Attribute attribute, PostgresOptions pg, Repo repo, boolean hasDefault) {
    String override = pg.migrationType(attribute.name()).map(String::trim).orElse(null);
    if (PostgresOptions.IDENTITY_MIGRATION_TYPE.equals(override)) {
      return new ColumnType(PostgresOptions.IDENTITY_MIGRATION_TYPE, null, null, null);
    }
    String raw = repo.overrideMigrationType(override != null ? override : attribute.type().migrationType()).trim();
    if (raw.equals("bigint") && attribute.generated() && !hasDefault) {
      return new ColumnType("bigserial", null, null, null);
    }
    ColumnType parsed = parse(raw);
    // Type.string(n) records a maximum length; only length types can carry it in DDL (text stays text).
    if (parsed.size == null && override == null && LENGTH_TYPES.contains(parsed.type.toLowerCase(Locale.ROOT))
        && attribute.type().size().isPresent()) {
      return new ColumnType(parsed.type, attribute.type().size().getAsInt(), null, null);
    }
    return parsed;
  }

  /** Splits {@code varchar(16)} and {@code numeric(10,2)} into name and modifiers; other types stay verbatim. */
  static ColumnType parse(String type) {
    Matcher sized = SIZED.matcher(type);
    if (sized.matches()) {
      return new ColumnType(sized.group(1).toLowerCase(Locale.ROOT), Integer.valueOf(sized.group(2)), null, null);
    }
    Matcher numeric = NUMERIC.matcher(type);
    if (numeric.matches()) {
      return new ColumnType("numeric", null, Integer.valueOf(numeric.group(2)),
          numeric.group(3) == null ? null : Integer.valueOf(numeric.group(3)));
    }
    return new ColumnType(type, null, null, null);
  }

  /** Whether values carry a time zone (a {@code now} default is then {@code now()} rather than UTC wall time). */
  boolean withTimeZone() {
    String t = type.toLowerCase(Locale.ROOT);
    return t.startsWith("timestamptz") || t.contains("with time zone");
  }

  /** The element type of an array type ({@code text[]} → {@code text}), or null when not an array. */
  String arrayElement() {
    return type.endsWith("[]") ? type.substring(0, type.length() - 2) : null;
  }
}
