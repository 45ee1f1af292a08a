package io.ashpg.migration.run;

import static io.ashpg.migration.run.Db.files;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import io.ashpg.testing.WithPostgres;
import io.ashpg.testing.TestDatabase;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@WithPostgres
class TenantMigratorTest {

  private static final long V1 = 20240201000001L;
  private static final long V2 = 20240201000002L;
  private static final long V3 = 20240201000003L;

  private final TestDatabase db;
  @TempDir
  Path dir;

  TenantMigratorTest(TestDatabase db) {
    this.db = db;
  }

  /** Three tenant migrations, schema-agnostic like generated ones; references the global orgs table. */
  private void tenantFiles() {
    files(dir,
        "20240201000001_users.sql", "-- ashpg:up\nCREATE TABLE \"users\" (\"id\" uuid NOT NULL DEFAULT"
            + " gen_random_uuid() PRIMARY KEY, \"email\" text NOT NULL, \"org_id\" bigint"
            + " REFERENCES \"public\".\"orgs\" (\"id\"));\nCREATE UNIQUE INDEX \"users_email_index\" ON \"users\""
            + " (\"email\");\n-- ashpg:down\nDROP TABLE \"users\";\n",
        "20240201000002_posts.sql", "-- ashpg:up\nCREATE TABLE \"posts\" (\"id\" uuid NOT NULL DEFAULT"
            + " gen_random_uuid() PRIMARY KEY, \"title\" text NOT NULL, \"author_id\" uuid NOT NULL"
            + " REFERENCES \"users\" (\"id\") ON DELETE CASCADE);\nCREATE INDEX \"posts_author_id_index\" ON"
            + " \"posts\" (\"author_id\");\n-- ashpg:down\nDROP TABLE \"posts\";\n",
        "20240201000003_comments.sql", "-- ashpg:up\nCREATE TABLE \"comments\" (\"id\" uuid NOT NULL DEFAULT"
            + " gen_random_uuid() PRIMARY KEY, \"body\" text NOT NULL, \"post_id\" uuid NOT NULL"
            + " REFERENCES \"posts\" (\"id\"));\nALTER TABLE \"posts\" ADD COLUMN \"score\" integer NOT NULL DEFAULT 0;"
            + "\n-- ashpg:down\nALTER TABLE \"posts\" DROP COLUMN \"score\";\nDROP TABLE \"comments\";\n");
  }

  private static TenantLister prefixed(String prefix) {
    return c -> {
      List<String> out = new ArrayList<>();
      try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
          "SELECT nspname FROM pg_namespace WHERE nspname LIKE '" + prefix + "%' ORDER BY 1")) {
        while (rs.next()) {
          out.add(rs.getString(1));
        }
      }
      return out;
    };
  }

  private MigratorOptions.Builder options() {
    return MigratorOptions.builder().repoName("tenant_repo").location(dir.toString()).quiet(true).poolSize(4);
  }

  private HikariDataSource pool(int size) {
    return Connections.pool(db.jdbcUrl(), db.user(), db.password(), size);
  }

  @Test
  void hundredTenantsOneBrokenThenRepairedThenIncrementalAtHead() throws Exception {
    tenantFiles();
    Db.exec(db, "CREATE TABLE IF NOT EXISTS public.orgs (id bigint PRIMARY KEY)");
    String schemas = IntStream.rangeClosed(1, 100).mapToObj(i -> String.format("CREATE SCHEMA t100_%03d;", i))
        .collect(Collectors.joining());
    Db.exec(db, schemas + "CREATE TABLE t100_042.comments (x int);");
    List<ProgressListener.Progress> progress = new CopyOnWriteArrayList<>();
    ProgressListener listener = new ProgressListener() {
      @Override
      public void tenantFinished(SchemaOutcome outcome, Progress p) {
        progress.add(p);
      }
    };

    long start = System.nanoTime();
    MigrationResult first = FailedRun.of(() -> TenantMigrator.create(db.jdbcUrl(), db.user(), db.password(),
        options().build(), prefixed("t100_")).withProgressListener(listener).migrate());
    long firstMs = (System.nanoTime() - start) / 1_000_000;

    assertThat(first.schemas()).hasSize(100);
    assertThat(first.changedSchemas()).isEqualTo(100);
    assertThat(first.failures()).hasSize(1);
    MigrationFailure f = first.failures().get(0);
    assertThat(f.schema()).isEqualTo("t100_042");
    assertThat(f.file()).endsWith("20240201000003_comments.sql");
    assertThat(f.sqlState()).isEqualTo("42P07");
    assertThat(f.statement()).startsWith("CREATE TABLE \"comments\"");
    assertThat(Db.versions(db, "t100_042")).containsExactly(V1, V2);
    assertThat(Db.versions(db, "t100_041")).containsExactly(V1, V2, V3);
    assertThat(Db.count(db, "SELECT count(*) FROM pg_tables WHERE schemaname LIKE 't100\\_%' AND tablename = 'posts'"))
        .isEqualTo(100);
    assertThat(Db.count(db, "SELECT count(*) FROM information_schema.columns WHERE table_schema LIKE 't100\\_%'"
        + " AND table_name = 'posts' AND column_name = 'score'")).isEqualTo(99);
    assertThat(progress).hasSize(100);
    assertThat(progress.get(99).done()).isEqualTo(100);
    assertThat(progress.get(99).failed()).isEqualTo(1);

    Db.exec(db, "DROP TABLE t100_042.comments");
    MigrationResult repaired = TenantMigrator.create(db.jdbcUrl(), db.user(), db.password(), options().build(),
        prefixed("t100_")).migrate();
    assertThat(repaired.succeeded()).isTrue();
    assertThat(repaired.schemas().stream().filter(SchemaOutcome::changed).map(SchemaOutcome::schema))
        .containsExactly("t100_042");
    assertThat(Db.versions(db, "t100_042")).containsExactly(V1, V2, V3);

    try (HikariDataSource pool = pool(4)) {
      CountingDataSource counting = new CountingDataSource(pool);
      TenantMigrator atHead = TenantMigrator.create(counting, options().build(), prefixed("t100_"));
      atHead.migrate(); // warm the pool
      long[] times = new long[7];
      for (int i = 0; i < times.length; i++) {
        counting.reset();
        long t = System.nanoTime();
        MigrationResult r = atHead.migrate();
        times[i] = System.nanoTime() - t;
        assertThat(r.succeeded()).isTrue();
        assertThat(r.changedSchemas()).isZero();
        // the lister, the catalog query, one UNION ALL for the 100 tenants: nothing per tenant
        assertThat(counting.executed).as("%s", counting.executed).hasSize(3);
        assertThat(counting.connections.get()).isEqualTo(1);
      }
      Arrays.sort(times);
      System.out.printf("[ashpg] tenants: 100 tenants x 3 migrations (one tenant failing) %d ms wall,"
          + " pool/parallelism 4; incremental run at head: median %.1f ms (min %.1f, max %.1f) over %d runs,"
          + " 3 queries, 1 connection%n", firstMs, times[times.length / 2] / 1e6, times[0] / 1e6,
          times[times.length - 1] / 1e6, times.length);
    }
  }

  @Test
  void filtersRollbackAndSearchPathResetOnPooledConnections() throws Exception {
    tenantFiles();
    files(dir, "20240201000004_idx.sql", "-- ashpg:no-transaction\n-- ashpg:up\n"
        + "CREATE INDEX CONCURRENTLY \"posts_title_index\" ON \"posts\" (\"title\");\n"
        + "-- ashpg:down\nDROP INDEX CONCURRENTLY \"posts_title_index\";\n");
    Db.exec(db, "CREATE TABLE IF NOT EXISTS public.orgs (id bigint PRIMARY KEY);"
        + " CREATE SCHEMA flt_a; CREATE SCHEMA flt_b; CREATE SCHEMA flt_c");
    try (HikariDataSource pool = pool(1)) {
      MigrationResult r = TenantMigrator.create(pool, options().parallelism(1).onlyTenants(Set.of("flt_a", "flt_b"))
          .exceptTenants(Set.of("flt_b")).build(), prefixed("flt_")).migrate();
      assertThat(r.schemas()).extracting(SchemaOutcome::schema).containsExactly("flt_a");
      assertThat(r.versions()).containsExactly(V1, V2, V3, 20240201000004L);
      assertThat(Db.tableExists(db, "flt_b", "users")).isFalse();
      // the no-transaction file set search_path for the session; the pooled connection must not keep it
      try (Connection c = pool.getConnection(); Statement s = c.createStatement();
           ResultSet rs = s.executeQuery("SHOW search_path")) {
        rs.next();
        assertThat(rs.getString(1)).isEqualTo("\"$user\", public");
      }
      TenantMigrator all = TenantMigrator.create(pool, options().parallelism(1).build(), prefixed("flt_"));
      assertThat(all.migrate().changedSchemas()).isEqualTo(2);
      MigrationResult back = all.rollbackTenants(V3);
      assertThat(back.succeeded()).isTrue();
      assertThat(back.schemas()).allSatisfy(o -> assertThat(o.versions()).containsExactly(20240201000004L, V3));
      assertThat(Db.versions(db, "flt_c")).containsExactly(V1, V2);
      assertThat(all.status()).allSatisfy(s -> assertThat(s.pending()).extracting(MigrationFile::version)
          .containsExactly(V3, 20240201000004L));
    }
  }

  @Test
  void rollbackVersionsRevertsWhatEachTenantHasOfTheSet() throws Exception {
    tenantFiles();
    Db.exec(db, "CREATE TABLE IF NOT EXISTS public.orgs (id bigint PRIMARY KEY);"
        + " CREATE SCHEMA pick_a; CREATE SCHEMA pick_b; CREATE SCHEMA pick_c");
    try (HikariDataSource pool = pool(2)) {
      TenantMigrator.create(pool, options().build(), prefixed("pick_")).migrate();
      TenantMigrator.create(pool, options().build(), prefixed("pick_")).rollbackTenants(V3);
      TenantMigrator.create(pool, options().onlyTenants(Set.of("pick_a")).build(), prefixed("pick_")).migrate();
      // pick_a has V1..V3, pick_b and pick_c V1, V2: V3 then V2 in pick_a, V2 alone in the others
      MigrationResult r = TenantMigrator.create(pool, options().build(), prefixed("pick_"))
          .rollbackVersions(List.of(V2, V3));
      assertThat(r.succeeded()).isTrue();
      assertThat(r.schemas()).filteredOn(o -> o.schema().equals("pick_a")).singleElement()
          .satisfies(o -> assertThat(o.versions()).containsExactly(V3, V2));
      assertThat(r.schemas()).filteredOn(o -> !o.schema().equals("pick_a"))
          .allSatisfy(o -> assertThat(o.versions()).containsExactly(V2));
      for (String t : List.of("pick_a", "pick_b", "pick_c")) {
        assertThat(Db.versions(db, t)).as(t).containsExactly(V1);
        assertThat(Db.tableExists(db, t, "posts")).as(t).isFalse();
      }
    }
  }

  @Test
  void anInvalidTenantNameFailsThatTenantAloneAndExceptTenantsSkipsIt() {
    tenantFiles();
    Db.exec(db, "CREATE TABLE IF NOT EXISTS public.orgs (id bigint PRIMARY KEY)");
    String evil = "x\"; DROP TABLE y; --";
    TenantLister lister = TenantLister.of(List.of("good_tenant", evil, "other_tenant"));

    MigrationResult r = FailedRun.of(() -> TenantMigrator.create(db.dataSource(), options().build(), lister).migrate());

    assertThat(r.succeeded()).isFalse();
    assertThat(r.schemas()).extracting(SchemaOutcome::schema).containsExactly("good_tenant", evil, "other_tenant");
    assertThat(r.failures()).singleElement().satisfies(f -> {
      assertThat(f.schema()).isEqualTo(evil);
      assertThat(f.message()).contains("not a valid tenant name", "skipped", "exceptTenants");
    });
    assertThat(r.summary()).isEqualTo("2 migrated, 1 failed, 0 already up to date");
    assertThat(Db.versions(db, "good_tenant")).containsExactly(V1, V2, V3);
    assertThat(Db.versions(db, "other_tenant")).containsExactly(V1, V2, V3);
    // status leaves it out too, rather than refusing to report on the others
    assertThat(TenantMigrator.create(db.dataSource(), options().build(), lister).status())
        .extracting(MigrationStatus::schema).containsExactly("good_tenant", "other_tenant");
    TenantStatus fleet = TenantMigrator.create(db.dataSource(), options().build(), lister).fleetStatus();
    assertThat(fleet.invalidNames()).containsExactly(evil);
    assertThat(fleet.tenants()).allSatisfy(s -> assertThat(s.upToDate()).isTrue());
    assertThat(fleet.clean()).as("an invalid name keeps the fleet from being clean").isFalse();

    MigrationResult skipped = TenantMigrator.create(db.dataSource(), options().exceptTenants(Set.of(evil)).build(),
        lister).migrate();
    assertThat(skipped.succeeded()).isTrue();
    assertThat(skipped.summary()).isEqualTo("0 migrated, 0 failed, 2 already up to date");
  }

  @Test
  void aTenantListerThatThrowsFailsTheRunAsAMigrationExceptionNamingTheRepo() {
    tenantFiles();
    TenantLister lister = c -> {
      throw new UnsupportedOperationException("allTenants(Connection) is not overridden");
    };
    assertThatThrownBy(() -> TenantMigrator.create(db.dataSource(), options().build(), lister).migrate())
        .isInstanceOf(MigrationException.class)
        .hasMessageContaining("the tenant lister of repo")
        .hasMessageContaining("allTenants(Connection) is not overridden")
        .hasCauseInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> TenantMigrator.create(db.dataSource(), options().build(), lister).status())
        .isInstanceOf(MigrationException.class);
  }

  @Test
  void filtersNamingTenantsThatAreNotListedAreErrorsBeforeAnythingRuns() {
    tenantFiles();
    TenantLister lister = TenantLister.of(List.of("good_tenant", "org_2"));
    assertThatThrownBy(() -> TenantMigrator.create(db.dataSource(), options().onlyTenants(Set.of("good_tenant",
        "org_20")).build(), lister).migrate())
        .isInstanceOf(MigrationException.class).hasMessageContaining("onlyTenants names 'org_20'")
        .hasMessageContaining("does not list it").hasMessageContaining("'good_tenant', 'org_2'")
        .hasMessageContaining("Nothing was run");
    assertThat(Db.count(db, "SELECT count(*) FROM pg_namespace WHERE nspname = 'good_tenant'")).isZero();
    assertThatThrownBy(() -> TenantMigrator.create(db.dataSource(), options().exceptTenants(Set.of("a b", "org_3"))
        .build(), lister).rollback()).isInstanceOf(MigrationException.class)
        .hasMessageContaining("exceptTenants names 'a b', 'org_3'").hasMessageContaining("does not list them");
    assertThatThrownBy(() -> TenantMigrator.create(db.dataSource(), options().onlyTenants(Set.of("nope")).build(),
        lister).status()).isInstanceOf(MigrationException.class).hasMessageContaining("onlyTenants names 'nope'");
    assertThatThrownBy(() -> TenantMigrator.create(db.dataSource(), options().build(), TenantLister.of(List.of()))
        .rollbackTenants(-1)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("positive");
  }
}
