package io.ashpg.migration.run;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import io.ashpg.testsupport.WrappingDataSource;
import javax.sql.DataSource;

/** Wraps a DataSource and counts connections handed out and statements executed (each execute* call). */
final class CountingDataSource extends WrappingDataSource {

  final AtomicInteger connections = new AtomicInteger();
  final List<String> executed = new CopyOnWriteArrayList<>();

  CountingDataSource(DataSource delegate) {
    super(delegate);
  }

  void reset() {
    connections.set(0);
    executed.clear();
  }

  @Override
  protected Connection wrap(Connection c) {
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
}
