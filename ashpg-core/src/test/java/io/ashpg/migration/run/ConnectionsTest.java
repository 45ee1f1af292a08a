package io.ashpg.migration.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ashpg.testing.TestDatabase;
import io.ashpg.testing.WithPostgres;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;

@WithPostgres
class ConnectionsTest {

  private final TestDatabase db;

  ConnectionsTest(TestDatabase db) {
    this.db = db;
  }

  @Test
  void aPoolOnAMissingDatabaseFailsAsAMigrationErrorKeepingTheSqlState() {
    // tenant runs open a pool: its failure must be a MigrationException (not HikariCP's own), and keep the
    // SQLSTATE so a caller can tell a missing database (3D000) from an unreachable server
    String missing = db.jdbcUrl().replaceFirst("/[^/?]+(\\?|$)", "/ashpg_no_such_database$1");
    assertThatThrownBy(() -> Connections.pool(missing, db.user(), db.password(), 2))
        .isInstanceOf(MigrationException.class)
        .hasMessageStartingWith("cannot connect to " + missing + ": ")
        .hasMessageContaining("ashpg_no_such_database")
        .satisfies(e -> assertThat(((SQLException) e.getCause()).getSQLState()).isEqualTo("3D000"));
  }
}
