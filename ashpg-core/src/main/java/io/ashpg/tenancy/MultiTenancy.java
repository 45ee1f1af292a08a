package io.ashpg.tenancy;

import io.ashpg.error.InvalidQueryException;
import io.ashpg.error.SqlErrors;
import io.ashpg.migration.run.MigrationException;
import io.ashpg.migration.run.MigrationFailure;
import io.ashpg.migration.run.MigrationResult;
import io.ashpg.migration.run.MigratorOptions;
import io.ashpg.migration.run.TenantLister;
import io.ashpg.migration.run.TenantMigrator;
import io.ashpg.migration.run.TenantSchema;
import io.ashpg.repo.Repo;
import io.ashpg.sql.Identifier;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;
import javax.sql.DataSource;

/**
 * Creates, renames, drops, lists and migrates tenant schemas. Every tenant name is checked with
 * {@link Identifier#validateTenant(String)} (letters, digits, {@code _}, {@code -}; at most 63 bytes) before it
 * reaches SQL, and is then quoted.
 *
 * <pre>{@code
 * MultiTenancy.createTenant(dataSource, repo, "org_42");   // CREATE SCHEMA + all tenant migrations
 * MultiTenancy.renameTenant(dataSource, "org_42", "org_43");
 * MultiTenancy.listTenants(dataSource, "org_");            // [org_43]
 * MultiTenancy.dropTenant(dataSource, "org_43");
 * }</pre>
 *
 * <p>On a Citus cluster ({@link Repo#citus()}, or the {@code citus} flag of the methods taking a repo name) new
 * tenant schemas are distributed schemas, each living whole on one worker node; renaming and dropping work the same
 * there. {@link io.ashpg.tenancy.citus.CitusTenants} distributes existing schemas and moves tenants between nodes.
 */
public final class MultiTenancy {
  private MultiTenancy() {}

  /** The default tenant migrations location of {@code repo}: {@code classpath:<repo.tenantMigrationsPath()>}. */
  public static String tenantMigrationsLocation(Repo repo) {
    return "classpath:" + repo.tenantMigrationsPath();
  }

  /**
   * Creates the schema {@code tenant} (if missing; a Citus distributed schema when {@link Repo#citus()}) and applies
   * all of {@code repo}'s tenant migrations to it.
   */
  public static MigrationResult createTenant(DataSource dataSource, Repo repo, String tenant) {
    return createTenant(dataSource, repo.name(), tenantMigrationsLocation(repo), tenant, repo.citus());
  }

  /**
   * Creates the schema {@code tenant} (if missing) and applies the tenant migrations at {@code location} (a directory
   * or {@code classpath:} location) to it.
   *
   * @throws MigrationException naming the tenant when a migration fails (the schema stays, at the last good version)
   */
  public static MigrationResult createTenant(DataSource dataSource, String repoName, String location,
                                             String tenant) {
    return createTenant(dataSource, repoName, location, tenant, false);
  }

  /**
   * {@link #createTenant(DataSource, String, String, String)}; with {@code citus}, the schema is created as a Citus
   * distributed schema (see {@link TenantSchema}), so the tenant's tables live together on one worker node.
   *
   * @throws MigrationException naming the tenant when a migration fails (the schema stays, at the last good version)
   */
  public static MigrationResult createTenant(DataSource dataSource, String repoName, String location,
                                             String tenant, boolean citus) {
    createSchema(dataSource, tenant, citus);
    return migrateTenant(dataSource, repoName, location, tenant, citus);
  }

  /** {@code CREATE SCHEMA IF NOT EXISTS "tenant"}. */
  public static void createSchema(DataSource dataSource, String tenant) {
    createSchema(dataSource, tenant, false);
  }

  /**
   * {@code CREATE SCHEMA IF NOT EXISTS "tenant"}; with {@code citus}, as a Citus distributed schema (see
   * {@link TenantSchema}). An existing schema is left as it is; distribute existing tenants with
   * {@link io.ashpg.tenancy.citus.CitusTenants#distributeSchemas}.
   */
  public static void createSchema(DataSource dataSource, String tenant, boolean citus) {
    String what = "create tenant schema '" + tenant + "'" + (citus ? " as a Citus distributed schema" : "");
    validate(tenant);
    try (Connection c = dataSource.getConnection()) {
      c.setAutoCommit(true);
      TenantSchema.create(c, tenant, citus);
    } catch (SQLException e) {
      throw SqlErrors.translate(e, what);
    }
  }

  /**
   * Applies every pending tenant migration at {@code location} to the one schema {@code tenant}, with the tenant
   * migrator's per-tenant advisory lock; each migration runs in its own transaction (or none, when the file says
   * so) on connections of {@code dataSource}.
   *
   * @throws MigrationException naming the tenant when a migration fails
   */
  public static MigrationResult migrateTenant(DataSource dataSource, String repoName, String location,
                                              String tenant) {
    return migrateTenant(dataSource, repoName, location, tenant, false);
  }

  /**
   * {@link #migrateTenant(DataSource, String, String, String)}; with {@code citus}, a missing schema is created as a
   * Citus distributed schema.
   *
   * @throws MigrationException naming the tenant when a migration fails
   */
  public static MigrationResult migrateTenant(DataSource dataSource, String repoName, String location,
                                              String tenant, boolean citus) {
    validate(tenant);
    MigratorOptions options = MigratorOptions.builder().repoName(Objects.requireNonNull(repoName, "repoName"))
        .location(Objects.requireNonNull(location, "location")).all().quiet(true).citus(citus).build();
    try {
      return TenantMigrator.create(dataSource, options, TenantLister.of(List.of(tenant))).migrate();
    } catch (MigrationException e) {
      if (e.result() == null) {
        throw e;
      }
      throw new MigrationException("tenant migrations of repo " + repoName + " from " + location
          + " failed in tenant schema '" + tenant + "': " + e.result().failures().stream()
          .map(MigrationFailure::describe).collect(Collectors.joining("; ")), e, e.result());
    }
  }

  /** {@link #migrateTenant(DataSource, String, String, String)} with {@code repo}'s tenant migrations path. */
  public static MigrationResult migrateTenant(DataSource dataSource, Repo repo, String tenant) {
    return migrateTenant(dataSource, repo.name(), tenantMigrationsLocation(repo), tenant, repo.citus());
  }

  /** {@code ALTER SCHEMA "from" RENAME TO "to"}, on its own connection. */
  public static void renameTenant(DataSource dataSource, String from, String to) {
    try (Connection c = dataSource.getConnection()) {
      renameTenant(c, from, to);
    } catch (SQLException e) {
      throw SqlErrors.translate(e, "rename tenant schema '" + from + "' to '" + to + "'");
    }
  }

  /** {@code ALTER SCHEMA "from" RENAME TO "to"} on {@code connection} (so it can join a running transaction). */
  public static void renameTenant(Connection connection, String from, String to) throws SQLException {
    String sql = "ALTER SCHEMA " + quote(from) + " RENAME TO " + quote(to);
    try (Statement s = connection.createStatement()) {
      s.execute(sql);
    }
  }

  /** {@code DROP SCHEMA IF EXISTS "tenant" CASCADE}: the tenant's tables and data are gone. */
  public static void dropTenant(DataSource dataSource, String tenant) {
    execute(dataSource, "DROP SCHEMA IF EXISTS " + quote(tenant) + " CASCADE", "drop tenant schema '" + tenant + "'");
  }

  /**
   * The schemas whose names start with {@code prefix} (e.g. {@code "org_"}), sorted; system schemas and
   * {@code public} are never listed.
   */
  public static List<String> listTenants(DataSource dataSource, String prefix) {
    String sql = "SELECT nspname FROM pg_namespace WHERE starts_with(nspname, ?) AND nspname <> 'public'"
        + " AND nspname <> 'information_schema' AND NOT starts_with(nspname, 'pg_') ORDER BY nspname";
    try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setString(1, Objects.requireNonNull(prefix, "prefix"));
      List<String> out = new ArrayList<>();
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(rs.getString(1));
        }
      }
      return List.copyOf(out);
    } catch (SQLException e) {
      throw SqlErrors.translate(e, "list tenant schemas starting with '" + prefix + "'");
    }
  }

  /**
   * Checks a tenant name.
   *
   * @throws InvalidQueryException naming the tenant and the rule
   */
  public static String validate(String tenant) {
    try {
      return Identifier.validateTenant(tenant);
    } catch (IllegalArgumentException e) {
      throw new InvalidQueryException(e.getMessage(), e);
    }
  }

  private static String quote(String tenant) {
    return Identifier.quote(validate(tenant));
  }

  private static void execute(DataSource dataSource, String sql, String what) {
    try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
      s.execute(sql);
    } catch (SQLException e) {
      throw SqlErrors.translate(e, what);
    }
  }
}
