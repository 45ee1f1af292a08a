package io.ashpg.migration.diff;

/**
 * A fact about the database that an operation establishes ({@linkplain Facts#provides provides}) or needs
 * before it can run ({@linkplain Facts#requires requires}). A required fact that no operation of the batch
 * provides is already true (the database has it), so it does not constrain the order.
 *
 * @param kind   what kind of fact
 * @param table  table id ({@code schema.table}, public when unqualified) or a schema for index names
 * @param detail column, sorted column list, or constraint/index name; empty when not applicable
 */
public record Fact(Kind kind, String table, String detail) {

  /** Kinds of facts. */
  public enum Kind {
    /** The table exists under this name (created, renamed or moved here). */
    TABLE_READY,
    /** The column exists under this name with its new definition. */
    COLUMN_READY,
    /** A unique, non-partial index or the primary key exists on exactly this column set. */
    UNIQUE_READY,
    /** No FK references this column of this table any more. */
    REFERENCING_FK_DROPPED,
    /**
     * A unique key (primary key, unique non-partial index) on exactly this column set was added or removed: FKs
     * to these columns are added after it, so they use the key the table ends up with.
     */
    KEY_CHANGED,
    /**
     * An FK to exactly this column set was dropped: keys on these columns change after it, so the FK never depends
     * on a key being dropped (in up, or in the reversed down).
     */
    FK_UNBOUND,
    /** Indexes and constraints of the table that use this column are dropped. */
    COLUMN_RELEASED,
    /** The primary key constraint is dropped. */
    PRIMARY_KEY_REMOVED,
    /** No index in this schema has this name any more. */
    INDEX_NAME_FREE,
    /** No constraint on this table has this name any more. */
    CONSTRAINT_NAME_FREE,
    /** A structural change of the table was made (custom statements wait for all of them). */
    TABLE_STRUCTURE_CHANGED,
    /** The table's removed custom statements were undone (before its structure changes). */
    STATEMENTS_UNDONE,
    /** The table has the Citus placement the batch gives it (distributed, reference or local again). */
    DISTRIBUTED,
    /** Requested extensions are installed. */
    EXTENSIONS_READY
  }
}
