package io.ashpg.migration.run;

import static io.ashpg.migration.run.Db.files;
import static io.ashpg.migration.run.Db.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ashpg.testing.WithPostgres;
import io.ashpg.testing.TestDatabase;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@WithPostgres
class MigratorTest {

  private static final long V1 = 20240101000001L;
  private static final long V2 = 20240101000002L;
  private static final long V3 = 20240101000003L;
  private static final long V4 = 20240101000004L;

  private final TestDatabase db;
  @TempDir
  Path dir;

  MigratorTest(TestDatabase db) {
    this.db = db;
  }

  private void threeFiles() {
    files(dir,
        "20240101000001_a.sql", "-- ashpg:up\nCREATE TABLE \"a\" (id int);\n-- ashpg:down\nDROP TABLE \"a\";\n",
        "20240101000002_b.sql", "-- ashpg:up\nCREATE TABLE \"b\" (id int);\n-- ashpg:down\nDROP TABLE \"b\";\n",
        "20240101000003_c.sql", "-- ashpg:up\nCREATE TABLE \"c\" (id int);\n-- ashpg:down\nDROP TABLE \"c\";\n");
  }

  private Migrator migrator(MigratorOptions.Builder options) {
    return Migrator.create(db.dataSource(), options.build());
  }

  @Test
  void tenantFiltersAreRefusedByTheSingleSchemaMigratorInsteadOfIgnored() {
    threeFiles();
    assertThatThrownBy(() -> migrator(MigratorOptions.builder().location(dir.toString())
        .onlyTenants(java.util.Set.of("org_1")))).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("onlyTenants/exceptTenants apply to tenant runs").hasMessageContaining("\"public\"");
    assertThatThrownBy(() -> migrator(MigratorOptions.builder().location(dir.toString())
        .exceptTenants(java.util.Set.of("org_1")))).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void migratesThePublicSchemaByDefaultAndIsIdempotent() {
    threeFiles();
    Migrator m = migrator(MigratorOptions.builder().location(dir.toString()).quiet(true));
    MigrationResult r = m.migrate();
    assertThat(r.succeeded()).isTrue();
    assertThat(r.versions()).containsExactly(V1, V2, V3);
    assertThat(Db.versions(db, "public")).containsExactly(V1, V2, V3);
    assertThat(Db.tableExists(db, "public", "b")).isTrue();
    assertThat(m.status().upToDate()).isTrue();
    assertThat(m.migrate().versions()).isEmpty();
    // Ecto's columns plus ashpg's checksum
    assertThat(Db.count(db, "SELECT count(*) FROM public.schema_migrations WHERE inserted_at IS NOT NULL"
        + " AND length(checksum) = 64")).isEqualTo(3);
    assertThat(m.rollback(V1).versions()).containsExactly(V3, V2, V1);
    assertThat(Db.tableExists(db, "public", "a")).isFalse();
  }

  @Test
  void prefixCreatesTheSchemaAndScopesUnqualifiedNames() {
    threeFiles();
    MigrationResult r = migrator(options("pfx_created", dir)).migrate();
    assertThat(r.versions()).containsExactly(V1, V2, V3);
    assertThat(Db.tableExists(db, "pfx_created", "c")).isTrue();
    assertThat(Db.versions(db, "pfx_created")).containsExactly(V1, V2, V3);
  }

  @Test
  void stepAndToAreInclusive() {
    threeFiles();
    assertThat(migrator(options("steps", dir).step(1)).migrate().versions()).containsExactly(V1);
    assertThat(migrator(options("steps", dir).to(V3)).migrate().versions()).containsExactly(V2, V3);
    MigrationStatus status = migrator(options("steps", dir)).status();
    assertThat(status.applied()).extracting(AppliedMigration::version).containsExactly(V1, V2, V3);
    assertThat(status.pending()).isEmpty();
  }

  @Test
  void rollbackStepToAndAll() {
    threeFiles();
    migrator(options("rb", dir)).migrate();
    assertThat(migrator(options("rb", dir)).rollback().versions()).containsExactly(V3);
    assertThat(Db.tableExists(db, "rb", "c")).isFalse();
    assertThat(migrator(options("rb", dir).to(V2)).rollback().versions()).containsExactly(V2);
    assertThat(Db.versions(db, "rb")).containsExactly(V1);
    migrator(options("rb", dir)).migrate();
    assertThat(migrator(options("rb", dir).step(2)).rollback().versions()).containsExactly(V3, V2);
    assertThat(migrator(options("rb", dir).all()).rollback().versions()).containsExactly(V1);
    assertThat(Db.versions(db, "rb")).isEmpty();
    assertThat(migrator(options("rb", dir)).rollback().versions()).isEmpty();
  }

  @Test
  void rollbackVersionsRevertsExactlyTheAppliedOnesOfTheSetNewestFirst() {
    threeFiles();
    files(dir, "20240101000004_d.sql", "-- ashpg:up\nCREATE TABLE \"d\" (id int);\n-- ashpg:down\nDROP TABLE \"d\";\n");
    migrator(options("pick", dir).to(V3)).migrate();
    // V4 is in the set but was never applied: skipped; V2 is applied but not in the set: kept
    MigrationResult r = migrator(options("pick", dir)).rollbackVersions(List.of(V1, V3, V4));
    assertThat(r.succeeded()).isTrue();
    assertThat(r.versions()).containsExactly(V3, V1);
    assertThat(Db.versions(db, "pick")).containsExactly(V2);
    assertThat(Db.tableExists(db, "pick", "a")).isFalse();
    assertThat(Db.tableExists(db, "pick", "b")).isTrue();
    assertThat(migrator(options("pick", dir)).rollbackVersions(List.of()).versions()).isEmpty();
    // the same scope migrating: only the pending ones of the set
    assertThat(migrator(options("pick", dir).versions(List.of(V1, V4))).migrate().versions()).containsExactly(V1, V4);
    assertThat(Db.versions(db, "pick")).containsExactly(V1, V2, V4);
    assertThatThrownBy(() -> Scope.versions(List.of(0L))).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("positive");
  }

  @Test
  void rollbackVersionsNeedsTheFileOfAnAppliedVersion() {
    threeFiles();
    migrator(options("pickmissing", dir)).migrate();
    Path other = dir.resolveSibling(dir.getFileName() + "_only_a");
    files(other, "20240101000001_a.sql",
        "-- ashpg:up\nCREATE TABLE \"a\" (id int);\n-- ashpg:down\nDROP TABLE \"a\";\n");
    assertThatThrownBy(() -> migrator(options("pickmissing", other)).rollbackVersions(List.of(V1, V3)))
        .isInstanceOf(MigrationException.class).hasMessageContaining(String.valueOf(V3));
    assertThat(Db.versions(db, "pickmissing")).containsExactly(V1, V2, V3);
  }

  @Test
  void rollbackWithoutDownSectionIsRefusedBeforeAnythingRuns() {
    files(dir, "20240101000001_a.sql", "-- ashpg:up\nCREATE TABLE \"a\" (id int);\n-- ashpg:down\nDROP TABLE \"a\";",
        "20240101000002_b.sql", "-- ashpg:up\nCREATE TABLE \"b\" (id int);\n");
    migrator(options("nodown", dir)).migrate();
    assertThatThrownBy(() -> migrator(options("nodown", dir).all()).rollback())
        .isInstanceOf(MigrationException.class).hasMessageContaining("20240101000002_b.sql")
        .hasMessageContaining("no '-- ashpg:down'");
    assertThat(Db.versions(db, "nodown")).containsExactly(V1, V2);
  }

  @Test
  void strictVersionOrderRefusesAnOlderPendingFile() {
    files(dir, "20240101000001_a.sql", "-- ashpg:up\nCREATE TABLE \"a\" (id int);",
        "20240101000003_c.sql", "-- ashpg:up\nCREATE TABLE \"c\" (id int);");
    migrator(options("strict", dir)).migrate();
    files(dir, "20240101000002_b.sql", "-- ashpg:up\nCREATE TABLE \"b\" (id int);");
    assertThatThrownBy(() -> migrator(options("strict", dir).strictVersionOrder(true)).migrate())
        .isInstanceOf(MigrationException.class).hasMessageContaining("20240101000002_b.sql")
        .hasMessageContaining("strictVersionOrder");
    assertThat(Db.tableExists(db, "strict", "b")).isFalse();
    assertThat(migrator(options("strict", dir)).migrate().versions()).containsExactly(V2);
  }

  @Test
  void changedAppliedFileIsRefusedUnlessIgnored() {
    threeFiles();
    migrator(options("sums", dir)).migrate();
    files(dir, "20240101000002_b.sql", "-- ashpg:up\nCREATE TABLE \"b\" (id bigint);\n",
        "20240101000004_d.sql", "-- ashpg:up\nCREATE TABLE \"d\" (id int);\n");
    assertThatThrownBy(() -> migrator(options("sums", dir)).migrate())
        .isInstanceOf(MigrationException.class).hasMessageContaining("20240101000002_b.sql")
        .hasMessageContaining("changed after it was applied").hasMessageContaining("ignoreChecksums");
    MigrationStatus status = migrator(options("sums", dir)).status();
    assertThat(status.checksumMismatches()).extracting(m -> m.file().version()).containsExactly(V2);
    assertThat(status.pending()).extracting(MigrationFile::version).containsExactly(V4);
    assertThat(migrator(options("sums", dir).ignoreChecksums(true)).migrate().versions()).containsExactly(V4);
  }

  @Test
  void noTransactionFilesRunEnumValuesAndConcurrentIndexes() {
    files(dir,
        "20240101000001_mood.sql", "-- ashpg:up\n" + MigrationUtilities.createEnum("mood", List.of("happy")) + ";\n"
            + "CREATE TABLE \"people\" (id int, m mood);\n",
        "20240101000002_sad.sql", "-- ashpg:no-transaction\n-- ashpg:up\n"
            + MigrationUtilities.addEnumValue("mood", "sad") + ";\n"
            + "INSERT INTO \"people\" VALUES (1, 'sad');\n"
            + "CREATE INDEX CONCURRENTLY \"people_m_index\" ON \"people\" (m);\n"
            + "-- ashpg:down\nDROP INDEX CONCURRENTLY \"people_m_index\";\n");
    MigrationResult r = migrator(options("notx", dir)).migrate();
    assertThat(r.failures()).isEmpty();
    assertThat(Db.count(db, "SELECT count(*) FROM pg_enum e JOIN pg_type t ON t.oid = e.enumtypid"
        + " JOIN pg_namespace n ON n.oid = t.typnamespace WHERE n.nspname = 'notx' AND t.typname = 'mood'"))
        .isEqualTo(2);
    assertThat(Db.count(db, "SELECT count(*) FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid"
        + " WHERE c.relname = 'people_m_index' AND i.indisvalid")).isEqualTo(1);
    // the session search_path was reset afterwards: the test database has no "people" in public
    assertThat(migrator(options("notx", dir)).rollback().versions()).containsExactly(V2);
    assertThat(Db.count(db, "SELECT count(*) FROM pg_class WHERE relname = 'people_m_index'")).isZero();
  }

  @Test
  void aFailingMigrationLeavesThePreviousVersionAndARerunCompletes() {
    files(dir,
        "20240101000001_a.sql", "-- ashpg:up\nCREATE TABLE \"a\" (id int);\n",
        "20240101000002_b.sql", "-- ashpg:up\nCREATE TABLE \"b\" (id int);\nINSERT INTO \"missing\" VALUES (1);\n",
        "20240101000003_c.sql", "-- ashpg:up\nCREATE TABLE \"c\" (id int);\n");
    MigrationResult r = FailedRun.of(() -> migrator(options("fails", dir)).migrate());
    assertThat(r.versions()).containsExactly(V1);
    MigrationFailure f = r.failures().get(0);
    assertThat(f.file()).endsWith("20240101000002_b.sql");
    assertThat(f.statement()).isEqualTo("INSERT INTO \"missing\" VALUES (1)");
    assertThat(f.sqlState()).isEqualTo("42P01");
    assertThat(f.describe()).contains("fails").contains("20240101000002_b.sql").contains("missing")
        .contains("rolled back");
    assertThatThrownBy(() -> migrator(options("fails", dir)).migrate()).isInstanceOf(MigrationException.class)
        .hasMessageContaining("20240101000002_b.sql").hasMessageContaining("missing");
    assertThat(Db.tableExists(db, "fails", "b")).isFalse();
    assertThat(Db.versions(db, "fails")).containsExactly(V1);

    files(dir, "20240101000002_b.sql", "-- ashpg:up\nCREATE TABLE \"b\" (id int);\n");
    assertThat(migrator(options("fails", dir)).migrate().versions()).containsExactly(V2, V3);
  }

  @Test
  void runsFromTheTestClasspathAndFromAJar() throws Exception {
    MigratorOptions cp = MigratorOptions.builder().prefix("from_cp").location("classpath:db/cp_repo/migrations")
        .quiet(true).build();
    assertThat(Migrator.create(db.dataSource(), cp).migrate().versions()).containsExactly(V1, V2);

    Path jar = MigrationSourceTest.buildJar(dir.resolve("app.jar"), "db/jar_repo/migrations/",
        "20240101000001_t.sql", "-- ashpg:up\nCREATE TABLE \"from_jar\" (id int);");
    try (URLClassLoader loader = new URLClassLoader(new URL[] {jar.toUri().toURL()}, null)) {
      MigratorOptions o = MigratorOptions.builder().prefix("from_jar").quiet(true).build();
      MigrationResult r = Migrator.create(db.dataSource(), o,
          MigrationSource.of(List.of("classpath:db/jar_repo/migrations"), loader)).migrate();
      assertThat(r.versions()).containsExactly(V1);
      assertThat(Db.tableExists(db, "from_jar", "from_jar")).isTrue();
    }
  }

  @Test
  void adoptsAnEctoSchemaMigrationsTable() {
    Db.exec(db, "CREATE SCHEMA ecto; CREATE TABLE ecto.schema_migrations (version bigint, inserted_at timestamp(0),"
        + " PRIMARY KEY (version)); INSERT INTO ecto.schema_migrations VALUES (" + V1 + ", now());"
        + " CREATE TABLE ecto.a (id int)");
    threeFiles();
    assertThat(migrator(options("ecto", dir)).migrate().versions()).containsExactly(V2, V3);
    assertThat(Db.count(db, "SELECT count(*) FROM ecto.schema_migrations WHERE checksum IS NULL")).isEqualTo(1);
  }

  @Test
  void schemaMigrationsHasABoundedChecksumAndNoToastTable() {
    threeFiles();
    migrator(options("notoast", dir)).migrate();
    assertThat(Db.count(db, "SELECT count(*) FROM pg_class WHERE oid = 'notoast.schema_migrations'::regclass"
        + " AND reltoastrelid = 0")).isEqualTo(1);
    assertThat(Db.count(db, "SELECT count(*) FROM pg_attribute WHERE attrelid = 'notoast.schema_migrations'::regclass"
        + " AND attname = 'checksum' AND format_type(atttypid, atttypmod) = 'character varying(64)'")).isEqualTo(1);
  }

  @Test
  void tableLockStrategyWorksToo() {
    threeFiles();
    assertThat(migrator(options("tablelock", dir).lockStrategy(LockStrategy.TABLE)).migrate().versions())
        .containsExactly(V1, V2, V3);
    assertThat(migrator(options("tablelock", dir).lockStrategy(LockStrategy.TABLE)).rollback().versions())
        .containsExactly(V3);
  }

  @Test
  void badOptionsAreRejected() {
    assertThatThrownBy(() -> Scope.to(0)).hasMessageContaining("positive migration version");
    assertThatThrownBy(() -> Scope.step(0)).hasMessageContaining("at least 1");
    assertThatThrownBy(() -> MigratorOptions.builder().prefix("p".repeat(64)).build()).hasMessageContaining("63");
    assertThatThrownBy(() -> MigratorOptions.builder().poolSize(0).build()).hasMessageContaining("poolSize");
  }
}
