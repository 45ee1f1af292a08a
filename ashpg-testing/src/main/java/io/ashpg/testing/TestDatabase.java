package io.ashpg.testing;

import java.lang.System.Logger.Level;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * One fresh database on the test server. {@link #close()} drops it (with {@code WITH (FORCE)}, so leaked
 * connections do not keep it alive) unless {@code -Dashpg.test.keepDatabases=true}.
 */
public final class TestDatabase implements AutoCloseable {

  private static final System.Logger LOG = System.getLogger(TestDatabase.class.getName());

  private final String name;
  private final ServerCoordinates server;

  TestDatabase(String name, ServerCoordinates server) {
    this.name = name;
    this.server = server;
  }

  /** The database's name. */
  public String name() {
    return name;
  }

  /** JDBC URL of this database. */
  public String jdbcUrl() {
    return server.jdbcUrl(name);
  }

  /** User name to connect with. */
  public String user() {
    return server.user();
  }

  /** Password to connect with (may be empty). */
  public String password() {
    return server.password();
  }

  /** The server this database lives on. */
  public ServerCoordinates server() {
    return server;
  }

  /** Opens a new connection to this database; the caller closes it. */
  public Connection connect() throws SQLException {
    return DriverManager.getConnection(jdbcUrl(), user(), password());
  }

  /** A simple (non-pooling) DataSource for this database. */
  public DataSource dataSource() {
    PGSimpleDataSource ds = new PGSimpleDataSource();
    ds.setUrl(jdbcUrl());
    ds.setUser(user());
    ds.setPassword(password());
    return ds;
  }

  /** The server's version number, e.g. 170011 for 17.11 ({@code SHOW server_version_num}). */
  public int serverVersionNum() throws SQLException {
    try (Connection c = connect(); Statement s = c.createStatement();
         ResultSet rs = s.executeQuery("SHOW server_version_num")) {
      rs.next();
      return Integer.parseInt(rs.getString(1));
    }
  }

  @Override
  public void close() {
    drop(false);
  }

  /**
   * Drops the database. {@code WITH (FORCE)} ends client sessions but not background workers: on a Citus node
   * {@code endBackgroundSessions} also ends those (Citus's maintenance daemon keeps one in each database), after
   * closing the database to new connections so none comes back in between.
   */
  void drop(boolean endBackgroundSessions) {
    if (Boolean.getBoolean("ashpg.test.keepDatabases")) {
      LOG.log(Level.INFO, "keeping test database " + name + " (-Dashpg.test.keepDatabases=true)");
      return;
    }
    try (Connection c = DriverManager.getConnection(server.jdbcUrl(server.maintenanceDatabase()),
        server.user(), server.password()); Statement s = c.createStatement()) {
      if (!endBackgroundSessions) {
        s.execute("DROP DATABASE IF EXISTS \"" + name + "\" WITH (FORCE)");
        return;
      }
      s.execute("ALTER DATABASE \"" + name + "\" WITH ALLOW_CONNECTIONS false");
      // a busy maintenance daemon (a loaded machine) may take longer than the 5 s DROP DATABASE waits
      for (int attempt = 1; ; attempt++) {
        s.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '" + name + "'");
        try {
          s.execute("DROP DATABASE IF EXISTS \"" + name + "\" WITH (FORCE)");
          return;
        } catch (SQLException e) {
          if (attempt == 3 || !"55006".equals(e.getSQLState())) {
            throw e;
          }
        }
      }
    } catch (SQLException e) {
      // a database left behind costs disk, not correctness: warn and go on
      LOG.log(Level.WARNING, "could not drop test database " + name + " on " + server.host() + ":" + server.port()
          + ": " + e.getMessage());
    }
  }

  @Override
  public String toString() {
    return "TestDatabase[" + name + " on " + server.host() + ":" + server.port() + "]";
  }
}
