package io.ashpg.migration.snapshot;

import java.util.List;
import java.util.Objects;

/**
 * A custom index.
 *
 * @param fields            columns, expressions or directed columns
 * @param name              index name, or null for {@code <table>_<field>_<field>_index}
 * @param unique            UNIQUE index
 * @param concurrently      build with CONCURRENTLY (goes into its own no-transaction migration)
 * @param using             index method ({@code gin}, {@code gist}, …) or null
 * @param prefix            schema of the indexed table when it differs from the table's own, or null
 * @param where             partial index predicate or null
 * @param include           covering columns
 * @param nullsDistinct     false for {@code NULLS NOT DISTINCT}
 * @param message           error message for violations (runtime only, no DDL)
 * @param allTenants        attribute multitenancy: do not prepend the tenant column
 * @param errorFields       fields a violation attaches to (runtime only, no DDL)
 * @param includeBaseFilter AND the table's base filter into the predicate
 */
public record CustomIndexSnapshot(
    List<IndexField> fields,
    String name,
    boolean unique,
    boolean concurrently,
    String using,
    String prefix,
    String where,
    List<String> include,
    boolean nullsDistinct,
    String message,
    boolean allTenants,
    List<String> errorFields,
    boolean includeBaseFilter) {

  public CustomIndexSnapshot {
    fields = Lists.copy(fields);
    include = Lists.copy(include);
    errorFields = Lists.copy(errorFields);
    if (fields.isEmpty()) {
      throw new IllegalArgumentException("custom index " + Objects.requireNonNullElse(name, "(unnamed)")
          + " has no fields; list at least one column or expression");
    }
  }

  /** A plain, non-unique index over columns with the default name. */
  public static CustomIndexSnapshot on(String... columns) {
    return new CustomIndexSnapshot(java.util.Arrays.stream(columns).map(IndexField::column).toList(), null,
        false, false, null, null, null, null, true, null, false, null, true);
  }

  /**
   * The name the index gets: {@link #name()} or Ecto's default {@code <table>_<f1>_<f2>_index}, each part with
   * characters other than letters, digits and {@code _} replaced by {@code _} and trailing {@code _} trimmed.
   */
  public String resolvedName(String table) {
    if (name != null) {
      return name;
    }
    StringBuilder sb = new StringBuilder(table);
    for (IndexField f : fields) {
      String part = f.value().replaceAll("[^\\w]", "_").replaceAll("_+$", "");
      sb.append('_').append(part);
    }
    return sb.append("_index").toString();
  }

  /** Whether the DDL is the same, ignoring runtime-only fields (message, error fields). */
  public boolean sameDdl(CustomIndexSnapshot o, String table) {
    return fields.equals(o.fields) && resolvedName(table).equals(o.resolvedName(table)) && unique == o.unique
        && concurrently == o.concurrently && Objects.equals(using, o.using) && Objects.equals(prefix, o.prefix)
        && Objects.equals(where, o.where) && include.equals(o.include) && nullsDistinct == o.nullsDistinct
        && allTenants == o.allTenants && includeBaseFilter == o.includeBaseFilter;
  }

  public CustomIndexSnapshot withName(String n) {
    return new CustomIndexSnapshot(fields, n, unique, concurrently, using, prefix, where, include,
        nullsDistinct, message, allTenants, errorFields, includeBaseFilter);
  }

  public CustomIndexSnapshot withUnique(boolean u) {
    return new CustomIndexSnapshot(fields, name, u, concurrently, using, prefix, where, include,
        nullsDistinct, message, allTenants, errorFields, includeBaseFilter);
  }

  public CustomIndexSnapshot withConcurrently(boolean c) {
    return new CustomIndexSnapshot(fields, name, unique, c, using, prefix, where, include,
        nullsDistinct, message, allTenants, errorFields, includeBaseFilter);
  }

  public CustomIndexSnapshot withUsing(String u) {
    return new CustomIndexSnapshot(fields, name, unique, concurrently, u, prefix, where, include,
        nullsDistinct, message, allTenants, errorFields, includeBaseFilter);
  }

  public CustomIndexSnapshot withWhere(String w) {
    return new CustomIndexSnapshot(fields, name, unique, concurrently, using, prefix, w, include,
        nullsDistinct, message, allTenants, errorFields, includeBaseFilter);
  }

  public CustomIndexSnapshot withInclude(List<String> i) {
    return new CustomIndexSnapshot(fields, name, unique, concurrently, using, prefix, where, i,
        nullsDistinct, message, allTenants, errorFields, includeBaseFilter);
  }

  public CustomIndexSnapshot withNullsDistinct(boolean n) {
    return new CustomIndexSnapshot(fields, name, unique, concurrently, using, prefix, where, include,
        n, message, allTenants, errorFields, includeBaseFilter);
  }

  public CustomIndexSnapshot withMessage(String m) {
    return new CustomIndexSnapshot(fields, name, unique, concurrently, using, prefix, where, include,
        nullsDistinct, m, allTenants, errorFields, includeBaseFilter);
  }
}
