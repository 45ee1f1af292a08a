package io.ashpg.data;

import io.ashpg.error.AshPgException;
import io.ashpg.error.ConstraintErrorMapper.Operation;
import io.ashpg.error.InvalidQueryException;
import io.ashpg.error.SqlErrors;
import io.ashpg.repo.Repo;
import io.ashpg.resource.RepoPurpose;
import io.ashpg.sql.Sql;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import javax.sql.DataSource;

/**
 * Where the data layer's work gets a connection: the running transaction's, or one from the data source (the read
 * data source for reads without locks), made atomic when the work has several statements or a statement timeout
 * applies. Every statement then runs through {@link Statements}, and every {@link SQLException} becomes an
 * {@link AshPgException} naming what was being done.
 */
final class Executor {
  private final LayerConfig config;

  Executor(LayerConfig config) {
    this.config = config;
  }

  /**
   * Runs write work on the data source.
   *
   * @param what      how errors name the work, e.g. {@code create of post}
   * @param m         the model whose constraints map errors, or null
   * @param operation the write kind for constraint error mapping, or null
   * @param values    the values written, for error messages, or null
   * @param atomic    whether the work needs a transaction of its own (several statements)
   */
  <T> T run(String what, StatementContext ctx, Model m, Operation operation, Map<String, Object> values,
            boolean atomic, SqlWork<T> work) {
    return run(config.dataSource(), what, ctx, m, operation, values, atomic, work);
  }

  /**
   * Runs a read of {@code m}'s rows: outside a transaction and without row locks, on the data source of the repo its
   * resource reads through (see {@link DataLayer#withReadDataSource}).
   */
  <T> T read(String what, StatementContext ctx, Model m, boolean locks, SqlWork<T> work) {
    DataSource source = config.dataSource();
    if (config.tx() == null && !locks && !config.readSources().isEmpty()) {
      source = config.readSources().getOrDefault(
          config.domain().repo(m.resource, RepoPurpose.READ).getClass(), config.dataSource());
    }
    return run(source, what, ctx, m, null, null, false, work);
  }

  private <T> T run(DataSource source, String what, StatementContext ctx, Model m, Operation operation,
                    Map<String, Object> values, boolean atomic, SqlWork<T> work) {
    try {
      LayerConfig.Tx tx = config.tx();
      if (tx != null) {
        requireOpen();
        return work.run(new Statements(tx.connection, config.reporter(), ctx));
      }
      if (source == null) {
        throw new IllegalStateException("this data layer has no data source");
      }
      try (Connection c = source.getConnection()) {
        Statements statements = new Statements(c, config.reporter(), ctx);
        if (config.timeout() == null && !atomic) {
          return work.run(statements);
        }
        boolean autoCommit = c.getAutoCommit();
        c.setAutoCommit(false);
        try {
          if (config.timeout() != null) {
            applyTimeout(c, config.timeout());
          }
          T result = work.run(statements);
          c.commit();
          return result;
        } catch (SQLException | RuntimeException e) {
          rollbackQuietly(c, e);
          throw e;
        } finally {
          c.setAutoCommit(autoCommit);
        }
      }
    } catch (SQLException e) {
      throw translate(e, what, m, operation, values);
    }
  }

  void requireOpen() {
    if (!config.tx().open) {
      throw new IllegalStateException("the transaction this data layer belongs to has ended");
    }
  }

  /** {@code SET LOCAL statement_timeout} for the connection's transaction. */
  void applyTimeout(Connection c, Duration timeout) throws SQLException {
    // SET cannot take bind parameters; set_config can, and is_local = true scopes it to the transaction.
    new Statements(c, config.reporter(), StatementContext.TRANSACTION).execute(new Sql(
        "SELECT set_config('statement_timeout', ?, true)", List.of(Long.toString(Math.max(1, timeout.toMillis())))));
  }

  static void rollbackQuietly(Connection c, Throwable cause) {
    try {
      c.rollback();
    } catch (SQLException e) {
      cause.addSuppressed(e);
    }
  }

  private AshPgException translate(SQLException e, String what, Model m, Operation operation,
                                   Map<String, Object> values) {
    if (operation != null && m != null) {
      Optional<? extends AshPgException> mapped = m.errors.map(e, operation, values == null ? Map.of() : values);
      if (mapped.isPresent()) {
        return mapped.get();
      }
    }
    Repo repo = m == null ? null : config.models().repo(m.resource);
    return SqlErrors.translate(e, what, repo != null && repo.citus());
  }

  /** Rendering problems (unknown attributes, bad values, missing extensions) surface as InvalidQueryExceptions. */
  static <T> T render(Supplier<T> renderer) {
    try {
      return renderer.get();
    } catch (InvalidQueryException e) {
      throw e;
    } catch (IllegalArgumentException e) {
      throw new InvalidQueryException(e.getMessage(), e);
    }
  }
}
