package io.ashpg.resource;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * An index managed by the migration generator beyond what identities give.
 *
 * @param fields            columns, expressions and directed fields, in index order
 * @param name              explicit name; otherwise {@link Names#customIndex(String, List)}
 * @param unique            UNIQUE index (also mapped to field errors on violation)
 * @param concurrently      {@code CREATE INDEX CONCURRENTLY} (generated into its own non-transactional migration)
 * @param using             index method, e.g. {@code gin}
 * @param prefix            schema of the index
 * @param where             partial index predicate (SQL)
 * @param include           covering {@code INCLUDE} columns
 * @param nullsDistinct     {@code false} → {@code NULLS NOT DISTINCT} (default true)
 * @param message           error message when the unique index is violated
 * @param allTenants        with attribute multitenancy, do not prepend the tenant column
 * @param errorFields       fields a violation error attaches to (default: the plain-column fields)
 * @param includeBaseFilter AND the resource's {@code baseFilterSql} into {@code where} (default true)
 */
public record CustomIndex(
    List<IndexField> fields,
    Optional<String> name,
    boolean unique,
    boolean concurrently,
    Optional<String> using,
    Optional<String> prefix,
    Optional<String> where,
    List<String> include,
    boolean nullsDistinct,
    Optional<String> message,
    boolean allTenants,
    List<String> errorFields,
    boolean includeBaseFilter) {

  /** Index names must consist of these characters only. */
  public static final Pattern VALID_NAME = Pattern.compile("^[0-9a-zA-Z_]+$");

  public CustomIndex {
    fields = List.copyOf(fields);
    include = List.copyOf(include);
    errorFields = List.copyOf(errorFields);
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(using, "using");
    Objects.requireNonNull(prefix, "prefix");
    Objects.requireNonNull(where, "where");
    Objects.requireNonNull(message, "message");
  }

  /** The declared name, or the generated {@code <table>_<fields>_index}. */
  public String effectiveName(String table) {
    return name.orElseGet(() -> Names.customIndex(table, fields));
  }

  /**
   * Whether a name can be generated: every field's text must consist of {@code [0-9a-zA-Z_]} — so an index over an
   * expression needs an explicit {@code name(...)}.
   */
  public boolean canGenerateName() {
    return fields.stream().allMatch(f -> VALID_NAME.matcher(f.text()).matches());
  }
}
