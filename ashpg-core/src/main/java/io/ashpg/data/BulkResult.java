package io.ashpg.data;

import java.util.List;

/**
 * The outcome of a bulk write.
 *
 * @param count    rows written (inserted or updated, or deleted)
 * @param rows     the rows returned (empty unless asked for)
 * @param outcomes for a bulk upsert, whether each written row was inserted or updated, in the order of
 *                 {@code rows} when they are returned; empty for other writes
 * @param skipped  rows of a bulk upsert that conflicted with a row failing the
 *                 {@linkplain BulkOptions#upsertCondition upsert condition}: neither written nor returned
 */
public record BulkResult(long count, List<Row> rows, List<UpsertResult.Outcome> outcomes, long skipped) {
  public BulkResult {
    rows = List.copyOf(rows);
    outcomes = List.copyOf(outcomes);
  }

  /** A result without upsert outcomes. */
  public BulkResult(long count, List<Row> rows) {
    this(count, rows, List.of(), 0);
  }

  /** Rows a bulk upsert inserted (0 for other writes). */
  public long inserted() {
    return outcomes.stream().filter(o -> o == UpsertResult.Outcome.INSERTED).count();
  }

  /** Rows a bulk upsert updated (0 for other writes). */
  public long updated() {
    return outcomes.stream().filter(o -> o == UpsertResult.Outcome.UPDATED).count();
  }
}
