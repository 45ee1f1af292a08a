package io.ashpg.data;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import io.ashpg.testsupport.WrappingDataSource;
import javax.sql.DataSource;

/** Wraps a data source and records every SQL text handed to the driver (prepare, execute, COPY via unwrap). */
final class RecordingDataSource extends WrappingDataSource {
  final List<String> statements = new CopyOnWriteArrayList<>();

  RecordingDataSource(DataSource delegate) {
    super(delegate);
  }

  @Override
  protected Connection wrap(Connection real) {
    InvocationHandler handler = (proxy, method, args) -> {
      if (args != null && args.length > 0 && args[0] instanceof String sql
          && (method.getName().startsWith("prepare") || method.getName().equals("nativeSQL"))) {
        statements.add(sql);
      }
      if (method.getName().equals("unwrap") && args[0] == org.postgresql.PGConnection.class) {
        org.postgresql.PGConnection pg = real.unwrap(org.postgresql.PGConnection.class);
        return recordingPg(pg);
      }
      try {
        return method.invoke(real, args);
      } catch (InvocationTargetException e) {
        throw e.getCause();
      }
    };
    return (Connection) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {Connection.class},
        handler);
  }

  private Object recordingPg(org.postgresql.PGConnection pg) {
    return Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {org.postgresql.PGConnection.class},
        (proxy, method, args) -> {
          Object result;
          try {
            result = method.invoke(pg, args);
          } catch (InvocationTargetException e) {
            throw e.getCause();
          }
          if (method.getName().equals("getCopyAPI")) {
            org.postgresql.copy.CopyManager copy = (org.postgresql.copy.CopyManager) result;
            return new org.postgresql.copy.CopyManager((org.postgresql.core.BaseConnection) pg) {
              @Override
              public org.postgresql.copy.CopyIn copyIn(String sql) throws SQLException {
                statements.add(sql);
                return copy.copyIn(sql);
              }
            };
          }
          return result;
        });
  }
}
