package io.ashpg.migration.run;

/** How concurrent migrators of the same schema are kept apart. */
public enum LockStrategy {
  /**
   * A session advisory lock ({@code pg_try_advisory_lock}), polled with backoff, keyed on (repo, schema). Runs on
   * different schemas proceed in parallel, and since a waiter never sits inside a blocking lock call, it cannot
   * deadlock a {@code CREATE INDEX CONCURRENTLY} run by the holder. Needs session state, so it does not work
   * through PgBouncer in transaction pooling mode — connect directly, or use {@link #TABLE}.
   */
  ADVISORY,
  /**
   * Ecto's way: {@code LOCK TABLE schema_migrations IN SHARE UPDATE EXCLUSIVE MODE} inside each migration's
   * transaction, then the applied versions are read again. Works through transaction-pooling proxies. A
   * no-transaction file cannot hold that lock (it would block its own {@code CONCURRENTLY} statements), so for
   * such files only the version's primary key guards against a second concurrent run.
   */
  TABLE,
  /** No lock: for a single migrator that knows it is alone. */
  NONE
}
