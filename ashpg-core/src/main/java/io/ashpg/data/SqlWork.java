package io.ashpg.data;

import java.sql.SQLException;

/** Work done on a connection, whose statements run through {@link Statements}. */
@FunctionalInterface
interface SqlWork<T> {
  T run(Statements statements) throws SQLException;
}
