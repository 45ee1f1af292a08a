package io.ashpg.migration.run;

import static io.ashpg.migration.run.Db.files;
import static org.assertj.core.api.Assertions.assertThat;

import io.ashpg.testing.TestDatabase;
import io.ashpg.testing.WithPostgres;
import io.ashpg.testsupport.WireCounter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The fleet-wide "which tenants are at head" read: right whoever wrote a tenant's versions, and a fixed number of
 * round trips however many tenants there are (counted on the wire, between the driver and the server).
 */
@WithPostgres
class TenantFleetTest {

  private static final long V1 = 20240301000001L;
  private static final long V2 = 20240301000002L;
  private static final long V3 = 20240301000003L;
  private static final String V3_UP = "ALTER TABLE \"notes\" ADD COLUMN \"pinned\" boolean NOT NULL DEFAULT false";

  private final TestDatabase db;
  @TempDir
  Path dir;

  TenantFleetTest(TestDatabase db) {
    this.db = db;
  }

  private void tenantFiles() {
    files(dir,
        "20240301000001_notes.sql", "-- ashpg:up\nCREATE TABLE \"notes\" (\"id\" bigint PRIMARY KEY, \"body\" text);\n"
            + "-- ashpg:down\nDROP TABLE \"notes\";\n",
        "20240301000002_tags.sql", "-- ashpg:up\nCREATE TABLE \"tags\" (\"id\" bigint PRIMARY KEY, \"note_id\" bigint"
            + " REFERENCES \"notes\" (\"id\"));\n-- ashpg:down\nDROP TABLE \"tags\";\n",
        "20240301000003_pinned.sql", "-- ashpg:up\n" + V3_UP + ";\n"
            + "-- ashpg:down\nALTER TABLE \"notes\" DROP COLUMN \"pinned\";\n");
  }

  private MigratorOptions.Builder options() {
    return MigratorOptions.builder().repoName("fleet_repo").location(dir.toString()).quiet(true).poolSize(4);
  }

  private Map<Long, String> checksums() {
    return MigrationSource.of(List.of(dir.toString())).load().stream()
        .collect(Collectors.toMap(MigrationFile::version, MigrationFile::checksum));
  }

  @Test
  void theAtHeadAnswerIsRightWhoeverWroteTheVersions() {
    tenantFiles();
    Map<Long, String> sums = checksums();
    List<String> fleet = List.of("fl_head_a", "fl_head_b", "fl_behind", "fl_other_process", "fl_older_ashpg",
        "fl_no_table", "fl_no_schema", "fl_edited", "fl_unknown_version", "fl_row_deleted");
    // ashpg itself: two at head, one behind (V1 and V2 only), and three that are then changed by hand below
    TenantMigrator.create(db.dataSource(), options().build(), TenantLister.of(List.of("fl_head_a", "fl_head_b",
        "fl_edited", "fl_unknown_version", "fl_row_deleted"))).migrate();
    TenantMigrator.create(db.dataSource(), options().to(V2).build(), TenantLister.of(List.of("fl_behind"))).migrate();
    // another process (Ecto's layout: no checksum column) migrated this tenant to head without ashpg
    Db.exec(db, "CREATE SCHEMA fl_other_process; SET search_path TO fl_other_process;"
        + " CREATE TABLE schema_migrations (version bigint PRIMARY KEY, inserted_at timestamp(0));"
        + " CREATE TABLE notes (id bigint PRIMARY KEY, body text);"
        + " CREATE TABLE tags (id bigint PRIMARY KEY, note_id bigint REFERENCES notes (id)); " + V3_UP + ";"
        + " INSERT INTO schema_migrations VALUES (" + V1 + ", now()), (" + V2 + ", now()), (" + V3 + ", now());"
        + " RESET search_path");
    // an older ashpg: its own table, rows written one by one, nothing but the tenant's own schema_migrations
    Db.exec(db, "CREATE SCHEMA fl_older_ashpg; SET search_path TO fl_older_ashpg;"
        + " CREATE TABLE schema_migrations (version bigint PRIMARY KEY, inserted_at timestamp(0), checksum text);"
        + " CREATE TABLE notes (id bigint PRIMARY KEY, body text);"
        + " CREATE TABLE tags (id bigint PRIMARY KEY, note_id bigint REFERENCES notes (id)); " + V3_UP + ";"
        + " INSERT INTO schema_migrations VALUES (" + V1 + ", now(), '" + sums.get(V1) + "'), (" + V2
        + ", now(), '" + sums.get(V2) + "'), (" + V3 + ", now(), '" + sums.get(V3) + "');"
        + " RESET search_path");
    Db.exec(db, "CREATE SCHEMA fl_no_table");
    // by hand: an edited checksum, a version no file has, a row deleted (with what it did) to run it again
    Db.exec(db, "UPDATE fl_edited.schema_migrations SET checksum = repeat('0', 64) WHERE version = " + V2);
    Db.exec(db, "INSERT INTO fl_unknown_version.schema_migrations (version, inserted_at)"
        + " VALUES (20991231000000, now())");
    Db.exec(db, "DELETE FROM fl_row_deleted.schema_migrations WHERE version = " + V3 + ";"
        + " ALTER TABLE fl_row_deleted.notes DROP COLUMN pinned");

    TenantLister lister = TenantLister.of(fleet);
    Map<String, MigrationStatus> status = TenantMigrator.create(db.dataSource(), options().build(), lister).status()
        .stream().collect(Collectors.toMap(MigrationStatus::schema, Function.identity()));

    assertThat(status).containsOnlyKeys(fleet);
    for (String atHead : List.of("fl_head_a", "fl_head_b", "fl_other_process", "fl_older_ashpg",
        "fl_unknown_version")) {
      assertThat(status.get(atHead).upToDate()).as(atHead).isTrue();
    }
    assertThat(pending(status.get("fl_behind"))).containsExactly(V3);
    assertThat(pending(status.get("fl_no_table"))).containsExactly(V1, V2, V3);
    assertThat(pending(status.get("fl_no_schema"))).containsExactly(V1, V2, V3);
    assertThat(pending(status.get("fl_row_deleted"))).containsExactly(V3);
    assertThat(status.get("fl_edited").pending()).isEmpty();
    assertThat(status.get("fl_edited").checksumMismatches()).singleElement()
        .satisfies(m -> assertThat(m.file().version()).isEqualTo(V2));
    assertThat(status.get("fl_edited").upToDate()).isFalse();
    assertThat(status.get("fl_unknown_version").missingFiles()).containsExactly(20991231000000L);
    assertThat(status.get("fl_other_process").applied()).allSatisfy(a -> assertThat(a.checksum()).isNull());

    // migrate acts on the same answer: only the tenants behind change, the edited one fails, nothing else is touched
    MigrationResult r = FailedRun.of(() -> TenantMigrator.create(db.dataSource(), options().build(), lister)
        .migrate());
    Map<String, SchemaOutcome> outcomes = r.schemas().stream()
        .collect(Collectors.toMap(SchemaOutcome::schema, Function.identity()));
    assertThat(outcomes.keySet()).containsExactlyInAnyOrderElementsOf(fleet);
    assertThat(outcomes.get("fl_behind").versions()).containsExactly(V3);
    assertThat(outcomes.get("fl_no_table").versions()).containsExactly(V1, V2, V3);
    assertThat(outcomes.get("fl_no_schema").versions()).containsExactly(V1, V2, V3);
    assertThat(outcomes.get("fl_row_deleted").versions()).containsExactly(V3);
    assertThat(r.failures()).singleElement().satisfies(f -> {
      assertThat(f.schema()).isEqualTo("fl_edited");
      assertThat(f.message()).contains("changed");
    });
    assertThat(r.schemas().stream().filter(SchemaOutcome::changed).map(SchemaOutcome::schema))
        .containsExactlyInAnyOrder("fl_behind", "fl_no_table", "fl_no_schema", "fl_row_deleted");
    // the tenant another process migrated keeps its own table exactly as it was (no checksum column added)
    assertThat(Db.count(db, "SELECT count(*) FROM information_schema.columns WHERE table_schema ="
        + " 'fl_other_process' AND table_name = 'schema_migrations'")).isEqualTo(2);
    assertThat(Db.versions(db, "fl_row_deleted")).containsExactly(V1, V2, V3);
    assertThat(Db.count(db, "SELECT count(*) FROM information_schema.columns WHERE table_schema = 'fl_row_deleted'"
        + " AND table_name = 'notes' AND column_name = 'pinned'")).isEqualTo(1);
  }

  private static List<Long> pending(MigrationStatus s) {
    return s.pending().stream().map(MigrationFile::version).toList();
  }

  @Test
  void atHeadRunsCostTheSameRoundTripsForAnyFleetSize() {
    tenantFiles();
    Map<Long, String> sums = checksums();
    List<String> small = tenantsAtHead("rt_s_", 150, sums);
    List<String> large = tenantsAtHead("rt_l_", 900, sums);
    try (WireCounter wire = new WireCounter(db.server())) {
      String url = wire.jdbcUrl(db.name());
      for (int parallelism : new int[] {1, 2, 4}) {
        List<Integer> trips = new ArrayList<>();
        for (List<String> fleet : List.of(small, large)) {
          MigratorOptions options = options().parallelism(parallelism).build();
          wire.reset();
          MigrationResult r = TenantMigrator.create(url, db.user(), db.password(), options, TenantLister.of(fleet))
              .migrate();
          assertThat(r.changedSchemas()).isZero();
          assertThat(r.schemas()).hasSize(fleet.size());
          // one catalog query, then one pipelined read per connection; no pool is opened when nothing has work
          int readers = Math.min(parallelism, (fleet.size() + TenantCatalog.TABLES_PER_READER - 1)
              / TenantCatalog.TABLES_PER_READER);
          assertThat(wire.connections()).as("connections, parallelism %d, %d tenants", parallelism, fleet.size())
              .isEqualTo(readers);
          assertThat(wire.roundTrips()).as("round trips, parallelism %d, %d tenants: %s", parallelism, fleet.size(),
              abbreviated(wire.sql()))
              .isEqualTo(1 + readers);
          assertThat(wire.flushes()).isZero();
          trips.add(wire.roundTrips());
        }
        // six times the tenants: never more than one round trip per connection the options allow, plus one
        assertThat(trips.get(1)).isLessThanOrEqualTo(1 + parallelism);
      }
      // status reads the same way
      wire.reset();
      List<MigrationStatus> status = TenantMigrator.create(url, db.user(), db.password(),
          options().parallelism(2).build(), TenantLister.of(large)).status();
      assertThat(status).hasSize(large.size()).allSatisfy(s -> assertThat(s.upToDate()).isTrue());
      assertThat(wire.roundTrips()).isEqualTo(3);
    }
  }

  private static List<String> abbreviated(List<String> sql) {
    return sql.stream().map(s -> s.length() > 120 ? s.substring(0, 120) + "…" : s).toList();
  }

  /** {@code n} tenants whose schema_migrations say they are at head (only that table: all the read looks at). */
  private List<String> tenantsAtHead(String prefix, int n, Map<Long, String> sums) {
    List<String> tenants = new ArrayList<>();
    StringBuilder sql = new StringBuilder();
    for (int i = 0; i < n; i++) {
      String t = String.format("%s%04d", prefix, i);
      tenants.add(t);
      sql.append("CREATE SCHEMA ").append(t).append("; CREATE TABLE ").append(t).append(".schema_migrations")
          .append(" (version bigint PRIMARY KEY, inserted_at timestamp(0), checksum varchar(64)); INSERT INTO ")
          .append(t).append(".schema_migrations VALUES ");
      sql.append(sums.entrySet().stream().map(e -> "(" + e.getKey() + ", now(), '" + e.getValue() + "')")
          .collect(Collectors.joining(", "))).append(";\n");
      if (i % 100 == 99) {
        Db.exec(db, sql.toString()); // a transaction per hundred tenants keeps within the server's lock table
        sql.setLength(0);
      }
    }
    if (sql.length() > 0) {
      Db.exec(db, sql.toString());
    }
    return tenants;
  }
}
