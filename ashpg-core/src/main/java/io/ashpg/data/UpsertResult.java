package io.ashpg.data;

import java.util.Objects;
import java.util.Optional;

/**
 * What a single upsert did.
 *
 * @param outcome inserted, updated, or skipped (a conflict whose upsert condition did not hold)
 * @param row     the inserted or updated row; empty when skipped
 */
public record UpsertResult(Outcome outcome, Optional<Row> row) {

  /** What an upsert did with one proposed row. */
  public enum Outcome {
    /** No row had its keys: the proposed row was inserted. */
    INSERTED,
    /** A row had its keys (and met the condition, if any): its upsert fields were overwritten. */
    UPDATED,
    /** A row had its keys but did not meet the upsert condition: nothing was written. */
    SKIPPED
  }

  public UpsertResult {
    Objects.requireNonNull(outcome, "outcome");
    Objects.requireNonNull(row, "row");
    if (row.isPresent() == (outcome == Outcome.SKIPPED)) {
      throw new IllegalArgumentException("a " + outcome + " upsert " + (row.isPresent() ? "has no" : "needs a")
          + " row");
    }
  }
}
