package io.ashpg.bench;

import io.ashpg.migration.ThrowawaySchema;
import io.ashpg.resource.Domain;
import io.ashpg.testing.TestDatabase;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.Statement;
import java.util.logging.Logger;
import java.util.stream.Stream;
import javax.sql.DataSource;

/** Database helpers shared by the benchmarks. */
final class BenchDb {
  private BenchDb() {}

  /**
   * Creates {@code domain}'s tables with ashpg's own generator and migrator ({@link ThrowawaySchema}), leaving no
   * temporary files behind.
   */
  static void migrate(TestDatabase db, Domain domain) {
    Path root = ThrowawaySchema.migrate(domain, db.dataSource());
    // root is <temp>/src/main/resources/db: remove the whole temporary directory it was generated into
    Path temp = root.getParent().getParent().getParent().getParent();
    try (Stream<Path> files = Files.walk(temp)) {
      files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static void exec(Connection c, String sql) throws SQLException {
    try (Statement s = c.createStatement()) {
      s.execute(sql);
    }
  }

  static void exec(TestDatabase db, String sql) throws SQLException {
    try (Connection c = db.connect()) {
      exec(c, sql);
    }
  }

  static long queryLong(Connection c, String sql) throws SQLException {
    try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }

  static String queryString(Connection c, String sql) throws SQLException {
    try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getString(1);
    }
  }

  /**
   * A DataSource that always hands out {@code connection} and ignores {@code close()}: the data layer then runs on
   * the very connection the JDBC and jOOQ baselines use, like a pool checkout that costs nothing.
   */
  static DataSource singleConnection(Connection connection) {
    return singleConnection(connection, new java.util.concurrent.atomic.AtomicInteger());
  }

  /** {@link #singleConnection(Connection)} that also counts the statements prepared or created on it. */
  static DataSource singleConnection(Connection connection, java.util.concurrent.atomic.AtomicInteger statements) {
    InvocationHandler handler = (proxy, method, args) -> {
      if (method.getName().equals("prepareStatement") || method.getName().equals("createStatement")) {
        statements.incrementAndGet();
      }
      switch (method.getName()) {
        case "close":
          return null;
        case "isClosed":
          return false;
        case "unwrap":
          if (((Class<?>) args[0]).isInstance(connection)) {
            return connection;
          }
          break;
        default:
          break;
      }
      try {
        return method.invoke(connection, args);
      } catch (InvocationTargetException e) {
        throw e.getCause();
      }
    };
    Connection shared = (Connection) Proxy.newProxyInstance(BenchDb.class.getClassLoader(),
        new Class<?>[] {Connection.class}, handler);
    return new DataSource() {
      @Override
      public Connection getConnection() {
        return shared;
      }

      @Override
      public Connection getConnection(String user, String password) {
        return shared;
      }

      @Override
      public PrintWriter getLogWriter() {
        return null;
      }

      @Override
      public void setLogWriter(PrintWriter out) {}

      @Override
      public void setLoginTimeout(int seconds) {}

      @Override
      public int getLoginTimeout() {
        return 0;
      }

      @Override
      public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        throw new SQLFeatureNotSupportedException();
      }

      @Override
      public <T> T unwrap(Class<T> iface) throws SQLException {
        throw new SQLException("not a wrapper");
      }

      @Override
      public boolean isWrapperFor(Class<?> iface) {
        return false;
      }
    };
  }
}
