package io.ashpg.maven.embedded;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;

/**
 * A build using the embedded server, in its own JVM, for {@link EmbeddedServerProcessTest}:
 * {@code EmbeddedServerProcess <data-dir> <binaries-jar> <value>}. Starts the server (or waits for it), stores
 * {@code value} in table {@code kept}, prints {@code READY} and keeps the server until stdin says {@code exit} or
 * closes; then exits like Maven does, leaving the stop to the shutdown hooks.
 */
public final class EmbeddedServerProcess {

  static final String READY = "READY";

  private EmbeddedServerProcess() {
  }

  public static void main(String[] args) throws Exception {
    EmbeddedServer server = EmbeddedServer.startOrReuse(Path.of(args[0]), Path.of(args[1]), System.out::println)
        .server();
    try (Connection c = DriverManager.getConnection(server.jdbcUrl("postgres"), server.user(), "");
         Statement s = c.createStatement()) {
      s.execute("CREATE TABLE IF NOT EXISTS kept (id int)");
      s.execute("INSERT INTO kept VALUES (" + Integer.parseInt(args[2]) + ")");
    }
    System.out.println(READY);
    System.out.flush();
    BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
    for (String line = in.readLine(); line != null && !line.equals("exit"); line = in.readLine()) {
      // keep the server until told to go
    }
    System.exit(0);
  }
}
