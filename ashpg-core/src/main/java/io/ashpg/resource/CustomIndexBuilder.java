package io.ashpg.resource;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** Options of {@code customIndex(i -> ...)}. */
public final class CustomIndexBuilder {
  private final List<IndexField> fields = new ArrayList<>();
  private String name;
  private boolean unique;
  private boolean concurrently;
  private String using;
  private String prefix;
  private String where;
  private List<String> include = List.of();
  private boolean nullsDistinct = true;
  private String message;
  private boolean allTenants;
  private List<String> errorFields;
  private boolean includeBaseFilter = true;

  CustomIndexBuilder() {}

  /** Adds fields: plain column names, or SQL expressions (anything that is not a plain identifier). */
  public CustomIndexBuilder fields(String... fields) {
    for (String field : fields) {
      this.fields.add(IndexField.of(field));
    }
    return this;
  }

  /** Adds fields, e.g. {@code IndexField.desc("inserted_at")}. */
  public CustomIndexBuilder fields(IndexField... fields) {
    for (IndexField field : fields) {
      this.fields.add(Objects.requireNonNull(field, "index field"));
    }
    return this;
  }

  /** The index name (default {@code <table>_<fields>_index}); required when a field is an expression. */
  public CustomIndexBuilder name(String name) {
    this.name = Objects.requireNonNull(name, "name");
    return this;
  }

  /** Makes the index UNIQUE. */
  public CustomIndexBuilder unique(boolean unique) {
    this.unique = unique;
    return this;
  }

  /** Creates the index concurrently (outside a transaction). */
  public CustomIndexBuilder concurrently(boolean concurrently) {
    this.concurrently = concurrently;
    return this;
  }

  /** The index method, e.g. {@code "gin"}. */
  public CustomIndexBuilder using(String using) {
    this.using = Objects.requireNonNull(using, "using");
    return this;
  }

  /** The schema the index lives in. */
  public CustomIndexBuilder prefix(String prefix) {
    this.prefix = Objects.requireNonNull(prefix, "prefix");
    return this;
  }

  /** Partial index predicate (SQL). */
  public CustomIndexBuilder where(String where) {
    this.where = Objects.requireNonNull(where, "where");
    return this;
  }

  /** Covering columns ({@code INCLUDE (...)}). */
  public CustomIndexBuilder include(String... columns) {
    this.include = List.of(columns);
    return this;
  }

  /** {@code false} → {@code NULLS NOT DISTINCT}. Default true. */
  public CustomIndexBuilder nullsDistinct(boolean nullsDistinct) {
    this.nullsDistinct = nullsDistinct;
    return this;
  }

  /** Error message for a violation of this (unique) index. */
  public CustomIndexBuilder message(String message) {
    this.message = Objects.requireNonNull(message, "message");
    return this;
  }

  /** With attribute multitenancy, don't prepend the tenant column. */
  public CustomIndexBuilder allTenants(boolean allTenants) {
    this.allTenants = allTenants;
    return this;
  }

  /** Attributes a violation error attaches to (default: the plain-column fields). */
  public CustomIndexBuilder errorFields(String... attributes) {
    this.errorFields = List.of(attributes);
    return this;
  }

  /** Whether to AND {@code baseFilterSql} into the predicate (default true). */
  public CustomIndexBuilder includeBaseFilter(boolean includeBaseFilter) {
    this.includeBaseFilter = includeBaseFilter;
    return this;
  }

  boolean hasFields() {
    return !fields.isEmpty();
  }

  CustomIndex build() {
    List<String> effectiveErrorFields = errorFields != null ? errorFields
        : fields.stream().map(IndexField::column).flatMap(Optional::stream).toList();
    return new CustomIndex(fields, Optional.ofNullable(name), unique, concurrently, Optional.ofNullable(using),
        Optional.ofNullable(prefix), Optional.ofNullable(where), include, nullsDistinct, Optional.ofNullable(message),
        allTenants, effectiveErrorFields, includeBaseFilter);
  }
}
