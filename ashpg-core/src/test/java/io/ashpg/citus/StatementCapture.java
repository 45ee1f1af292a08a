package io.ashpg.citus;

import io.ashpg.testsupport.WrappingDataSource;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.sql.DataSource;

/**
 * Wraps a data source and keeps every prepared statement the code under test executes, with the values it bound,
 * so a test can {@link #explain EXPLAIN} exactly the SQL the data layer built.
 */
final class StatementCapture extends WrappingDataSource {

  /** One executed statement: its text and the {@code setXxx} calls that bound its parameters, in order. */
  record Executed(String sql, List<Bind> binds) {
  }

  /** A {@code setXxx(index, value…)} call on a prepared statement. */
  record Bind(Method method, Object[] args) {
  }

  private final List<Executed> executed = new CopyOnWriteArrayList<>();

  StatementCapture(DataSource delegate) {
    super(delegate);
  }

  /** The statements executed since the last {@link #clear()}. */
  List<Executed> executed() {
    return List.copyOf(executed);
  }

  void clear() {
    executed.clear();
  }

  @Override
  protected Connection wrap(Connection real) {
    InvocationHandler handler = (proxy, method, args) -> {
      Object result = invoke(method, real, args);
      if (method.getName().equals("prepareStatement") && args[0] instanceof String sql) {
        return capturing((PreparedStatement) result, sql);
      }
      return result;
    };
    return (Connection) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {Connection.class},
        handler);
  }

  private PreparedStatement capturing(PreparedStatement real, String sql) {
    List<Bind> binds = new ArrayList<>();
    InvocationHandler handler = (proxy, method, args) -> {
      String name = method.getName();
      if (name.startsWith("set") && args != null && args.length >= 2 && args[0] instanceof Integer) {
        binds.add(new Bind(method, args.clone()));
      } else if (name.equals("clearParameters")) {
        binds.clear();
      } else if (name.startsWith("execute") && (args == null || args.length == 0)) {
        executed.add(new Executed(sql, List.copyOf(binds)));
      }
      return invoke(method, real, args);
    };
    return (PreparedStatement) Proxy.newProxyInstance(getClass().getClassLoader(),
        new Class<?>[] {PreparedStatement.class}, handler);
  }

  private static Object invoke(Method method, Object target, Object[] args) throws Throwable {
    try {
      return method.invoke(target, args);
    } catch (InvocationTargetException e) {
      throw e.getCause();
    }
  }

  /** The plan of {@code statement}: {@code EXPLAIN} of its text with the same values bound, one line per row. */
  static String explain(Connection c, Executed statement) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("EXPLAIN " + statement.sql())) {
      for (Bind bind : statement.binds()) {
        invokeUnchecked(bind.method(), ps, bind.args());
      }
      StringBuilder plan = new StringBuilder();
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          plan.append(rs.getString(1)).append('\n');
        }
      }
      return plan.toString();
    }
  }

  private static void invokeUnchecked(Method method, Object target, Object[] args) throws SQLException {
    try {
      method.invoke(target, args);
    } catch (InvocationTargetException e) {
      if (e.getCause() instanceof SQLException sql) {
        throw sql;
      }
      throw new IllegalStateException(e.getCause());
    } catch (IllegalAccessException e) {
      throw new IllegalStateException(e);
    }
  }
}
