package io.ashpg.migration.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.ashpg.repo.Repo;
import io.ashpg.repo.RepoConfig;
import io.ashpg.testing.WithPostgres;
import io.ashpg.testing.TestDatabase;
import io.ashpg.testing.TestPostgres;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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

  @Test
  void aRepoOnTheApplicationsDataSourceAndItsStatus() {
    try (TestDatabase other = TestPostgres.createDatabase("repo on data source")) {
      // CpRepo's own config names no database: the given data source is the one used
      MigrationTarget target = MigrationTarget.of(new CpRepo(), other.dataSource());
      assertThat(Migrations.hasTenantMigrations(target)).isTrue();
      assertThat(Migrations.hasTenantMigrations(MigrationTarget.of(new SoloRepo(), other.dataSource()))).isFalse();
      assertThat(Migrations.status(target).pending()).extracting(MigrationFile::version)
          .containsExactly(20240101000001L, 20240101000002L);

      Db.exec(other, "CREATE SCHEMA org_3");
      Migrations.migrate(target);
      assertThat(Migrations.status(target).upToDate()).isTrue();
      TenantStatus fleet = Migrations.tenantStatus(target);
      assertThat(fleet.tenants()).extracting(MigrationStatus::schema).containsExactly("org_3");
      assertThat(fleet.clean()).isFalse();
      assertThat(Migrations.migrateAll(target).schemas()).extracting(SchemaOutcome::schema)
          .containsExactly("public", "org_3");
      assertThat(Migrations.tenantStatus(target).clean()).isTrue();
    }
  }

  /** A repo without tenants: no allTenants, no tenant migrations (db/solo_repo/migrations only). */
  public static final class SoloRepo extends Repo {
    static volatile RepoConfig config = RepoConfig.none();

    @Override
    public RepoConfig config() {
      return config;
    }
  }

  @Test
  void migrateAllOfARepoWithoutTenantsRunsItsPublicMigrations() {
    try (TestDatabase other = TestPostgres.createDatabase("solo repo")) {
      SoloRepo.config = RepoConfig.url(other.jdbcUrl(), other.user(), other.password());
      MigrationResult all = Migrations.migrateAll(new SoloRepo());
      assertThat(all.schemas()).extracting(SchemaOutcome::schema).containsExactly("public");
      assertThat(Db.versions(other, "public")).containsExactly(20240301000001L);
      assertThat(Migrations.migrateAll(new SoloRepo()).versions()).isEmpty();
    } finally {
      SoloRepo.config = RepoConfig.none();
    }
  }

  /** cp_repo's name and migrations, public and tenant ones, but no allTenants: its tenants cannot be listed. */
  static final class Unlisted {
    public static final class CpRepo extends Repo {
      static volatile RepoConfig config = RepoConfig.none();

      @Override
      public RepoConfig config() {
        return config;
      }
    }
  }

  @Test
  void tenantMigrationsOfARepoThatCannotListItsTenantsAreAMigrationException() {
    try (TestDatabase other = TestPostgres.createDatabase("unlisted repo")) {
      Unlisted.CpRepo.config = RepoConfig.url(other.jdbcUrl(), other.user(), other.password());
      Unlisted.CpRepo repo = new Unlisted.CpRepo();
      assertThatThrownBy(() -> Migrations.migrateAll(repo)).isInstanceOf(MigrationException.class)
          .hasMessageContaining("repo cp_repo has tenant migrations to run")
          .hasMessageContaining("override it to return the tenant schema names");
      // the public migrations ran before the tenant run found out
      assertThat(Db.versions(other, "public")).containsExactly(20240101000001L, 20240101000002L);
      assertThatThrownBy(() -> Migrations.migrateTenants(repo)).isInstanceOf(MigrationException.class)
          .hasMessageContaining("allTenants");
    } finally {
      Unlisted.CpRepo.config = RepoConfig.none();
    }
  }

  /** The one error style: a failing run throws, holding its result; nothing returns a failed result. */
  @Test
  void aFailingRunThrowsFromEveryEntryPointWithItsResult(@TempDir Path dir) {
    Db.files(dir, "20240101000001_a.sql", "-- ashpg:up\nCREATE TABLE \"a\" (id int);\n",
        "20240101000002_b.sql", "-- ashpg:up\nINSERT INTO \"missing\" VALUES (1);\n");
    try (TestDatabase other = TestPostgres.createDatabase("error style")) {
      MigratorOptions options = MigratorOptions.builder().repoName("style_repo").location(dir.toString())
          .quiet(true).build();
      MigrationResult single = FailedRun.of(() -> Migrator.create(other.dataSource(), options).migrate());
      assertThat(single.versions()).containsExactly(20240101000001L);
      assertThat(single.failures()).singleElement().satisfies(f -> assertThat(f.file()).endsWith("_b.sql"));

      // a tenant run goes on past a failing tenant and throws at the end, with every tenant's outcome
      Db.exec(other, "CREATE SCHEMA style_t1; CREATE SCHEMA style_t2; CREATE TABLE style_t2.a (id int)");
      MigrationResult tenants = FailedRun.of(() -> TenantMigrator.create(other.dataSource(), options,
          TenantLister.of(List.of("style_t1", "style_t2"))).migrate());
      assertThat(tenants.schemas()).extracting(SchemaOutcome::schema, SchemaOutcome::versions)
          .containsExactly(tuple("style_t1", List.of(20240101000001L)), tuple("style_t2", List.of()));
      assertThat(tenants.failures()).extracting(MigrationFailure::schema)
          .containsExactlyInAnyOrder("style_t1", "style_t2"); // in the order the workers finished

      // the facade stops at the public failure, before the tenants
      MigrationTarget target = MigrationTarget.of(other.dataSource(), "style_repo")
          .withLocations(dir.toString(), dir.toString()).withTenants(TenantLister.of(List.of("style_t1")));
      MigrationResult facade = FailedRun.of(() -> Migrations.migrateAll(target));
      assertThat(facade.schemas()).extracting(SchemaOutcome::schema).containsExactly("public");
      assertThat(Db.versions(other, "style_t1")).containsExactly(20240101000001L);
    }
  }
}
