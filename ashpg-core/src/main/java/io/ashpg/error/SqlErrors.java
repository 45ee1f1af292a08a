package io.ashpg.error;

import java.sql.SQLException;

/** Translates {@link SQLException}s that are not constraint violations into {@link AshPgException}s. */
public final class SqlErrors {
  private SqlErrors() {}

  /**
   * The exception for {@code e}; {@code what} names the operation and resource, e.g. {@code "read of post"}. The
   * message never includes bind values.
   */
  public static AshPgException translate(SQLException e, String what) {
    String state = e.getSQLState();
    String message = what + " failed" + (state == null ? "" : " [" + state + "]") + ": " + e.getMessage();
    if (state == null) {
      return new DatabaseException(message, null, e);
    }
    return switch (state) {
      case "55P03" -> new LockUnavailableException(what + ": a row lock is not available (NOWAIT) [55P03]", state, e);
      case "57014" -> new StatementTimeoutException(what + ": statement cancelled (timeout) [57014]", state, e);
      case "40001", "40P01" -> new TransactionConflictException(message, state, e);
      default -> new DatabaseException(message, state, e);
    };
  }

  /**
   * {@link #translate(SQLException, String)} for a statement on a database that is a Citus cluster ({@code citus}):
   * a statement refused as not supported ({@code 0A000}) or failed in Citus's planner or executor ({@code XX000},
   * which Citus uses e.g. for joins that need repartitioning) becomes a {@link DistributedQueryException} that says
   * how to keep the query on one node.
   */
  public static AshPgException translate(SQLException e, String what, boolean citus) {
    String state = e.getSQLState();
    if (citus && ("0A000".equals(state) || "XX000".equals(state))) {
      return new DistributedQueryException(what + " failed: the Citus cluster cannot run it as written [" + state
          + "]: " + e.getMessage() + "\nOn Citus a statement runs on one node when it stays within one tenant — one"
          + " tenant schema (context multitenancy) or one tenant value (attribute multitenancy) — plus reference"
          + " tables. Give the query its tenant, or run one query per tenant and combine the results in the"
          + " application; nothing was read or written", state, e);
    }
    return translate(e, what);
  }
}
