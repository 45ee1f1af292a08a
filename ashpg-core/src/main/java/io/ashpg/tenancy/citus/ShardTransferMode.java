package io.ashpg.tenancy.citus;

/**
 * How Citus copies a tenant's tables to another node ({@code citus.shard_transfer_mode}).
 */
public enum ShardTransferMode {
  /**
   * Logical replication when every table has a replica identity (a primary key), else fail: writes go on during the
   * copy and wait only for the short final switch. Needs {@code wal_level = logical} on the nodes.
   *
   * <p>Safe only while the workers commit synchronously ({@code synchronous_commit} not {@code off}, PostgreSQL's
   * default): Citus ends the copy once the new node has the WAL the old one has <em>written</em>, and an asynchronous
   * commit is acknowledged before that; with Citus 13.2.2 and {@code synchronous_commit = off}, writes acknowledged
   * just before the switch were lost. {@link CitusTenants} therefore refuses a logical transfer while a worker says
   * {@code off}.
   */
  AUTO("auto"),
  /**
   * Logical replication even for tables without a replica identity (their updates and deletes then fail); the
   * caveat of {@link #AUTO} applies.
   */
  FORCE_LOGICAL("force_logical"),
  /**
   * Copy while blocking writes to the tenant; reads go on. Works whatever {@code wal_level} and
   * {@code synchronous_commit} are.
   */
  BLOCK_WRITES("block_writes");

  private final String sql;

  ShardTransferMode(String sql) {
    this.sql = sql;
  }

  /** The value Citus's functions take, e.g. {@code block_writes}. */
  public String sqlValue() {
    return sql;
  }
}
