package io.ashpg.data;

import java.sql.Connection;
import java.sql.SQLException;

/** Work done on a connection. */
@FunctionalInterface
interface SqlWork<T> {
  T run(Connection connection) throws SQLException;
}
