package io.ashpg.migration.diff;

import java.util.Objects;

/**
 * How one column's values are converted by a type change, as the user states it: the SQL expressions of
 * {@code ALTER COLUMN … TYPE t USING <expression>} in up and in down.
 *
 * @param up   computes the new value from the old column (referred to by its name), e.g.
 *             {@code NULLIF("rating", '')::bigint}
 * @param down computes the old value back from the new column in down, or null: down uses PostgreSQL's cast from the
 *             new type to the old one (and is refused at generate time when there is none)
 */
public record Conversion(String up, String down) {

  public Conversion {
    Objects.requireNonNull(up, "up");
    if (up.isBlank()) {
      throw new IllegalArgumentException("a type conversion needs a USING expression");
    }
    if (down != null && down.isBlank()) {
      down = null;
    }
  }
}
