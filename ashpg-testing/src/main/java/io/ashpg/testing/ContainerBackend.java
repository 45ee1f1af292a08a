package io.ashpg.testing;

import org.opentest4j.TestAbortedException;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.PostgreSQLContainer;

/**
 * PostgreSQL in a Docker container through Testcontainers. Chosen with {@code -Dashpg.test.backend=testcontainers};
 * where no Docker engine answers, every test that asks for it is skipped (aborted), not failed.
 */
final class ContainerBackend implements PostgresBackend {

  private final PostgreSQLContainer<?> container;

  ContainerBackend(String major) {
    if (!dockerAvailable()) {
      throw new TestAbortedException("Testcontainers backend requested but no Docker engine is reachable; skipping");
    }
    container = new PostgreSQLContainer<>("postgres:" + major + "-alpine")
        .withCommand("postgres", "-c", "fsync=off", "-c", "max_connections=300");
    container.start();
  }

  /** True when Testcontainers is on the classpath and a Docker engine answers. */
  static boolean dockerAvailable() {
    try {
      return DockerClientFactory.instance().isDockerAvailable();
    } catch (RuntimeException | LinkageError e) {
      return false;
    }
  }

  @Override
  public String description() {
    return "Testcontainers " + container.getDockerImageName();
  }

  @Override
  public ServerCoordinates coordinates() {
    return new ServerCoordinates(container.getHost(), container.getMappedPort(PostgreSQLContainer.POSTGRESQL_PORT),
        container.getUsername(), container.getPassword(), container.getDatabaseName(), "");
  }

  @Override
  public void close() {
    container.stop();
  }
}
