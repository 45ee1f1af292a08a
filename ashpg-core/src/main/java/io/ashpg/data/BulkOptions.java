package io.ashpg.data;

import java.util.List;
import java.util.Objects;

/**
 * Options of {@link DataLayer#bulkCreate}.
 *
 * @param batchSize      rows per statement (default 10,000: with unnest the SQL text does not grow with the batch,
 *                       and fewer, larger statements measured cheaper; the VALUES path sends at most
 *                       1,000 rows per statement and also stays under PostgreSQL's 65,535
 *                       bind parameters)
 * @param returnRecords  whether to return the created rows (default true); without, {@link Method#AUTO} uses COPY
 * @param upsertIdentity identity to upsert on ({@code ""} for the primary key), or null for plain inserts
 * @param upsertFields   attributes overwritten on conflict (update defaults such as {@code updated_at} are added)
 * @param method         how rows are sent
 * @param upsertCondition when a conflicting existing row is updated (see
 *                        {@link DataLayer#upsert(Changeset, String, List, io.ashpg.sql.Expr)}), or null for always
 */
public record BulkOptions(int batchSize, boolean returnRecords, String upsertIdentity, List<String> upsertFields,
                          Method method, io.ashpg.sql.Expr upsertCondition) {

  /** How bulk rows are sent. */
  public enum Method {
    /**
     * COPY when no rows are returned and there is no upsert; otherwise unnest, or multi-row VALUES when the resource
     * has array attributes (unnest would flatten them) or its repo is on {@linkplain io.ashpg.repo.Repo#citus()
     * Citus} (there an {@code INSERT … SELECT unnest(…)} is computed on the coordinator and then copied to the shard,
     * while a multi-row VALUES goes to the tenant's node as one router statement).
     */
    AUTO,
    /**
     * {@code INSERT … SELECT unnest(?::t1[]), unnest(?::t2[]), …}: one array bind per column, SQL text independent of
     * row count.
     */
    UNNEST,
    /** {@code INSERT … VALUES (…), (…)}: one bind per value. */
    VALUES,
    /** {@code COPY … FROM STDIN}: fastest; returns no rows and cannot upsert. */
    COPY
  }

  public BulkOptions {
    if (batchSize < 1) {
      throw new IllegalArgumentException("batchSize must be >= 1, was " + batchSize);
    }
    upsertFields = List.copyOf(upsertFields);
    Objects.requireNonNull(method, "method");
    if (upsertCondition != null && upsertIdentity == null) {
      throw new IllegalArgumentException("an upsert condition needs an upsert; call upsert(identity, fields) first");
    }
  }

  /** Options without an upsert condition. */
  public BulkOptions(int batchSize, boolean returnRecords, String upsertIdentity, List<String> upsertFields,
                     Method method) {
    this(batchSize, returnRecords, upsertIdentity, upsertFields, method, null);
  }

  /**
   * Updates a conflicting row only when {@code condition} holds for it ({@code attr(…)} is the existing value,
   * {@link io.ashpg.sql.Exprs#upsertConflict} the proposed one); other conflicting rows are skipped and counted in
   * {@link BulkResult#skipped()}.
   */
  public BulkOptions upsertCondition(io.ashpg.sql.Expr condition) {
    return new BulkOptions(batchSize, returnRecords, upsertIdentity, upsertFields, method,
        Objects.requireNonNull(condition, "condition"));
  }

  /** Defaults: batches of 10,000, rows returned, no upsert, {@link Method#AUTO}. */
  public static BulkOptions defaults() {
    return new BulkOptions(10_000, true, null, List.of(), Method.AUTO);
  }

  /** With another batch size. */
  public BulkOptions batchSize(int size) {
    return new BulkOptions(size, returnRecords, upsertIdentity, upsertFields, method, upsertCondition);
  }

  /** Without returned rows (allows COPY). */
  public BulkOptions noReturn() {
    return new BulkOptions(batchSize, false, upsertIdentity, upsertFields, method, upsertCondition);
  }

  /** Upsert on {@code identity} ({@code ""} for the primary key), overwriting {@code fields}. */
  public BulkOptions upsert(String identity, List<String> fields) {
    return new BulkOptions(batchSize, returnRecords, Objects.requireNonNull(identity, "identity"), fields, method,
        upsertCondition);
  }

  /** With a fixed method. */
  public BulkOptions method(Method method) {
    return new BulkOptions(batchSize, returnRecords, upsertIdentity, upsertFields, method, upsertCondition);
  }
}
