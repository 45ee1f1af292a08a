package io.ashpg.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.testcontainers.junit.jupiter.Testcontainers;

/** Runs only where a Docker engine answers; skipped (not failed) everywhere else. */
@Testcontainers(disabledWithoutDocker = true)
class ContainerBackendTest {

  @Test
  void startsPostgresInAContainer() throws Exception {
    try (ContainerBackend backend = new ContainerBackend(TestPostgres.majorVersion())) {
      ServerCoordinates c = backend.coordinates();
      try (Connection conn = DriverManager.getConnection(c.jdbcUrl(c.maintenanceDatabase()), c.user(), c.password());
           Statement s = conn.createStatement();
           ResultSet rs = s.executeQuery("SHOW server_version_num")) {
        rs.next();
        assertThat(rs.getInt(1) / 10000).isEqualTo(Integer.parseInt(TestPostgres.majorVersion()));
      }
    }
  }
}
