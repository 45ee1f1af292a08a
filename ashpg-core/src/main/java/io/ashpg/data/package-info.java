/**
 * The JDBC data layer: {@link io.ashpg.data.DataLayer} runs immutable {@link io.ashpg.data.Query}s and
 * {@link io.ashpg.data.Changeset}s (create, update, destroy, upsert), bulk writes (unnest, multi-row VALUES, COPY),
 * transactions with savepoints and statement timeouts, and returns {@link io.ashpg.data.Row}s or records.
 *
 * <p>Every statement is one parameterised SQL text whose shape depends only on the query's shape (so pgjdbc's
 * server-side prepared statements are reused); tables are always schema-qualified; every failure is an
 * {@link io.ashpg.error.AshPgException}.
 */
package io.ashpg.data;
