package io.ashpg.migration.run;

import io.ashpg.sql.Identifier;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Creates a tenant schema — on a Citus cluster as a <em>distributed schema</em> (schema-based sharding, Citus 12+):
 * every table later created in it becomes a single-shard table, and all of them live together on one worker node,
 * so each tenant's queries are routed to that node whole.
 *
 * <p>A new schema is distributed by creating it with {@code citus.enable_schema_based_sharding} switched on for that
 * one transaction ({@code set_config(..., true)}, i.e. {@code SET LOCAL}), not by {@code citus_schema_distribute}
 * afterwards: the schema is distributed from its first moment, before any table exists, so nothing is ever copied
 * and no window exists in which a concurrent session could create a local table in it; and the setting ends with
 * the transaction, so a pooled connection does not keep it. {@code citus_schema_distribute} is for schemas that
 * already hold tables (see {@code io.ashpg.tenancy.citus.CitusTenants#distributeSchemas}).
 *
 * <p>The setting is a custom one, which PostgreSQL would accept silently as a placeholder on a server without
 * Citus; the statement that sets it therefore reads from {@code citus_version()}, so a repo that says it is on
 * Citus while the database has no Citus extension fails here, loudly, instead of creating plain schemas.
 */
public final class TenantSchema {

  /**
   * Switches schema-based sharding on for the current transaction; fails when the Citus extension is missing.
   * No value from outside.
   */
  static final String ENABLE_SCHEMA_SHARDING = "SELECT pg_catalog.set_config('citus.enable_schema_based_sharding',"
      + " 'on', true) FROM pg_catalog.citus_version()";

  /** SQLSTATE undefined_function: {@code citus_version()} does not exist. */
  private static final String UNDEFINED_FUNCTION = "42883";

  private TenantSchema() {
  }

  /** {@code CREATE SCHEMA IF NOT EXISTS "schema"}, the schema name validated and quoted. */
  static String createSql(String schema) {
    return "CREATE SCHEMA IF NOT EXISTS " + Identifier.quote(schema);
  }

  /**
   * Creates {@code schema} if it does not exist; with {@code citus}, as a Citus distributed schema. An existing
   * schema is left as it is (a plain one is not distributed here: that moves data, see {@code distributeSchemas}).
   * {@code connection} must be in autocommit mode; the distributed form runs in a transaction of its own.
   *
   * @throws SQLException from the server; when {@code citus} is set and the database has no Citus extension, one
   *     whose message says so and how to fix it
   */
  public static void create(Connection connection, String schema, boolean citus) throws SQLException {
    String create = createSql(schema);
    try (Statement s = connection.createStatement()) {
      if (!citus) {
        s.execute(create);
        return;
      }
      connection.setAutoCommit(false);
      try {
        s.execute(ENABLE_SCHEMA_SHARDING);
        s.execute(create);
        connection.commit();
      } catch (SQLException e) {
        try {
          connection.rollback();
        } catch (SQLException rollback) {
          e.addSuppressed(rollback);
        }
        throw UNDEFINED_FUNCTION.equals(e.getSQLState()) ? noCitus(schema, e) : e;
      } finally {
        connection.setAutoCommit(true);
      }
    }
  }

  private static SQLException noCitus(String schema, SQLException e) {
    return new SQLException("cannot create tenant schema \"" + schema + "\" as a Citus distributed schema: the"
        + " database has no Citus extension (" + e.getMessage() + "). The repo says it runs on Citus (Repo.citus()):"
        + " connect to the Citus coordinator, where CREATE EXTENSION citus has run, or turn Repo.citus() off",
        e.getSQLState(), e);
  }
}
