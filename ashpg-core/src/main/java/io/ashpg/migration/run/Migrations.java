package io.ashpg.migration.run;

import io.ashpg.repo.Repo;
import java.util.Collection;
import java.util.List;

/**
 * Migrations in production, from the application's classpath — the Java counterpart of the {@code Release} module
 * of the AshPostgres guide. Each method takes the lock, runs, and throws a {@link MigrationException} (holding the
 * {@link MigrationResult}) when anything failed, so a deploy step stops on error; on success it returns the result
 * (the rule of the whole {@linkplain io.ashpg.migration.run package}).
 *
 * <pre>{@code
 * MigrationTarget blog = MigrationTarget.of(dataSource, "blog_repo")
 *     .withTenants(c -> jdbcList(c, "SELECT 'org_' || id FROM orgs"));
 * Migrations.migrateAll(blog);
 * }</pre>
 */
public final class Migrations {

  private Migrations() {
  }

  /** Applies every pending public migration of {@code repo} (see {@link MigrationTarget#of(Repo)}). */
  public static MigrationResult migrate(Repo repo) {
    return migrate(MigrationTarget.of(repo));
  }

  /** Applies every pending tenant migration of {@code repo} in every schema {@link Repo#allTenants} lists. */
  public static MigrationResult migrateTenants(Repo repo) {
    return migrateTenants(MigrationTarget.of(repo));
  }

  /**
   * Public then tenant migrations of {@code repo}; a repo without tenant migrations (nothing at its
   * {@link Repo#tenantMigrationsPath()}) needs no {@link Repo#allTenants} and gets only the public ones.
   */
  public static MigrationResult migrateAll(Repo repo) {
    return migrateAll(MigrationTarget.of(repo));
  }

  /** Rolls back {@code repo}'s public migrations down to and including {@code version}. */
  public static MigrationResult rollback(Repo repo, long version) {
    return rollback(MigrationTarget.of(repo), version);
  }

  /** Rolls back {@code repo}'s tenant migrations, in every tenant, down to and including {@code version}. */
  public static MigrationResult rollbackTenants(Repo repo, long version) {
    return rollbackTenants(MigrationTarget.of(repo), version);
  }

  /** Applies every pending public migration. */
  public static MigrationResult migrate(MigrationTarget target) {
    return migrate(target, options(target, target.migrationsLocation()).build());
  }

  /** Applies public migrations with explicit options (their locations, if empty, default to the target's). */
  public static MigrationResult migrate(MigrationTarget target, MigratorOptions options) {
    return migrator(target, withLocations(options, target.migrationsLocation(), target)).migrate();
  }

  /** Applies every pending tenant migration in every tenant. */
  public static MigrationResult migrateTenants(MigrationTarget target) {
    return migrateTenants(target, options(target, target.tenantMigrationsLocation()).build());
  }

  /** Applies tenant migrations with explicit options (e.g. onlyTenants, parallelism). */
  public static MigrationResult migrateTenants(MigrationTarget target, MigratorOptions options) {
    return tenantMigrator(target, withLocations(options, target.tenantMigrationsLocation(), target)).migrate();
  }

  /** Public migrations, then (when the target lists tenants and has tenant migrations) tenant migrations. */
  public static MigrationResult migrateAll(MigrationTarget target) {
    MigrationResult pub = migrate(target);
    boolean tenants = target.tenantLister() != null && hasTenantMigrations(target);
    return tenants ? pub.and(migrateTenants(target)) : pub;
  }

  /** Rolls back public migrations down to and including {@code version}. */
  public static MigrationResult rollback(MigrationTarget target, long version) {
    return migrator(target, options(target, target.migrationsLocation()).build()).rollback(version);
  }

  /** Rolls back every tenant's migrations down to and including {@code version}. */
  public static MigrationResult rollbackTenants(MigrationTarget target, long version) {
    return tenantMigrator(target, options(target, target.tenantMigrationsLocation()).build())
        .rollbackTenants(version);
  }

  /**
   * Rolls back those of {@code versions} that are applied in the public schema, newest first (see
   * {@link Migrator#rollbackVersions}).
   */
  public static MigrationResult rollbackVersions(MigrationTarget target, Collection<Long> versions) {
    return migrator(target, options(target, target.migrationsLocation()).build()).rollbackVersions(versions);
  }

  /** Rolls back, in every tenant, those of {@code versions} that the tenant has applied, newest first. */
  public static MigrationResult rollbackTenantVersions(MigrationTarget target, Collection<Long> versions) {
    return tenantMigrator(target, options(target, target.tenantMigrationsLocation()).build())
        .rollbackVersions(versions);
  }

  /**
   * Applied, pending and changed public migrations of {@code target}; takes no lock and changes nothing (see
   * {@link Migrator#status()}).
   */
  public static MigrationStatus status(MigrationTarget target) {
    return migrator(target, options(target, target.migrationsLocation()).build()).status();
  }

  /**
   * The status of every tenant of {@code target} (see {@link TenantMigrator#fleetStatus()}); reads only.
   *
   * @throws MigrationException when the target has no tenant lister
   */
  public static TenantStatus tenantStatus(MigrationTarget target) {
    return tenantMigrator(target, options(target, target.tenantMigrationsLocation()).build()).fleetStatus();
  }

  /** Whether {@code target} has tenant migrations: a file at its {@link MigrationTarget#tenantMigrationsLocation()}. */
  public static boolean hasTenantMigrations(MigrationTarget target) {
    return !MigrationSource.of(List.of(target.tenantMigrationsLocation())).load().isEmpty();
  }

  private static MigratorOptions.Builder options(MigrationTarget target, String location) {
    return MigratorOptions.builder().repoName(target.repoName()).location(location).citus(target.citus());
  }

  private static MigratorOptions withLocations(MigratorOptions options, String location, MigrationTarget target) {
    // a Citus target makes tenant schemas distributed whatever the explicit options say: plain ones there would be
    // local tables on the coordinator, outside the cluster
    MigratorOptions.Builder b = options.toBuilder().repoName(target.repoName())
        .citus(options.citus() || target.citus());
    return options.locations().isEmpty() ? b.locations(List.of(location)).build() : b.build();
  }

  private static Migrator migrator(MigrationTarget target, MigratorOptions options) {
    return target.dataSource() != null
        ? Migrator.create(target.dataSource(), options)
        : Migrator.create(target.url(), target.user(), target.password(), options);
  }

  private static TenantMigrator tenantMigrator(MigrationTarget target, MigratorOptions options) {
    if (target.tenantLister() == null) {
      throw new MigrationException("repo " + target.repoName() + " has no tenant lister; give one with"
          + " MigrationTarget.withTenants(connection -> list of tenant schema names)");
    }
    return target.dataSource() != null
        ? TenantMigrator.create(target.dataSource(), options, target.tenantLister())
        : TenantMigrator.create(target.url(), target.user(), target.password(), options, target.tenantLister());
  }
}
