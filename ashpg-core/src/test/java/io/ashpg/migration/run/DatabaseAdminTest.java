package io.ashpg.migration.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ashpg.testing.WithPostgres;
import io.ashpg.testing.TestDatabase;
import java.sql.Connection;
import java.sql.DriverManager;
import org.junit.jupiter.api.Test;

@WithPostgres
class DatabaseAdminTest {

  private final TestDatabase db;

  DatabaseAdminTest(TestDatabase db) {
    this.db = db;
  }

  private String url(String database) {
    return db.jdbcUrl().replace("/" + db.name(), "/" + database);
  }

  @Test
  void createsAndDropsReportingExistingAndMissingPlainly() throws Exception {
    String name = "ashpg_admin_" + ProcessHandle.current().pid();
    String url = url(name);
    assertThat(DatabaseAdmin.create(url, db.user(), db.password(), true)).isEqualTo(DatabaseAdmin.CreateOutcome.CREATED);
    assertThat(DatabaseAdmin.create(url, db.user(), db.password(), true))
        .isEqualTo(DatabaseAdmin.CreateOutcome.ALREADY_EXISTS);

    DatabaseAdmin.DropOptions ask = new DatabaseAdmin.DropOptions(false, false, true);
    assertThat(DatabaseAdmin.drop(url, db.user(), db.password(), ask, database -> false))
        .isEqualTo(DatabaseAdmin.DropOutcome.CANCELLED);
    try (Connection open = DriverManager.getConnection(url, db.user(), db.password())) {
      assertThatThrownBy(() -> DatabaseAdmin.drop(url, db.user(), db.password(),
          new DatabaseAdmin.DropOptions(true, false, true), null))
          .isInstanceOf(MigrationException.class).hasMessageContaining("forceDrop");
      assertThat(DatabaseAdmin.drop(url, db.user(), db.password(), new DatabaseAdmin.DropOptions(true, true, true),
          null)).isEqualTo(DatabaseAdmin.DropOutcome.DROPPED);
      assertThat(open.isValid(1)).isFalse();
    }
    assertThat(DatabaseAdmin.drop(url, db.user(), db.password(), ask, database -> true))
        .isEqualTo(DatabaseAdmin.DropOutcome.DID_NOT_EXIST);
  }

  @Test
  void urlsAreUnderstood() {
    assertThat(DatabaseAdmin.databaseName("jdbc:postgresql://h:5432/blog_dev?sslmode=disable")).isEqualTo("blog_dev");
    assertThat(DatabaseAdmin.maintenanceUrl("jdbc:postgresql://h:5432/blog_dev?sslmode=disable"))
        .isEqualTo("jdbc:postgresql://h:5432/postgres?sslmode=disable");
    assertThatThrownBy(() -> DatabaseAdmin.maintenanceUrl("jdbc:mysql://h/x")).hasMessageContaining("jdbc:postgresql");
  }
}
