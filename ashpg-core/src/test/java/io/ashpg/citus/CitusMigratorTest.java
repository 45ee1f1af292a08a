package io.ashpg.citus;

import static io.ashpg.citus.CitusCatalog.count;
import static io.ashpg.citus.CitusCatalog.distributedSchemas;
import static io.ashpg.citus.CitusCatalog.exec;
import static io.ashpg.citus.CitusCatalog.nodePortOf;
import static io.ashpg.citus.CitusCatalog.tableType;
import static io.ashpg.citus.CitusCatalog.worker;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ashpg.migration.run.Db;
import io.ashpg.migration.run.MigrationException;
import io.ashpg.migration.run.MigrationResult;
import io.ashpg.migration.run.MigrationStatus;
import io.ashpg.migration.run.MigrationTarget;
import io.ashpg.migration.run.Migrations;
import io.ashpg.migration.run.Migrator;
import io.ashpg.migration.run.MigratorOptions;
import io.ashpg.migration.run.TenantLister;
import io.ashpg.migration.run.TenantMigrator;
import io.ashpg.tenancy.MultiTenancy;
import io.ashpg.testing.CitusDatabase;
import io.ashpg.testing.WithCitus;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The migrator on a Citus cluster: tenant runs create distributed schemas whose tables (their
 * {@code schema_migrations} included) live on one worker, no-transaction files run there, the coordinator's advisory
 * locks keep concurrent migrators apart, and a failing tenant stays alone.
 */
@WithCitus
class CitusMigratorTest {

  @TempDir
  static Path dir;

  private final CitusDatabase db;

  CitusMigratorTest(CitusDatabase db) {
    this.db = db;
  }

  @BeforeAll
  static void globalTables(CitusDatabase db) {
    Saas.publicMigrations(dir.resolve("public"));
    Saas.tenantMigrations(dir.resolve("tenant"));
    Migrator.create(db.dataSource(), options(dir.resolve("public")).build()).migrate();
  }

  private static MigratorOptions.Builder options(Path location) {
    return MigratorOptions.builder().repoName(Saas.REPO).location(location.toString()).quiet(true);
  }

  private TenantMigrator tenants(boolean citus, String... tenants) {
    return TenantMigrator.create(db.dataSource(), options(dir.resolve("tenant")).citus(citus).build(),
        TenantLister.of(List.of(tenants)));
  }

  @Test
  void thePublicMigrationsMadeReferenceAndDistributedTablesAndTheirBookkeepingStaysLocal() {
    assertThat(tableType(db, "public.users")).isEqualTo("reference");
    assertThat(tableType(db, "public.audit_entries")).isEqualTo("distributed");
    // the coordinator keeps the public history: a plain table, in no Citus metadata
    assertThat(tableType(db, "public.schema_migrations")).isNull();
    assertThat(Db.versions(db.coordinator(), "public")).containsExactly(20250101000001L);
  }

  @Test
  void aTenantRunCreatesDistributedSchemasAndRunsEveryFileOnTheTenantsNode() {
    MigrationResult result = tenants(true, "mig_a", "mig_b").migrate();

    assertThat(result.versions()).containsExactly(20250101000001L, 20250101000002L);
    assertThat(distributedSchemas(db)).contains("mig_a", "mig_b");
    for (String tenant : List.of("mig_a", "mig_b")) {
      // the tenant's tables, its history table among them, are single-shard tables of its schema on one worker
      for (String table : List.of("projects", "tasks", "schema_migrations")) {
        assertThat(tableType(db, tenant + "." + table)).as(tenant + "." + table).isEqualTo("schema");
      }
      assertThat(Db.versions(db.coordinator(), tenant)).containsExactly(20250101000001L, 20250101000002L);
      int port = nodePortOf(db, tenant);
      assertThat(db.workers()).extracting(w -> w.server().port()).contains(port);
      // the index built concurrently exists on the shard, on that worker
      assertThat(count(worker(db, port), "SELECT count(*) FROM pg_indexes WHERE schemaname = '" + tenant
          + "' AND indexname LIKE 'tasks_title_index%'")).isEqualTo(1);
    }

    // status reads every tenant's history in one union over distributed tables
    List<MigrationStatus> status = tenants(true, "mig_a", "mig_b").status();
    assertThat(status).allSatisfy(s -> {
      assertThat(s.applied()).hasSize(2);
      assertThat(s.pending()).isEmpty();
    });

    // and the no-transaction down section runs there too
    MigrationResult back = tenants(true, "mig_a", "mig_b").rollback();
    assertThat(back.versions()).containsExactly(20250101000002L);
    assertThat(Db.versions(db.coordinator(), "mig_a")).containsExactly(20250101000001L);
    assertThat(count(worker(db, nodePortOf(db, "mig_a")), "SELECT count(*) FROM pg_indexes WHERE schemaname ="
        + " 'mig_a' AND indexname LIKE 'tasks_title_index%'")).isZero();
  }

  @Test
  void aHistoryTableOfAnEarlierVersionGetsItsChecksumColumnOnTheWorker() {
    // schema_migrations as Ecto (and ashpg before checksums) made it, distributed with its tenant
    MultiTenancy.createSchema(db.dataSource(), "mig_legacy", true);
    exec(db.coordinator(), "CREATE TABLE mig_legacy.schema_migrations (version bigint PRIMARY KEY,"
        + " inserted_at timestamp(0))");
    assertThat(tableType(db, "mig_legacy.schema_migrations")).isEqualTo("schema");

    tenants(true, "mig_legacy").migrate();

    assertThat(Db.versions(db.coordinator(), "mig_legacy")).containsExactly(20250101000001L, 20250101000002L);
    assertThat(count(db.coordinator(), "SELECT count(*) FROM mig_legacy.schema_migrations"
        + " WHERE checksum IS NOT NULL")).isEqualTo(2);
  }

  @Test
  void withoutTheCitusOptionTheSchemaIsAPlainOneOnTheCoordinator() {
    tenants(false, "mig_plain").migrate();

    assertThat(distributedSchemas(db)).doesNotContain("mig_plain");
    assertThat(tableType(db, "mig_plain.schema_migrations")).isNull();
    // its tables stay on the coordinator (those referencing the users reference table as Citus "local" tables)
    assertThat(nodePortOf(db, "mig_plain")).isEqualTo(db.coordinator().server().port());
  }

  @Test
  void aCitusTargetGivesTenantRunsDistributedSchemas() {
    MigrationTarget target = MigrationTarget.of(db.dataSource(), Saas.REPO)
        .withLocations(dir.resolve("public").toString(), dir.resolve("tenant").toString())
        .withTenants(TenantLister.of(List.of("mig_target")));
    Migrations.migrateAll(target.withCitus(true));

    assertThat(distributedSchemas(db)).contains("mig_target");
    assertThat(tableType(db, "mig_target.tasks")).isEqualTo("schema");
  }

  @Test
  void twoMigratorsAtOnceApplyEachMigrationOnceThroughTheCoordinatorsLocks() throws Exception {
    exec(db.coordinator(), "CREATE TABLE public.ran (schema text, version bigint)",
        "SELECT create_reference_table('public.ran')");
    Path logging = dir.resolve("logging");
    for (int i = 1; i <= 4; i++) {
      long v = 20250201000000L + i;
      Db.files(logging, v + "_m" + i + ".sql", "-- ashpg:up\nCREATE TABLE t" + i + " (id int PRIMARY KEY);\n"
          + "INSERT INTO public.ran SELECT current_schema(), " + v + ";\nSELECT pg_sleep(0.1);\n");
    }
    List<String> tenants = List.of("lock_a", "lock_b", "lock_c");
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<MigrationResult>> runs = new ArrayList<>();
      for (int i = 0; i < 2; i++) {
        runs.add(pool.submit(() -> Migrator.create(db.dataSource(), options(logging).prefix("lock_public").build())
            .migrate()));
        runs.add(pool.submit(() -> TenantMigrator.create(db.dataSource(), options(logging).citus(true)
            .parallelism(2).build(), TenantLister.of(tenants)).migrate()));
      }
      List<MigrationResult> results = new ArrayList<>();
      for (Future<MigrationResult> run : runs) {
        results.add(run.get(120, TimeUnit.SECONDS));
      }
      assertThat(results).allMatch(MigrationResult::succeeded);
    } finally {
      pool.shutdownNow();
    }
    for (String schema : List.of("lock_public", "lock_a", "lock_b", "lock_c")) {
      assertThat(count(db.coordinator(), "SELECT count(*) FROM public.ran WHERE schema = '" + schema + "'"))
          .as("migrations logged in " + schema).isEqualTo(4);
      assertThat(count(db.coordinator(), "SELECT count(DISTINCT version) FROM public.ran WHERE schema = '" + schema
          + "'")).isEqualTo(4);
      assertThat(Db.versions(db.coordinator(), schema)).hasSize(4);
    }
    assertThat(distributedSchemas(db)).contains("lock_a", "lock_b", "lock_c").doesNotContain("lock_public");
  }

  @Test
  void aFailingTenantFailsAloneAndARerunFinishesIt() {
    // iso_bad already has a table the first migration creates: its CREATE TABLE fails there only
    tenants(true, "iso_bad").migrate();
    tenants(true, "iso_bad").rollbackTenants(20250101000001L);
    exec(db.coordinator(), "CREATE TABLE iso_bad.tasks (id int)");

    assertThatThrownBy(() -> tenants(true, "iso_ok1", "iso_bad", "iso_ok2").migrate())
        .isInstanceOf(MigrationException.class)
        .hasMessageContaining("iso_bad").hasMessageContaining("\"tasks\" already exists")
        .satisfies(e -> {
          MigrationResult r = ((MigrationException) e).result();
          assertThat(r.failures()).singleElement().satisfies(f -> {
            assertThat(f.schema()).isEqualTo("iso_bad");
            assertThat(f.version()).isEqualTo(20250101000001L);
          });
        });
    assertThat(Db.versions(db.coordinator(), "iso_ok1")).hasSize(2);
    assertThat(Db.versions(db.coordinator(), "iso_ok2")).hasSize(2);
    // rolled back whole: not even the projects table of the failing file stayed
    assertThat(Db.versions(db.coordinator(), "iso_bad")).isEmpty();
    assertThat(tableType(db, "iso_bad.tasks")).isEqualTo("schema");
    assertThat(count(db.coordinator(), "SELECT count(*) FROM pg_tables WHERE schemaname = 'iso_bad'"
        + " AND tablename = 'projects'")).isZero();

    exec(db.coordinator(), "DROP TABLE iso_bad.tasks");
    MigrationResult rerun = tenants(true, "iso_ok1", "iso_bad", "iso_ok2").migrate();
    assertThat(rerun.changedSchemas()).isEqualTo(1);
    assertThat(Db.versions(db.coordinator(), "iso_bad")).hasSize(2);
  }
}
