package io.ashpg.data;

import java.util.List;

/**
 * The outcome of a bulk write.
 *
 * @param count rows written (inserted or updated, or deleted)
 * @param rows  the rows returned (empty unless asked for)
 */
public record BulkResult(long count, List<Row> rows) {
  public BulkResult {
    rows = List.copyOf(rows);
  }
}
