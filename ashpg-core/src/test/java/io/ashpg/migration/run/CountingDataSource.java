package io.ashpg.migration.run;

import java.io.PrintWriter;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Logger;
import javax.sql.DataSource;

/** Wraps a DataSource and counts connections handed out and statements executed (each execute* call). */
final class CountingDataSource implements DataSource {

  private final DataSource delegate;
  final AtomicInteger connections = new AtomicInteger();
  final List<String> executed = new CopyOnWriteArrayList<>();

  CountingDataSource(DataSource delegate) {
    this.delegate = delegate;
  }

  void reset() {
    connections.set(0);
    executed.clear();
  }

  @Override
  public Connection getConnection() throws SQLException {
    return wrap(delegate.getConnection());
  }

  @Override
  public Connection getConnection(String user, String password) throws SQLException {
    return wrap(delegate.getConnection(user, password));
  }

  private Connection wrap(Connection c) {
    connections.incrementAndGet();
    InvocationHandler h = (proxy, method, args) -> {
      Object result = invoke(c, method, args);
      if (result instanceof Statement) {
        String sql = args != null && args.length > 0 && args[0] instanceof String ? (String) args[0] : null;
        return wrap((Statement) result, sql);
      }
      return result;
    };
    return (Connection) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {Connection.class}, h);
  }

  private Statement wrap(Statement s, String preparedSql) {
    Class<?>[] interfaces = s instanceof java.sql.PreparedStatement
        ? new Class<?>[] {java.sql.PreparedStatement.class} : new Class<?>[] {Statement.class};
    InvocationHandler h = (proxy, method, args) -> {
      if (method.getName().startsWith("execute")) {
        executed.add(args != null && args.length > 0 && args[0] instanceof String ? (String) args[0] : preparedSql);
      }
      return invoke(s, method, args);
    };
    return (Statement) Proxy.newProxyInstance(getClass().getClassLoader(), interfaces, h);
  }

  private static Object invoke(Object target, java.lang.reflect.Method method, Object[] args) throws Throwable {
    try {
      return method.invoke(target, args);
    } catch (InvocationTargetException e) {
      throw e.getCause();
    }
  }

  @Override
  public PrintWriter getLogWriter() throws SQLException {
    return delegate.getLogWriter();
  }

  @Override
  public void setLogWriter(PrintWriter out) throws SQLException {
    delegate.setLogWriter(out);
  }

  @Override
  public void setLoginTimeout(int seconds) throws SQLException {
    delegate.setLoginTimeout(seconds);
  }

  @Override
  public int getLoginTimeout() throws SQLException {
    return delegate.getLoginTimeout();
  }

  @Override
  public Logger getParentLogger() throws SQLFeatureNotSupportedException {
    return delegate.getParentLogger();
  }

  @Override
  public <T> T unwrap(Class<T> iface) throws SQLException {
    return delegate.unwrap(iface);
  }

  @Override
  public boolean isWrapperFor(Class<?> iface) throws SQLException {
    return delegate.isWrapperFor(iface);
  }
}
