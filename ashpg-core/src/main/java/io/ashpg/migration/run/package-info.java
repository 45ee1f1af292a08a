/**
 * The migrator: applies and rolls back SQL migration files ({@link io.ashpg.migration.run.MigrationFile}) in one
 * schema ({@link io.ashpg.migration.run.Migrator}) or in every tenant schema
 * ({@link io.ashpg.migration.run.TenantMigrator}), safely when several run at once, tracking applied versions in
 * Ecto's {@code schema_migrations} layout. {@link io.ashpg.migration.run.Migrations} is the production entry point;
 * {@link io.ashpg.migration.run.DatabaseAdmin} creates and drops databases.
 *
 * <h2>Errors</h2>
 * One rule for the whole package: a method returns only when everything it was asked to do succeeded, and every
 * failure is a {@link io.ashpg.migration.run.MigrationException} — a migration whose SQL failed as well as a problem
 * found before anything ran (a malformed or edited file, an unreachable server, a lock not released in time).
 * So a caller that ignores the returned {@link io.ashpg.migration.run.MigrationResult} can never mistake a failed
 * deploy for a successful one. When a run started and then failed,
 * {@link io.ashpg.migration.run.MigrationException#result()} holds the failed result: what ran in every schema or
 * tenant (a tenant run keeps going past a failing tenant and throws at the end) and each failure with its file,
 * statement and SQL error; it is null for a run that never started. The message lists the same failures.
 * Arguments that make no sense (a blank repo name, a negative step) are {@link IllegalArgumentException}s, thrown
 * before anything connects.
 */
package io.ashpg.migration.run;
