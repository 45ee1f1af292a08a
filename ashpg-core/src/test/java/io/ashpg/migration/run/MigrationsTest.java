package io.ashpg.migration.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ashpg.repo.Repo;
import io.ashpg.repo.RepoConfig;
import io.ashpg.testing.WithPostgres;
import io.ashpg.testing.TestDatabase;
import io.ashpg.testing.TestPostgres;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The production facade, reading db/cp_repo/{migrations,tenant_migrations} from the test classpath. */
@WithPostgres
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

  /** A user's repo: its name gives the classpath locations, its config the database, its allTenants the schemas. */
  public static final class CpRepo extends Repo {
    static volatile RepoConfig config = RepoConfig.none();

    @Override
    public RepoConfig config() {
      return config;
    }

    @Override
    public List<String> allTenants(Connection connection) throws SQLException {
      List<String> tenants = new ArrayList<>();
      try (Statement s = connection.createStatement();
           ResultSet rs = s.executeQuery("SELECT nspname FROM pg_namespace WHERE nspname LIKE 'org\\_%' ORDER BY 1")) {
        while (rs.next()) {
          tenants.add(rs.getString(1));
        }
      }
      return tenants;
    }
  }

  @Test
  void aRepoDescribesEverythingTheProductionApiNeeds() {
    CpRepo repo = new CpRepo();
    assertThatThrownBy(() -> Migrations.migrate(repo))
        .hasMessageContaining("repo cp_repo has no database configured")
        .hasMessageContaining("ASHPG_URL");
    try (TestDatabase other = TestPostgres.createDatabase("repo facade")) {
      CpRepo.config = RepoConfig.url(other.jdbcUrl(), other.user(), other.password());
      Db.exec(other, "CREATE SCHEMA org_7; CREATE SCHEMA org_8");
      MigrationResult all = Migrations.migrateAll(repo);
      assertThat(all.schemas()).extracting(SchemaOutcome::schema).containsExactly("public", "org_7", "org_8");
      assertThat(Db.versions(other, "org_8")).containsExactly(20240201000001L);
      assertThat(Migrations.rollbackTenants(repo, 20240201000001L).changedSchemas()).isEqualTo(2);
      assertThat(Migrations.migrateTenants(repo).changedSchemas()).isEqualTo(2);
      assertThat(Migrations.rollback(repo, 20240101000002L).versions()).containsExactly(20240101000002L);
      assertThat(Migrations.migrate(repo).versions()).containsExactly(20240101000002L);
    } finally {
      CpRepo.config = RepoConfig.none();
    }
  }
}
