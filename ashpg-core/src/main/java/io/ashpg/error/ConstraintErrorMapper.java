package io.ashpg.error;

import io.ashpg.resource.Attribute;
import io.ashpg.resource.BelongsTo;
import io.ashpg.resource.CheckConstraint;
import io.ashpg.resource.CustomIndex;
import io.ashpg.resource.Domain;
import io.ashpg.resource.ExclusionConstraintName;
import io.ashpg.resource.ForeignKeyName;
import io.ashpg.resource.Identity;
import io.ashpg.resource.IndexField;
import io.ashpg.resource.Names;
import io.ashpg.resource.Relationship;
import io.ashpg.resource.Resource;
import io.ashpg.resource.UniqueIndexName;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;

/**
 * Turns constraint violations reported by PostgreSQL into {@link ConstraintViolationException}s with
 * {@link FieldError}s. It matches the constraint name from pgjdbc's {@link ServerErrorMessage} (and, for NOT NULL, the
 * column) — never the message text — against the names the resource generated ({@code <table>_pkey},
 * {@code <table>_<identity>_index}, {@code <table>_<column>_fkey}, custom unique indexes) or declared
 * ({@code uniqueIndexNames}, {@code foreignKeyNames}, {@code checkConstraints}, {@code exclusionConstraintNames}).
 * Names are matched exactly. Built once per resource and table; immutable.
 */
public final class ConstraintErrorMapper {

  /** The kind of write that failed; it decides how a foreign key violation reads. */
  public enum Operation {
    /** Insert (also upsert and bulk create). */
    CREATE,
    /** Update. */
    UPDATE,
    /** Delete. */
    DESTROY
  }

  /** Fields and message of one known constraint. */
  private record Target(List<String> fields, String message) {}

  private final Resource resource;
  private final String table;
  private final Map<String, Target> unique = new HashMap<>();
  private final Map<String, Target> ownForeignKeys = new HashMap<>();
  private final Map<String, Target> referencingForeignKeys = new HashMap<>();
  private final Map<String, Target> checks = new HashMap<>();
  private final Map<String, Target> exclusions = new HashMap<>();

  private ConstraintErrorMapper(Domain domain, Resource resource, String table) {
    this.resource = resource;
    this.table = table;
    List<String> pk = resource.primaryKey().stream().map(Attribute::name).toList();
    unique.put(Names.primaryKey(table), new Target(pk, ConstraintType.UNIQUE.defaultMessage()));
    for (Identity identity : resource.identities()) {
      unique.put(resource.postgres().identityIndexName(table, identity.name()),
          new Target(identity.keys(), ConstraintType.UNIQUE.defaultMessage()));
    }
    for (CustomIndex index : resource.postgres().customIndexes()) {
      if (index.unique()) {
        List<String> fields = !index.errorFields().isEmpty() ? index.errorFields()
            : index.fields().stream().map(IndexField::text).filter(f -> resource.attribute(f).isPresent()).toList();
        unique.put(index.effectiveName(table),
            new Target(fields, index.message().orElse(ConstraintType.UNIQUE.defaultMessage())));
      }
    }
    for (Relationship relationship : resource.relationships()) {
      if (relationship instanceof BelongsTo b) {
        ownForeignKeys.put(resource.postgres().foreignKeyName(table, b),
            new Target(List.of(b.sourceAttribute()), ConstraintType.FOREIGN_KEY.defaultMessage()));
      }
    }
    for (CheckConstraint check : resource.postgres().checkConstraints()) {
      checks.put(check.name(), new Target(check.attributes(), check.messageOrDefault()));
    }
    for (ExclusionConstraintName x : resource.postgres().exclusionConstraintNames()) {
      exclusions.put(x.name(), new Target(List.of(x.key()),
          x.message().orElse(ConstraintType.EXCLUSION.defaultMessage())));
    }
    if (domain != null) {
      for (Resource other : domain.resources()) {
        for (Relationship relationship : other.relationships()) {
          if (relationship instanceof BelongsTo b && b.destination().equals(resource.name())) {
            for (String otherTable : domain.tables(other)) {
              referencingForeignKeys.put(other.postgres().foreignKeyName(otherTable, b),
                  new Target(List.of(b.destinationAttribute()), ConstraintType.WOULD_LEAVE_RECORDS_BEHIND));
            }
          }
        }
      }
    }
  }

  /**
   * The mapper for {@code resource} stored in {@code table}; {@code domain} (may be null) supplies the foreign keys
   * of other resources that point at this one.
   */
  public static ConstraintErrorMapper of(Domain domain, Resource resource, String table) {
    return new ConstraintErrorMapper(domain, resource, table);
  }

  /**
   * The exception for {@code e} if it is a constraint violation (SQLSTATE 23505, 23503, 23001, 23514, 23502,
   * 23P01), else empty.
   *
   * @param values the changeset's attribute values (for the function forms of the declared names)
   */
  public Optional<ConstraintViolationException> map(SQLException e, Operation operation, Map<String, Object> values) {
    ConstraintType type = ConstraintType.ofSqlState(e.getSQLState());
    if (type == null) {
      return Optional.empty();
    }
    ServerErrorMessage server = e instanceof PSQLException p ? p.getServerErrorMessage() : null;
    String constraint = server == null ? null : server.getConstraint();
    String errorTable = server == null ? null : server.getTable();
    String column = server == null ? null : server.getColumn();
    Target target = switch (type) {
      case UNIQUE -> find(constraint, unique, uniqueFromValues(values));
      case FOREIGN_KEY -> foreignKey(constraint, operation, values);
      case CHECK -> find(constraint, checks, Map.of());
      case EXCLUSION -> find(constraint, exclusions(values), Map.of());
      case NOT_NULL -> column == null ? null : new Target(List.of(attributeOfColumn(column)), type.defaultMessage());
    };
    boolean declared = target != null;
    if (target == null) {
      target = fallback(type, constraint, column, operation);
    }
    List<FieldError> errors = new ArrayList<>();
    if (target.fields().isEmpty()) {
      errors.add(new FieldError(null, target.message(), constraint));
    }
    for (String field : target.fields()) {
      errors.add(new FieldError(field, target.message(), constraint));
    }
    return Optional.of(new ConstraintViolationException(resource.name(), type, constraint,
        errorTable == null ? table : errorTable, errors, declared, e.getSQLState(), e));
  }

  private Target foreignKey(String constraint, Operation operation, Map<String, Object> values) {
    Map<String, Target> declared = new HashMap<>();
    for (ForeignKeyName fk : resource.postgres().foreignKeyNames(values)) {
      declared.put(fk.name(), new Target(List.of(fk.key()),
          fk.message().orElse(ConstraintType.FOREIGN_KEY.defaultMessage())));
    }
    // A delete can only break keys that point at this record; an insert can only break this record's own keys.
    // An update can do both, so its own keys are tried first.
    if (operation == Operation.DESTROY) {
      return find(constraint, referencingForeignKeys, Map.of());
    }
    Target own = find(constraint, ownForeignKeys, declared);
    if (own != null || operation == Operation.CREATE) {
      return own;
    }
    return find(constraint, referencingForeignKeys, Map.of());
  }

  private Map<String, Target> uniqueFromValues(Map<String, Object> values) {
    Map<String, Target> out = new HashMap<>();
    for (UniqueIndexName u : resource.postgres().uniqueIndexNames(values)) {
      out.put(u.name(), new Target(u.keys(), u.message().orElse(ConstraintType.UNIQUE.defaultMessage())));
    }
    return out;
  }

  private Map<String, Target> exclusions(Map<String, Object> values) {
    if (resource.postgres().exclusionConstraintNamesFunction().isEmpty()) {
      return exclusions;
    }
    Map<String, Target> out = new HashMap<>();
    for (ExclusionConstraintName x : resource.postgres().exclusionConstraintNames(values)) {
      out.put(x.name(), new Target(List.of(x.key()), x.message().orElse(ConstraintType.EXCLUSION.defaultMessage())));
    }
    return out;
  }

  /** Declared names win over generated ones: the resource author said what the constraint means. */
  private static Target find(String constraint, Map<String, Target> generated, Map<String, Target> declared) {
    if (constraint == null) {
      return null;
    }
    Target t = declared.get(constraint);
    return t != null ? t : generated.get(constraint);
  }

  /** An unknown constraint still yields a useful error: guess the field from the naming convention if possible. */
  private Target fallback(ConstraintType type, String constraint, String column, Operation operation) {
    if (type == ConstraintType.FOREIGN_KEY && operation == Operation.DESTROY) {
      return new Target(resource.primaryKey().stream().map(Attribute::name).toList(),
          ConstraintType.WOULD_LEAVE_RECORDS_BEHIND);
    }
    if (column != null) {
      return new Target(List.of(attributeOfColumn(column)), type.defaultMessage());
    }
    if (type == ConstraintType.FOREIGN_KEY && constraint != null && constraint.startsWith(table + "_")
        && constraint.endsWith("_fkey")) {
      String guessed = constraint.substring(table.length() + 1, constraint.length() - "_fkey".length());
      for (Attribute a : resource.attributes()) {
        if (a.source().equals(guessed)) {
          return new Target(List.of(a.name()), type.defaultMessage());
        }
      }
    }
    return new Target(List.of(), type.defaultMessage());
  }

  private String attributeOfColumn(String column) {
    for (Attribute a : resource.attributes()) {
      if (a.source().equals(column)) {
        return a.name();
      }
    }
    return column;
  }
}
