package io.ashpg.data;

import io.ashpg.error.SqlErrors;
import io.ashpg.sql.Identifier;
import io.ashpg.sql.Sql;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * Transactions of {@link DataLayer}: a connection held for the body, with the statement timeout and the tenant's
 * {@code search_path} set locally; a nested transaction is a savepoint.
 */
final class Transactions {
  private final DataLayer dl;

  Transactions(DataLayer dl) {
    this.dl = dl;
  }

  <T> T run(Function<DataLayer, T> body) {
    Objects.requireNonNull(body, "body");
    LayerConfig config = dl.config();
    if (config.tx() != null) {
      return savepoint(body);
    }
    if (config.dataSource() == null) {
      throw new IllegalStateException("this data layer has no data source");
    }
    LayerConfig.Tx inner;
    Connection c;
    try {
      c = config.dataSource().getConnection();
    } catch (SQLException e) {
      throw SqlErrors.translate(e, "begin transaction");
    }
    try {
      boolean autoCommit = c.getAutoCommit();
      c.setAutoCommit(false);
      inner = new LayerConfig.Tx(c);
      try {
        if (config.timeout() != null) {
          dl.executor().applyTimeout(c, config.timeout());
        }
        TenantValue tenant = dl.tenantScope();
        if (tenant != null) {
          applySearchPath(c, tenant.schema(config.domain()));
        }
        T result = body.apply(dl.boundTo(inner));
        c.commit();
        return result;
      } catch (RuntimeException | Error e) {
        Executor.rollbackQuietly(c, e);
        throw e;
      } finally {
        inner.open = false;
        c.setAutoCommit(autoCommit);
      }
    } catch (SQLException e) {
      throw SqlErrors.translate(e, "transaction");
    } finally {
      try {
        c.close();
      } catch (SQLException ignored) {
        // The pool discards a connection it cannot reset; nothing more to do here.
      }
    }
  }

  private <T> T savepoint(Function<DataLayer, T> body) {
    dl.executor().requireOpen();
    Connection c = dl.config().tx().connection;
    Savepoint sp;
    try {
      sp = c.setSavepoint();
    } catch (SQLException e) {
      throw SqlErrors.translate(e, "savepoint");
    }
    try {
      T result = body.apply(dl);
      c.releaseSavepoint(sp);
      return result;
    } catch (RuntimeException | Error e) {
      try {
        c.rollback(sp);
        c.releaseSavepoint(sp);
      } catch (SQLException rollback) {
        e.addSuppressed(rollback);
      }
      throw e;
    } catch (SQLException e) {
      throw SqlErrors.translate(e, "release savepoint");
    }
  }

  /**
   * {@code SET LOCAL search_path TO "tenant", public} (via set_config, which takes a bind parameter), so SQL written
   * by hand (fragments, base filters) finds the tenant's tables first. Tenant values that are not schema names
   * (attribute multitenancy) are left out: they name no schema.
   */
  private void applySearchPath(Connection c, Optional<String> tenant) throws SQLException {
    if (tenant.isEmpty()) {
      return;
    }
    String schema;
    try {
      schema = Identifier.validateTenant(tenant.get());
    } catch (IllegalArgumentException e) {
      return;
    }
    new Statements(c, dl.config().reporter(), StatementContext.TRANSACTION).execute(new Sql(
        "SELECT set_config('search_path', ?, true)", List.of(Identifier.quote(schema) + ", public")));
  }
}
