package io.ashpg.migration.snapshot;

import java.util.Objects;

/**
 * How a table is spread over a Citus cluster. A table without one (null in {@link TableSnapshot}) is a plain table:
 * every table of a repo that is not on Citus, a local table of one that is, and the tables in tenant schemas (Citus
 * distributes those schemas whole).
 *
 * @param kind         {@code "reference"} (copied to every node) or {@code "distributed"} (sharded by {@code column})
 * @param column       the distribution column of a distributed table, else null
 * @param colocateWith the table (schema null for the default schema) a distributed table's shards are placed with,
 *                     or null for Citus's default group; only used when the table is distributed
 */
public record DistributionSnapshot(String kind, String column, TableKey colocateWith) {

  /** The kind of a reference table. */
  public static final String REFERENCE = "reference";
  /** The kind of a distributed (sharded) table. */
  public static final String DISTRIBUTED = "distributed";

  public DistributionSnapshot {
    Objects.requireNonNull(kind, "distribution kind");
    if (kind.equals(REFERENCE)) {
      if (column != null || colocateWith != null) {
        throw new IllegalArgumentException("a reference table has no distribution column or colocation; remove"
            + " \"column\" and \"colocate_with\"");
      }
    } else if (kind.equals(DISTRIBUTED)) {
      if (column == null) {
        throw new IllegalArgumentException("a distributed table needs its distribution \"column\"");
      }
    } else {
      throw new IllegalArgumentException("distribution kind '" + kind + "' is unknown; use \"" + REFERENCE
          + "\" or \"" + DISTRIBUTED + "\"");
    }
  }

  /** A reference table. */
  public static DistributionSnapshot reference() {
    return new DistributionSnapshot(REFERENCE, null, null);
  }

  /** A table distributed by {@code column}, colocated with {@code colocateWith} (null: Citus's default). */
  public static DistributionSnapshot distributed(String column, TableKey colocateWith) {
    return new DistributionSnapshot(DISTRIBUTED, column, colocateWith);
  }

  /** Whether this is a reference table. */
  public boolean isReference() {
    return kind.equals(REFERENCE);
  }

  /** Whether this is a distributed table. */
  public boolean isDistributed() {
    return kind.equals(DISTRIBUTED);
  }

  /**
   * Whether {@code a} and {@code b} (null: local) place the rows the same way: kind and column. Colocation is left
   * out, since Citus uses it only when it distributes a table.
   */
  public static boolean samePlacement(DistributionSnapshot a, DistributionSnapshot b) {
    if (a == null || b == null) {
      return a == b;
    }
    return a.kind.equals(b.kind) && Objects.equals(a.column, b.column);
  }

  /** This distribution with the distribution column renamed to {@code c}. */
  public DistributionSnapshot withColumn(String c) {
    return isDistributed() ? new DistributionSnapshot(kind, c, colocateWith) : this;
  }

  /** {@code reference}, or {@code distributed by <column>}: for messages. */
  @Override
  public String toString() {
    return isReference() ? "reference table" : "distributed by " + column
        + (colocateWith == null ? "" : " colocated with " + colocateWith);
  }
}
