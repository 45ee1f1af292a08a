package io.ashpg.data;

import io.ashpg.sql.Expr;
import java.util.List;

/**
 * The {@code ON CONFLICT} part of an insert, resolved against a model.
 *
 * @param target    conflict target entries: quoted columns, or parenthesised SQL for calculation keys
 * @param where     index predicate for partial unique indexes (identity where, base filter), or null
 * @param set       attributes overwritten with the proposed ({@code EXCLUDED}) values
 * @param condition when the existing row is updated ({@code DO UPDATE … WHERE}), or null for always
 */
record Upsert(List<String> target, String where, List<String> set, Expr condition) {
  Upsert {
    target = List.copyOf(target);
    set = List.copyOf(set);
  }
}
