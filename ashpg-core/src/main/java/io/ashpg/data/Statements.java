package io.ashpg.data;

import io.ashpg.sql.Sql;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.List;

/**
 * The one way the data layer runs a statement: on one connection, for one operation, each statement bound, run,
 * timed and reported ({@link StatementReporter}). Work on a connection ({@link SqlWork}) receives one of these.
 */
final class Statements {
  private final Connection connection;
  private final StatementReporter reporter;
  private final StatementContext context;

  Statements(Connection connection, StatementReporter reporter, StatementContext context) {
    this.connection = connection;
    this.reporter = reporter;
    this.context = context;
  }

  Connection connection() {
    return connection;
  }

  /** Runs a query and hands its result set to {@code reader}; a list result counts as that many rows. */
  <T> T query(Sql sql, Jdbc.Reader<T> reader) throws SQLException {
    return timed(sql, () -> {
      try (PreparedStatement ps = connection.prepareStatement(sql.text())) {
        Jdbc.bind(connection, ps, sql.binds());
        try (ResultSet rs = ps.executeQuery()) {
          return reader.read(rs);
        }
      }
    }, result -> result instanceof Collection<?> c ? c.size() : result instanceof Counted n ? n.rows() : 1);
  }

  List<Row> query(Sql sql, Columns columns) throws SQLException {
    return query(sql, columns::readAll);
  }

  long queryLong(Sql sql) throws SQLException {
    return query(sql, rs -> {
      rs.next();
      return rs.getLong(1);
    });
  }

  /** Runs an insert, update or delete without RETURNING; returns the update count. */
  int update(Sql sql) throws SQLException {
    return timed(sql, () -> {
      try (PreparedStatement ps = connection.prepareStatement(sql.text())) {
        Jdbc.bind(connection, ps, sql.binds());
        return ps.executeUpdate();
      }
    }, n -> n);
  }

  /** Runs a statement whose result is not needed (e.g. {@code SELECT set_config(…)}). */
  void execute(Sql sql) throws SQLException {
    timed(sql, () -> {
      try (PreparedStatement ps = connection.prepareStatement(sql.text())) {
        Jdbc.bind(connection, ps, sql.binds());
        ps.execute();
        return 0L;
      }
    }, n -> 0);
  }

  /** Runs {@code COPY … FROM STDIN} (text {@code sql}, no binds) fed by {@code body}; returns the rows copied. */
  long copy(String sql, Call<Long> body) throws SQLException {
    return timed(new Sql(sql, List.of()), body, n -> n);
  }

  /** A reader's result that says how many rows it read, when it is not a list. */
  record Counted(long rows) {}

  /** Work that sends one statement. */
  @FunctionalInterface
  interface Call<T> {
    T run() throws SQLException;
  }

  @FunctionalInterface
  private interface RowCount<T> {
    long of(T result);
  }

  private <T> T timed(Sql sql, Call<T> body, RowCount<T> rows) throws SQLException {
    if (!reporter.active()) {
      return body.run();
    }
    long start = System.nanoTime();
    T result;
    try {
      result = body.run();
    } catch (SQLException | RuntimeException e) {
      reporter.report(sql, System.nanoTime() - start, 0, context, e);
      throw e;
    }
    reporter.report(sql, System.nanoTime() - start, rows.of(result), context, null);
    return result;
  }
}
