package io.ashpg.migration.run;

import java.util.Objects;
import javax.sql.DataSource;

/**
 * What {@link Migrations} works on: a database (a {@link DataSource}, or URL/user/password), the repo's name, where
 * its migrations live and how to list its tenants. Stands in for the {@code Repo} class until that exists.
 *
 * @param dataSource the database, or null when {@code url} is given
 * @param url JDBC URL, used when {@code dataSource} is null
 * @param user user for {@code url}
 * @param password password for {@code url}
 * @param repoName the repo's snake_case name, e.g. {@code blog_repo}
 * @param migrationsLocation public migrations, default {@code classpath:db/<repo>/migrations}
 * @param tenantMigrationsLocation tenant migrations, default {@code classpath:db/<repo>/tenant_migrations}
 * @param tenantLister the tenants; null when the repo has none
 */
public record MigrationTarget(DataSource dataSource, String url, String user, String password, String repoName,
    String migrationsLocation, String tenantMigrationsLocation, TenantLister tenantLister) {

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

  /** A target over {@code dataSource} with the default classpath locations. */
  public static MigrationTarget of(DataSource dataSource, String repoName) {
    return new MigrationTarget(dataSource, null, null, null, repoName, null, null, null);
  }

  /** A target connecting with a JDBC URL, with the default classpath locations. */
  public static MigrationTarget of(String url, String user, String password, String repoName) {
    return new MigrationTarget(null, url, user, password, repoName, null, null, null);
  }

  /** This target with {@code lister} listing the tenants. */
  public MigrationTarget withTenants(TenantLister lister) {
    return new MigrationTarget(dataSource, url, user, password, repoName, migrationsLocation, tenantMigrationsLocation,
        lister);
  }

  /** This target with other migration locations. */
  public MigrationTarget withLocations(String migrations, String tenantMigrations) {
    return new MigrationTarget(dataSource, url, user, password, repoName, migrations, tenantMigrations, tenantLister);
  }
}
