package io.ashpg.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ServerCoordinatesTest {

  @Test
  void parsesHostPortDatabaseAndParameters() {
    ServerCoordinates c = ServerCoordinates.fromJdbcUrl("jdbc:postgresql://db.example:6543/app?sslmode=disable", "u", "s3cret!");
    assertThat(c.host()).isEqualTo("db.example");
    assertThat(c.port()).isEqualTo(6543);
    assertThat(c.maintenanceDatabase()).isEqualTo("app");
    assertThat(c.jdbcUrl("other")).isEqualTo("jdbc:postgresql://db.example:6543/other?sslmode=disable");
    assertThat(c.toString()).doesNotContain("s3cret!");
  }

  @Test
  void defaultsPortDatabaseAndUser() {
    ServerCoordinates c = ServerCoordinates.fromJdbcUrl("jdbc:postgresql://localhost/", null, null);
    assertThat(c.port()).isEqualTo(5432);
    assertThat(c.maintenanceDatabase()).isEqualTo("postgres");
    assertThat(c.user()).isEqualTo("postgres");
    assertThat(c.password()).isEmpty();
  }

  @Test
  void rejectsANonPostgresUrlWithAClearMessage() {
    assertThatThrownBy(() -> ServerCoordinates.fromJdbcUrl("jdbc:mysql://localhost/x", "u", "p"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("ASHPG_TEST_URL")
        .hasMessageContaining("jdbc:postgresql://host:port/database");
  }

  @Test
  void databaseNamesAreCleanAndFitIn63Bytes() {
    String name = TestPostgres.databaseName("My Very-Long Test Class Name That Goes On And On And On Forever", 12, 123456);
    assertThat(name).matches("[a-z0-9_]+").startsWith("ashpg_my_very_long_test").endsWith("_123456_12");
    assertThat(name.length()).isLessThanOrEqualTo(63);
  }
}
