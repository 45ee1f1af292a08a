package io.ashpg.testing;

/** A server somebody else runs, named by {@code ASHPG_TEST_URL}, {@code ASHPG_TEST_USER}, {@code ASHPG_TEST_PASSWORD}. */
final class ExternalBackend implements PostgresBackend {

  private final ServerCoordinates coordinates;

  ExternalBackend(String url, String user, String password) {
    this.coordinates = ServerCoordinates.fromJdbcUrl(url, user, password);
  }

  @Override
  public String description() {
    return "external PostgreSQL at " + coordinates.host() + ":" + coordinates.port();
  }

  @Override
  public ServerCoordinates coordinates() {
    return coordinates;
  }

  @Override
  public void close() {
    // not ours to stop
  }
}
