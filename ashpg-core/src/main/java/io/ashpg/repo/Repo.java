package io.ashpg.repo;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;

/**
 * A database the resources live in. Extend it (public class, public no-arg constructor) and override what differs
 * from the defaults; ashpg creates one instance per repo class.
 *
 * <pre>{@code
 * public final class BlogRepo extends Repo {
 *   @Override public List<String> installedExtensions() { return List.of("uuid-ossp", "citext"); }
 * }
 * }</pre>
 */
public abstract class Repo {

  /** Subclasses need a public no-arg constructor. */
  protected Repo() {}

  /**
   * PostgreSQL extensions the migrations install and the SQL may use, e.g. {@code "uuid-ossp"}, {@code "pg_trgm"},
   * {@code "citext"}. Default: none.
   */
  public List<String> installedExtensions() {
    return List.of();
  }

  /**
   * The tenant schema names tenant migrations run in, e.g. {@code SELECT 'org_' || id FROM orgs}.
   * Only needed with context (schema) multitenancy.
   *
   * @throws UnsupportedOperationException unless overridden
   */
  public List<String> allTenants(Connection connection) throws SQLException {
    throw new UnsupportedOperationException(getClass().getName()
        + " uses schema multitenancy but does not override allTenants(Connection); "
        + "override it to return the tenant schema names");
  }

  /** The schema of tables without a {@code schema} option. Default {@code "public"}. */
  public String defaultPrefix() {
    return "public";
  }

  /** Classpath-relative directory of the public migrations. Default {@code db/<name>/migrations}. */
  public String migrationsPath() {
    return "db/" + name() + "/migrations";
  }

  /** Classpath-relative directory of the tenant migrations. Default {@code db/<name>/tenant_migrations}. */
  public String tenantMigrationsPath() {
    return "db/" + name() + "/tenant_migrations";
  }

  /**
   * Rewrites a generated column type for every attribute, e.g. {@code timestamp(0)} to {@code timestamptz}.
   * Default: unchanged.
   */
  public String overrideMigrationType(String pgType) {
    return pgType;
  }

  /**
   * How to connect. Default: system properties {@code ashpg.url}/{@code ashpg.username}/{@code ashpg.password},
   * else environment variables {@code ASHPG_URL}/{@code ASHPG_USERNAME}/{@code ASHPG_PASSWORD}, else
   * {@link RepoConfig#none()} (tools then fall back to their own settings). One of them set but empty, credentials
   * without a URL, or a URL that is not a PostgreSQL one throws (see {@link RepoConfig#fromEnvironment}).
   */
  public RepoConfig config() {
    return RepoConfig.fromEnvironment(System::getProperty, System::getenv);
  }

  /** The oldest PostgreSQL version to generate SQL for; gates newer features. Default 13.0. */
  public ServerVersion minPgVersion() {
    return new ServerVersion(13, 0);
  }

  /** Whether migrations install {@link #installedExtensions()}. Default true. */
  public boolean migrateExtensions() {
    return true;
  }

  /**
   * Whether migrations are generated in safe mode (as with {@code -Dashpg.safe}): DDL that does not block writes to
   * tables holding data — constraints added {@code NOT VALID} and validated in a follow-up file, NOT NULL through a
   * validated check, indexes built {@code CONCURRENTLY}, volatile defaults backfilled in batches — and warnings for
   * renames, drops and type changes. Default false.
   */
  public boolean safeMigrations() {
    return false;
  }

  /** Whether migrations emit {@code CREATE SCHEMA IF NOT EXISTS} for resources with a schema. Default true. */
  public boolean createSchemasInMigrations() {
    return true;
  }

  /**
   * Whether the database is a Citus cluster (the connection goes to its coordinator). Default false.
   *
   * <p>On, ashpg emits what Citus needs: tenant schemas are created as distributed schemas (schema-based sharding,
   * so each tenant's tables live together on one node); generated migrations make global tables that tenant or
   * distributed tables reference into reference tables and distribute attribute-multitenant tables by their tenant
   * attribute, colocated with each other; a resource may override its table's distribution in its
   * {@code postgres} section. What Citus refuses (e.g. a unique index without the distribution column) becomes a
   * definition error. Off, nothing Citus-specific is generated or run.
   */
  public boolean citus() {
    return false;
  }

  /** The class's simple name in snake_case: {@code BlogRepo} → {@code blog_repo}, {@code HTTPRepo} → {@code http_repo}. */
  public final String name() {
    return snakeCase(simpleName(getClass()));
  }

  @Override
  public String toString() {
    return getClass().getSimpleName() + "[" + name() + "]";
  }

  static String simpleName(Class<?> type) {
    String simple = type.getSimpleName();
    if (!simple.isEmpty()) {
      return simple;
    }
    // Anonymous/hidden classes have no simple name; use the last segment of the binary name.
    String binary = type.getName();
    return binary.substring(Math.max(binary.lastIndexOf('.'), binary.lastIndexOf('$')) + 1);
  }

  static String snakeCase(String camel) {
    StringBuilder out = new StringBuilder(camel.length() + 8);
    for (int i = 0; i < camel.length(); i++) {
      char c = camel.charAt(i);
      if (Character.isUpperCase(c) && i > 0) {
        char prev = camel.charAt(i - 1);
        boolean nextIsLower = i + 1 < camel.length() && Character.isLowerCase(camel.charAt(i + 1));
        // Word boundary after a lower-case letter or digit ("blogRepo"), or at the last capital of an acronym
        // that starts a new word ("HTTPRepo" → "http_repo").
        if (Character.isLowerCase(prev) || Character.isDigit(prev) || (Character.isUpperCase(prev) && nextIsLower)) {
          out.append('_');
        }
      }
      out.append(Character.toLowerCase(c));
    }
    return out.toString().toLowerCase(Locale.ROOT);
  }
}
