package io.ashpg.bench;

import io.ashpg.testing.TestDatabase;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Counts a database's connections while a run goes on: a thread on a connection of its own asks
 * {@code pg_stat_activity} every 50 ms how many other backends are connected to the database, and keeps the
 * highest count. The server's own view, so it counts every connection whoever opened it (pool, readers, workers).
 */
final class BackendPoller implements AutoCloseable {
  private final Connection connection;
  private final Thread thread;
  private volatile boolean running = true;
  private volatile int peak;
  private volatile SQLException failure;

  BackendPoller(TestDatabase db) throws SQLException {
    connection = db.connect();
    thread = new Thread(this::poll, "bench-backend-poller");
    thread.setDaemon(true);
    thread.start();
  }

  private void poll() {
    String sql = "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()"
        + " AND backend_type = 'client backend'";
    try (Statement s = connection.createStatement()) {
      while (running) {
        try (ResultSet rs = s.executeQuery(sql)) {
          rs.next();
          peak = Math.max(peak, rs.getInt(1));
        }
        Thread.sleep(50);
      }
    } catch (SQLException e) {
      failure = e;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Stops polling; the highest number of other client connections seen. */
  int stop() throws SQLException, InterruptedException {
    running = false;
    thread.join();
    if (failure != null) {
      throw failure;
    }
    return peak;
  }

  @Override
  public void close() throws SQLException {
    running = false;
    connection.close();
  }
}
