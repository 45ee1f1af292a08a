package io.ashpg.migration.run;

import io.ashpg.repo.Repo;
import io.ashpg.repo.RepoConfig;
import java.util.Objects;
import javax.sql.DataSource;

/**
 * What {@link Migrations} works on: a database (a {@link DataSource}, or URL/user/password), the repo's name, where
 * its migrations live and how to list its tenants. {@link #of(Repo)} derives all of it from a {@link Repo}.
 *
 * @param dataSource the database, or null when {@code url} is given
 * @param url JDBC URL, used when {@code dataSource} is null
 * @param user user for {@code url}
 * @param password password for {@code url}
 * @param repoName the repo's snake_case name, e.g. {@code blog_repo}
 * @param migrationsLocation public migrations, default {@code classpath:db/<repo>/migrations}
 * @param tenantMigrationsLocation tenant migrations, default {@code classpath:db/<repo>/tenant_migrations}
 * @param tenantLister the tenants; null when the repo has none
 * @param citus the database is a Citus cluster ({@link Repo#citus()}): tenant runs create missing tenant schemas as
 *     distributed schemas (see {@link MigratorOptions#citus()})
 */
public record MigrationTarget(DataSource dataSource, String url, String user, String password, String repoName,
    String migrationsLocation, String tenantMigrationsLocation, TenantLister tenantLister, boolean citus) {

  public MigrationTarget {
    if (dataSource == null && url == null) {
      throw new IllegalArgumentException("give a DataSource or a JDBC URL for repo " + repoName);
    }
    Objects.requireNonNull(repoName, "repoName");
    if (migrationsLocation == null) {
      migrationsLocation = "classpath:db/" + repoName + "/migrations";
    }
    if (tenantMigrationsLocation == null) {
      tenantMigrationsLocation = "classpath:db/" + repoName + "/tenant_migrations";
    }
  }

  /**
   * The target a {@link Repo} describes: its {@link Repo#config() connection}, its name, its migration paths on the
   * classpath, its {@link Repo#allTenants(java.sql.Connection) tenants} and whether it is on {@link Repo#citus()
   * Citus}.
   *
   * @throws IllegalStateException naming the repo and the settings to use when it has no connection configured
   */
  public static MigrationTarget of(Repo repo) {
    RepoConfig config = repo.config();
    if (config.dataSource().isPresent()) {
      return of(repo, config.dataSource().get());
    }
    String url = config.jdbcUrl().orElseThrow(() -> new IllegalStateException("repo " + repo.name()
        + " has no database configured: set ashpg.url/ASHPG_URL (and ASHPG_USERNAME, ASHPG_PASSWORD) or override "
        + repo.getClass().getName() + ".config()"));
    return new MigrationTarget(null, url, config.username().orElse(null), config.password().orElse(null),
        repo.name(), "classpath:" + repo.migrationsPath(), "classpath:" + repo.tenantMigrationsPath(),
        tenantLister(repo), repo.citus());
  }

  /**
   * The target a {@link Repo} describes, on {@code dataSource} instead of the repo's own {@link Repo#config()
   * connection} (an application's pool, e.g. the one Spring Boot configures): its name, its migration paths on the
   * classpath, its tenants and whether it is on Citus.
   */
  public static MigrationTarget of(Repo repo, DataSource dataSource) {
    Objects.requireNonNull(dataSource, "dataSource");
    return new MigrationTarget(dataSource, null, null, null, repo.name(), "classpath:" + repo.migrationsPath(),
        "classpath:" + repo.tenantMigrationsPath(), tenantLister(repo), repo.citus());
  }

  private static TenantLister tenantLister(Repo repo) {
    return c -> {
      try {
        return repo.allTenants(c);
      } catch (UnsupportedOperationException e) {
        // the Repo default: a tenant run of a repo that never said who its tenants are is a migration error
        throw new MigrationException("repo " + repo.name() + " has tenant migrations to run (classpath:"
            + repo.tenantMigrationsPath() + ") but cannot list its tenants: " + e.getMessage(), e);
      }
    };
  }

  /** A target over {@code dataSource} with the default classpath locations. */
  public static MigrationTarget of(DataSource dataSource, String repoName) {
    return new MigrationTarget(dataSource, null, null, null, repoName, null, null, null, false);
  }

  /** A target connecting with a JDBC URL, with the default classpath locations. */
  public static MigrationTarget of(String url, String user, String password, String repoName) {
    return new MigrationTarget(null, url, user, password, repoName, null, null, null, false);
  }

  /**
   * The database as a {@link DataSource}: the given one, or a non-pooling one that opens each connection to
   * {@code url} (for tools that read on a few connections, such as the drift check).
   */
  public DataSource connections() {
    return dataSource != null ? dataSource : Connections.simple(url, user, password);
  }

  /** This target with {@code lister} listing the tenants. */
  public MigrationTarget withTenants(TenantLister lister) {
    return new MigrationTarget(dataSource, url, user, password, repoName, migrationsLocation, tenantMigrationsLocation,
        lister, citus);
  }

  /** This target on a Citus cluster, or not (see {@link MigratorOptions#citus()}). */
  public MigrationTarget withCitus(boolean citus) {
    return new MigrationTarget(dataSource, url, user, password, repoName, migrationsLocation, tenantMigrationsLocation,
        tenantLister, citus);
  }

  /** This target with other migration locations. */
  public MigrationTarget withLocations(String migrations, String tenantMigrations) {
    return new MigrationTarget(dataSource, url, user, password, repoName, migrations, tenantMigrations, tenantLister,
        citus);
  }
}
