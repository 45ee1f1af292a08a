package io.ashpg.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;

/** The single-node baseline: the cluster's binaries and settings, without Citus. */
@WithCitus
class LocalPostgresTest {

  @Test
  void runsTheClustersBinariesWithoutCitusAndCleansUp(CitusDatabase cluster) throws SQLException {
    Path dir;
    try (LocalPostgres plain = LocalPostgres.start(CitusCluster.installation().orElseThrow());
         TestDatabase db = plain.createDatabase("plain")) {
      dir = plain.directory();
      assertThat(dir).isDirectory().isNotEqualTo(CitusCluster.local().directory());
      try (Connection c = db.connect(); Statement s = c.createStatement();
           Connection onCluster = cluster.connect(); Statement cs = onCluster.createStatement()) {
        assertThat(single(s, "SHOW server_version")).isEqualTo(single(cs, "SHOW server_version"));
        assertThat(single(s, "SHOW shared_preload_libraries")).isEmpty();
        assertThat(single(s, "SELECT count(*) FROM pg_available_extensions WHERE name = 'citus'")).isEqualTo("1");
        for (String setting : new String[] {"wal_level", "fsync", "max_connections", "shared_buffers"}) {
          assertThat(single(s, "SHOW " + setting)).as(setting).isEqualTo(single(cs, "SHOW " + setting));
        }
      }
    }
    assertThat(Files.exists(dir)).isFalse();
  }

  private static String single(Statement s, String sql) throws SQLException {
    try (ResultSet rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getString(1);
    }
  }
}
