package io.ashpg.resource;

import java.util.Objects;
import java.util.Optional;

/**
 * How the migration generator converts one attribute's column when its type changes from {@code fromType}
 * ({@code postgres(pg -> pg.convertType(...))}): PostgreSQL's {@code ALTER COLUMN … TYPE t USING <using>}. It is used
 * only for a change from exactly {@code fromType}, so it never applies to a later, different change of the same
 * attribute; once that migration is generated it can stay or go.
 *
 * @param fromType     the column's type before the change, as the generator's snapshot holds it ({@code text},
 *                     {@code varchar(20)}, {@code numeric(10,2)}, {@code bigint}, {@code text[]}); spellings of one
 *                     type ({@code integer}, {@code int4}) are the same
 * @param using        SQL computing the new value from the old column, named by its (quoted) column name, e.g.
 *                     {@code NULLIF(trim("rating"), '')::bigint}
 * @param reverseUsing SQL computing the old value back from the new column for the migration's down; empty: down
 *                     uses PostgreSQL's cast from the new type to the old one
 */
public record TypeConversion(String fromType, String using, Optional<String> reverseUsing) {

  public TypeConversion {
    Objects.requireNonNull(fromType, "fromType");
    Objects.requireNonNull(using, "using");
    Objects.requireNonNull(reverseUsing, "reverseUsing");
    reverseUsing = reverseUsing.filter(s -> !s.isBlank());
  }

  /**
   * The problem with this conversion's texts, or empty: a blank type or expression, or one holding a statement
   * terminator or comment (each expression goes into one {@code ALTER TABLE} statement).
   */
  public Optional<String> problem() {
    if (fromType.isBlank()) {
      return Optional.of("the type it converts from is blank; give the column's old type, e.g. \"text\"");
    }
    if (using.isBlank()) {
      return Optional.of("the USING expression is blank; give SQL computing the new value, e.g. \"\\\"c\\\"::bigint\"");
    }
    for (String sql : reverseUsing.map(r -> new String[] {using, r}).orElse(new String[] {using})) {
      if (sql.contains(";") || sql.contains("--") || sql.contains("/*")) {
        return Optional.of("the expression '" + sql + "' holds ';', '--' or '/*'; give one SQL expression");
      }
    }
    return Optional.empty();
  }
}
