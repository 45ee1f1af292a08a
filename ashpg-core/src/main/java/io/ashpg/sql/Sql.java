package io.ashpg.sql;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * A rendered statement: SQL text with {@code ?} placeholders and the JDBC values bound to them, in order. Values are
 * already converted for JDBC (see {@link SqlValues}); {@link SqlArray} stands for an array parameter and null for a
 * SQL NULL.
 *
 * @param text  the SQL text; it depends only on the query's shape, never on its values
 * @param binds the bind values (may contain nulls)
 */
public record Sql(String text, List<Object> binds) {
  public Sql {
    Objects.requireNonNull(text, "text");
    binds = Collections.unmodifiableList(new ArrayList<>(binds));
  }

  @Override
  public String toString() {
    return text + " " + binds;
  }
}
