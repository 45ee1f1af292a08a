package io.ashpg.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

@WithPostgres
class FreshDatabaseTest {

  private final TestDatabase db;

  FreshDatabaseTest(TestDatabase db) {
    this.db = db;
  }

  @Test
  void theDatabaseStartsEmptyAndBelongsToThisClass() throws SQLException {
    assertThat(db.name()).startsWith("ashpg_freshdatabasetest_");
    try (Connection c = db.connect(); Statement s = c.createStatement()) {
      try (ResultSet rs = s.executeQuery("SELECT current_database(),"
          + " (SELECT count(*) FROM pg_tables WHERE schemaname NOT IN ('pg_catalog', 'information_schema'))")) {
        rs.next();
        assertThat(rs.getString(1)).isEqualTo(db.name());
        assertThat(rs.getLong(2)).isZero();
      }
    }
  }

  @Test
  void everyTestOfTheClassSeesTheSameDatabase(TestDatabase parameter) {
    assertThat(parameter).isSameAs(db);
  }

  @Test
  void createdDatabasesAreDroppedOnClose() throws SQLException {
    TestDatabase extra = TestPostgres.createDatabase("drop me");
    assertThat(exists(extra.name())).isTrue();
    try (Connection open = extra.connect()) {
      // a connection left open must not keep the database alive
      extra.close();
      assertThat(open.isValid(1)).isFalse();
    }
    assertThat(exists(extra.name())).isFalse();
  }

  private boolean exists(String name) throws SQLException {
    try (Connection c = db.connect(); Statement s = c.createStatement();
         ResultSet rs = s.executeQuery("SELECT count(*) FROM pg_database WHERE datname = '" + name + "'")) {
      rs.next();
      return rs.getLong(1) == 1;
    }
  }

  @Nested
  class NestedClasses {
    @Test
    void getTheirOwnDatabase(TestDatabase nested) {
      assertThat(nested.name()).isNotEqualTo(db.name()).startsWith("ashpg_nestedclasses_");
    }
  }
}
