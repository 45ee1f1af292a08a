package io.ashpg.citus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ashpg.error.AshPgException;
import io.ashpg.error.DatabaseException;
import io.ashpg.error.DistributedQueryException;
import io.ashpg.error.SqlErrors;
import io.ashpg.migration.run.Db;
import io.ashpg.migration.run.MigrationException;
import io.ashpg.migration.run.MigratorOptions;
import io.ashpg.migration.run.TenantLister;
import io.ashpg.migration.run.TenantMigrator;
import io.ashpg.tenancy.MultiTenancy;
import io.ashpg.tenancy.citus.CitusNode;
import io.ashpg.tenancy.citus.CitusTenants;
import io.ashpg.testing.TestDatabase;
import io.ashpg.testing.WithPostgres;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A repo that says it is on Citus while the database is a plain PostgreSQL fails loudly, naming the setting, rather
 * than creating plain tenant schemas; Citus's refusals become {@link DistributedQueryException}s on Citus repos only.
 */
@WithPostgres
class CitusWithoutCitusTest {

  private final TestDatabase db;
  @TempDir
  Path dir;

  CitusWithoutCitusTest(TestDatabase db) {
    this.db = db;
  }

  private long schemas(String name) {
    return Db.count(db, "SELECT count(*) FROM pg_namespace WHERE nspname = '" + name + "'");
  }

  @Test
  void creatingADistributedTenantSchemaWithoutCitusFailsAndCreatesNothing() {
    assertThatThrownBy(() -> MultiTenancy.createSchema(db.dataSource(), "no_citus_a", true))
        .isInstanceOf(AshPgException.class)
        .hasMessageContaining("no_citus_a").hasMessageContaining("no Citus extension")
        .hasMessageContaining("Repo.citus()");
    assertThat(schemas("no_citus_a")).isZero();

    // the same call without the setting makes a plain schema
    MultiTenancy.createSchema(db.dataSource(), "no_citus_a", false);
    assertThat(schemas("no_citus_a")).isEqualTo(1);
  }

  @Test
  void aTenantRunOnCitusOptionsWithoutCitusFailsTheTenantNamingTheSetting() {
    Db.files(dir, "20250101000001_t.sql", "-- ashpg:up\nCREATE TABLE t (id int PRIMARY KEY);\n");
    TenantMigrator run = TenantMigrator.create(db.dataSource(), MigratorOptions.builder().repoName("r").quiet(true)
        .location(dir.toString()).citus(true).build(), TenantLister.of(List.of("no_citus_b")));

    assertThatThrownBy(run::migrate).isInstanceOf(MigrationException.class)
        .hasMessageContaining("no_citus_b").hasMessageContaining("no Citus extension");
    assertThat(schemas("no_citus_b")).isZero();
  }

  @Test
  void tenantOperationsSayTheDatabaseHasNoCitus() {
    CitusTenants citus = CitusTenants.of(db.dataSource());
    assertThatThrownBy(citus::placements).isInstanceOf(DatabaseException.class)
        .hasMessageContaining("list where the tenant schemas live").hasMessageContaining("no Citus extension");
    assertThatThrownBy(() -> citus.distributeSchemas(List.of("x"))).isInstanceOf(DatabaseException.class)
        .hasMessageContaining("no Citus extension");
    assertThatThrownBy(() -> citus.move("x", new CitusNode("127.0.0.1", 5432)))
        .isInstanceOf(DatabaseException.class).hasMessageContaining("no Citus extension");
  }

  @Test
  void onlyACitusRepoTurnsRefusedStatementsIntoDistributedQueryExceptions() {
    SQLException pushDown = new SQLException("ERROR: cannot push down this subquery", "0A000");
    SQLException repartition = new SQLException("ERROR: the query contains a join that requires repartitioning",
        "XX000");

    assertThat(SqlErrors.translate(pushDown, "read of project", true))
        .isInstanceOf(DistributedQueryException.class)
        .hasMessageStartingWith("read of project failed: the Citus cluster cannot run it as written [0A000]")
        .hasMessageContaining("cannot push down this subquery");
    assertThat(SqlErrors.translate(repartition, "read of project", true))
        .isInstanceOf(DistributedQueryException.class).hasMessageContaining("[XX000]");
    assertThat(SqlErrors.translate(pushDown, "read of project", false)).isInstanceOf(DatabaseException.class);
    assertThat(SqlErrors.translate(new SQLException("x", "23505"), "create of project", true))
        .isNotInstanceOf(DistributedQueryException.class);
  }
}
