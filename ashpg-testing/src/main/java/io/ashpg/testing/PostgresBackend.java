package io.ashpg.testing;

/**
 * A running PostgreSQL server that tests can create databases on. Started at most once per JVM.
 */
public interface PostgresBackend extends AutoCloseable {

  /** Short description for logs, e.g. {@code "embedded PostgreSQL 17.11"}. */
  String description();

  /** How to reach the server as a user that may create databases. */
  ServerCoordinates coordinates();

  /** Stops the server if this backend started it; a no-op for an external server. */
  @Override
  void close();
}
