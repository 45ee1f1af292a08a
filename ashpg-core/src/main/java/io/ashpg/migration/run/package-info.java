/**
 * The migrator: applies and rolls back SQL migration files ({@link io.ashpg.migration.run.MigrationFile}) in one
 * schema ({@link io.ashpg.migration.run.Migrator}) or in every tenant schema
 * ({@link io.ashpg.migration.run.TenantMigrator}), safely when several run at once, tracking applied versions in
 * Ecto's {@code schema_migrations} layout. {@link io.ashpg.migration.run.Migrations} is the production entry point;
 * {@link io.ashpg.migration.run.DatabaseAdmin} creates and drops databases.
 */
package io.ashpg.migration.run;
