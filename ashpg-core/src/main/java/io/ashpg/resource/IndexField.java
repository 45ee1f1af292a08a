package io.ashpg.resource;

import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * One entry of a custom index: a plain column, a raw SQL expression, or either of those with a sort direction.
 * {@link #of(String)} classifies a string: a plain identifier is a column, anything else an expression.
 */
public sealed interface IndexField permits IndexField.Column, IndexField.Expression, IndexField.Directed {

  /** Plain identifiers; anything else given as a field is taken as an SQL expression. */
  Pattern PLAIN_IDENTIFIER = Pattern.compile("^[A-Za-z_][A-Za-z0-9_]*$");

  /** Sort direction of a directed field. */
  enum Direction { ASC, DESC }

  /** The column name or expression text. */
  String text();

  /** The column name, if this field is (or directs) a plain column. */
  default Optional<String> column() {
    return Optional.empty();
  }

  /** Whether this field is (or directs) an SQL expression. */
  default boolean isExpression() {
    return column().isEmpty();
  }

  /** A column when {@code field} is a plain identifier, otherwise an expression. */
  static IndexField of(String field) {
    Objects.requireNonNull(field, "index field");
    return PLAIN_IDENTIFIER.matcher(field).matches() ? new Column(field) : new Expression(field);
  }

  /** {@code field} sorted ascending. */
  static IndexField asc(String field) {
    return new Directed(of(field), Direction.ASC);
  }

  /** {@code field} sorted descending. */
  static IndexField desc(String field) {
    return new Directed(of(field), Direction.DESC);
  }

  /** A plain column (quoted in DDL). */
  record Column(String name) implements IndexField {
    public Column {
      Objects.requireNonNull(name, "name");
    }

    @Override
    public String text() {
      return name;
    }

    @Override
    public Optional<String> column() {
      return Optional.of(name);
    }
  }

  /** A raw SQL expression (used verbatim in DDL). */
  record Expression(String sql) implements IndexField {
    public Expression {
      Objects.requireNonNull(sql, "sql");
    }

    @Override
    public String text() {
      return sql;
    }
  }

  /** A column or expression with an explicit sort direction. */
  record Directed(IndexField field, Direction direction) implements IndexField {
    public Directed {
      Objects.requireNonNull(field, "field");
      Objects.requireNonNull(direction, "direction");
      if (field instanceof Directed) {
        throw new IllegalArgumentException("an index field cannot be directed twice");
      }
    }

    @Override
    public String text() {
      return field.text();
    }

    @Override
    public Optional<String> column() {
      return field.column();
    }
  }
}
