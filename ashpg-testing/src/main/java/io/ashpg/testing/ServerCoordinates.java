package io.ashpg.testing;

import java.util.Objects;

/**
 * Where a PostgreSQL server listens and how to log in to it as a user allowed to create databases.
 *
 * @param host               host name or address
 * @param port               TCP port
 * @param user               user name (must be allowed to create and drop databases)
 * @param password           password, may be empty
 * @param maintenanceDatabase database to connect to for CREATE/DROP DATABASE (usually {@code postgres})
 * @param urlParameters      extra JDBC URL parameters (without the leading {@code ?}), may be empty
 */
public record ServerCoordinates(String host, int port, String user, String password,
                                String maintenanceDatabase, String urlParameters) {

  public ServerCoordinates {
    Objects.requireNonNull(host, "host");
    Objects.requireNonNull(user, "user");
    password = password == null ? "" : password;
    maintenanceDatabase = maintenanceDatabase == null || maintenanceDatabase.isEmpty() ? "postgres" : maintenanceDatabase;
    urlParameters = urlParameters == null ? "" : urlParameters;
  }

  /** JDBC URL of {@code database} on this server. */
  public String jdbcUrl(String database) {
    String base = "jdbc:postgresql://" + host + ":" + port + "/" + database;
    return urlParameters.isEmpty() ? base : base + "?" + urlParameters;
  }

  /**
   * Parses a JDBC URL of the form {@code jdbc:postgresql://host[:port]/database[?params]}.
   *
   * @throws IllegalArgumentException naming the URL and the expected form when it does not parse
   */
  public static ServerCoordinates fromJdbcUrl(String url, String user, String password) {
    String prefix = "jdbc:postgresql://";
    if (url == null || !url.startsWith(prefix)) {
      throw new IllegalArgumentException("ASHPG_TEST_URL '" + url
          + "' is not a PostgreSQL JDBC URL; expected jdbc:postgresql://host:port/database");
    }
    String rest = url.substring(prefix.length());
    String params = "";
    int q = rest.indexOf('?');
    if (q >= 0) {
      params = rest.substring(q + 1);
      rest = rest.substring(0, q);
    }
    String hostPort = rest;
    String db = "postgres";
    int slash = rest.indexOf('/');
    if (slash >= 0) {
      hostPort = rest.substring(0, slash);
      if (slash + 1 < rest.length()) {
        db = rest.substring(slash + 1);
      }
    }
    String host = hostPort;
    int port = 5432;
    int colon = hostPort.lastIndexOf(':');
    if (colon >= 0 && !hostPort.endsWith("]")) {
      host = hostPort.substring(0, colon);
      try {
        port = Integer.parseInt(hostPort.substring(colon + 1));
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("ASHPG_TEST_URL '" + url + "' has an invalid port", e);
      }
    }
    if (host.isEmpty()) {
      host = "localhost";
    }
    return new ServerCoordinates(host, port, user == null || user.isEmpty() ? "postgres" : user,
        password, db, params);
  }

  @Override
  public String toString() {
    return "ServerCoordinates[" + host + ":" + port + ", user=" + user + ", maintenanceDatabase="
        + maintenanceDatabase + "]";
  }
}
