package io.ashpg.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

@WithPostgres
class ExtensionsAndVersionTest {

  @Test
  void createsTheExtensionsAshpgReliesOn(TestDatabase db) throws SQLException {
    try (Connection c = db.connect(); Statement s = c.createStatement()) {
      s.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm");
      s.execute("CREATE EXTENSION IF NOT EXISTS citext");
      s.execute("CREATE EXTENSION IF NOT EXISTS \"uuid-ossp\"");

      List<String> installed = new ArrayList<>();
      try (ResultSet rs = s.executeQuery("SELECT extname FROM pg_extension ORDER BY extname")) {
        while (rs.next()) {
          installed.add(rs.getString(1));
        }
      }
      assertThat(installed).contains("pg_trgm", "citext", "uuid-ossp");

      try (ResultSet rs = s.executeQuery(
          "SELECT similarity('geoffrey', 'geoff') > 0.4, 'ABC'::citext = 'abc'::citext, uuid_generate_v4() IS NOT NULL")) {
        assertThat(rs.next()).isTrue();
        assertThat(rs.getBoolean(1)).isTrue();
        assertThat(rs.getBoolean(2)).isTrue();
        assertThat(rs.getBoolean(3)).isTrue();
      }
    }
  }

  @Test
  void readsTheServerVersion(TestDatabase db) throws SQLException {
    String version;
    try (Connection c = db.connect(); Statement s = c.createStatement();
         ResultSet rs = s.executeQuery("SHOW server_version")) {
      rs.next();
      version = rs.getString(1);
    }
    int major = Integer.parseInt(version.split("[.\\s]")[0]);
    assertThat(major).isGreaterThanOrEqualTo(15);
    assertThat(db.serverVersionNum() / 10000).isEqualTo(major);
    if (!(TestPostgres.backend() instanceof ExternalBackend)) {
      assertThat(String.valueOf(major)).isEqualTo(TestPostgres.majorVersion());
    }
  }
}
