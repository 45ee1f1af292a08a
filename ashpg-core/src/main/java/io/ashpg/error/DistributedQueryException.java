package io.ashpg.error;

/**
 * A Citus cluster refused a statement it cannot run across its nodes as written, e.g. a join of two tenants'
 * tables, which live on different nodes (Citus: "cannot push down this subquery", "the query contains a join that
 * requires repartitioning"). Raised only for resources of a {@linkplain io.ashpg.repo.Repo#citus() Citus repo}; the
 * statement did nothing (a refused write wrote no row), so the caller never sees a partial or wrong answer. The
 * message names the operation, Citus's reason and how to keep a query on one node.
 */
public final class DistributedQueryException extends AshPgException {
  private static final long serialVersionUID = 1L;

  public DistributedQueryException(String message, String sqlState, Throwable cause) {
    super(message, sqlState, cause);
  }
}
