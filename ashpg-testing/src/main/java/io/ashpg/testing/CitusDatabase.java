package io.ashpg.testing;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/**
 * One fresh database on a Citus cluster: the same name on the coordinator and on every worker, with the citus
 * extension created everywhere and the workers registered on the coordinator. Applications and tests connect to
 * the {@linkplain #coordinator() coordinator}; the {@linkplain #workers() workers} are there to check where Citus
 * placed data. {@link #close()} drops the database on every node.
 */
public final class CitusDatabase implements AutoCloseable {

  private final TestDatabase coordinator;
  private final List<TestDatabase> workers;

  CitusDatabase(TestDatabase coordinator, List<TestDatabase> workers) {
    this.coordinator = coordinator;
    this.workers = List.copyOf(workers);
  }

  /** The database's name (the same on every node). */
  public String name() {
    return coordinator.name();
  }

  /** This database on the coordinator: where applications connect. */
  public TestDatabase coordinator() {
    return coordinator;
  }

  /** This database on each worker, in the order the workers were added. */
  public List<TestDatabase> workers() {
    return workers;
  }

  /** JDBC URL of this database on the coordinator. */
  public String jdbcUrl() {
    return coordinator.jdbcUrl();
  }

  /** User name to connect with. */
  public String user() {
    return coordinator.user();
  }

  /** Password to connect with (may be empty). */
  public String password() {
    return coordinator.password();
  }

  /** Opens a new connection to this database on the coordinator; the caller closes it. */
  public Connection connect() throws SQLException {
    return coordinator.connect();
  }

  /** A simple (non-pooling) DataSource for this database on the coordinator. */
  public DataSource dataSource() {
    return coordinator.dataSource();
  }

  /** Drops the database on the coordinator first (it holds connections to the workers), then on each worker. */
  @Override
  public void close() {
    List<TestDatabase> all = new ArrayList<>();
    all.add(coordinator);
    all.addAll(workers);
    all.forEach(node -> node.drop(true));
  }

  @Override
  public String toString() {
    return "CitusDatabase[" + name() + " on coordinator " + coordinator.server().host() + ":"
        + coordinator.server().port() + "]";
  }
}
