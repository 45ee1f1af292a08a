package io.ashpg.migration.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ashpg.testing.PostgresTest;
import io.ashpg.testing.TestDatabase;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The production facade, reading db/cp_repo/{migrations,tenant_migrations} from the test classpath. */
@PostgresTest
class MigrationsTest {

  private final TestDatabase db;

  MigrationsTest(TestDatabase db) {
    this.db = db;
  }

  @Test
  void migrateAllThenRollBackFromTheClasspath() {
    Db.exec(db, "CREATE SCHEMA org_1; CREATE SCHEMA org_2");
    MigrationTarget target = MigrationTarget.of(db.dataSource(), "cp_repo")
        .withTenants(TenantLister.of(List.of("org_1", "org_2")));
    MigrationResult all = Migrations.migrateAll(target);
    assertThat(all.succeeded()).isTrue();
    assertThat(all.schemas()).extracting(SchemaOutcome::schema).containsExactly("public", "org_1", "org_2");
    assertThat(Db.versions(db, "public")).containsExactly(20240101000001L, 20240101000002L);
    assertThat(Db.versions(db, "org_2")).containsExactly(20240201000001L);

    assertThat(Migrations.rollbackTenants(target, 20240201000001L).changedSchemas()).isEqualTo(2);
    assertThat(Db.tableExists(db, "org_1", "posts")).isFalse();
    assertThat(Migrations.rollback(target, 20240101000002L).versions()).containsExactly(20240101000002L);
    assertThat(Migrations.migrateTenants(target).changedSchemas()).isEqualTo(2);

    MigrationTarget byUrl = MigrationTarget.of(db.jdbcUrl(), db.user(), db.password(), "cp_repo");
    assertThat(Migrations.migrate(byUrl).versions()).containsExactly(20240101000002L);
    assertThatThrownBy(() -> Migrations.migrateTenants(byUrl)).hasMessageContaining("no tenant lister");
  }
}
