package io.ashpg.data;

import java.util.List;

/**
 * The {@code ON CONFLICT} part of an insert, resolved against a model.
 *
 * @param target conflict target entries: quoted columns, or parenthesised SQL for calculation keys
 * @param where  index predicate for partial unique indexes (identity where, base filter), or null
 * @param set    attributes overwritten with the proposed ({@code EXCLUDED}) values
 */
record Upsert(List<String> target, String where, List<String> set) {
  Upsert {
    target = List.copyOf(target);
    set = List.copyOf(set);
  }
}
