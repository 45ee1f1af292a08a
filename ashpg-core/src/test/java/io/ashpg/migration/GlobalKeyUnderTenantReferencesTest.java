package io.ashpg.migration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ashpg.migration.generate.GlobalKeyInUseException;
import io.ashpg.migration.generate.MigrationGenerator;
import io.ashpg.migration.generate.PrimaryKeyChooser;
import io.ashpg.migration.generate.RepoSnapshots;
import io.ashpg.migration.generate.SnapshotBuilder;
import io.ashpg.migration.introspect.CatalogOracle;
import io.ashpg.migration.run.FailedRun;
import io.ashpg.migration.run.MigrationFailure;
import io.ashpg.migration.run.MigrationResult;
import io.ashpg.migration.run.Migrator;
import io.ashpg.migration.run.MigratorOptions;
import io.ashpg.migration.snapshot.TableSnapshot;
import io.ashpg.resource.Domain;
import io.ashpg.testing.TestDatabase;
import io.ashpg.testing.WithPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A key (or the table) of a global table going away under tenant foreign keys, on PostgreSQL with two tenant schemas
 * ({@link ResourceCases#globalKeysUnderTenantReferences()}). First why the generator refuses: the public migration it
 * would write fails with 2BP01 while a tenant schema holds the foreign keys, and applies once they are gone. Then
 * the way out its error describes: the references removed in one generation, migrated everywhere, and the change
 * made in the next; up step by step, down step by step and up again, each state checked with the catalog oracle in
 * both tenant schemas — and the public migration refused again when both generations reach a database at once.
 */
@WithPostgres
class GlobalKeyUnderTenantReferencesTest {

  private static final List<String> TENANTS = List.of("tenant_a", "tenant_b");
  private static final String REPO = "plain_repo";

  private final TestDatabase db;

  @TempDir
  Path root;

  GlobalKeyUnderTenantReferencesTest(TestDatabase db) {
    this.db = db;
  }

  static Stream<ResourceCases.Case> cases() {
    return ResourceCases.globalKeysUnderTenantReferences().stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void thePublicMigrationFailsWhileTenantSchemasHoldTheForeignKeys(ResourceCases.Case c)
      throws IOException, SQLException {
    Path project = root.resolve("project");
    MigrationGenerator generator = ResourceCases.generator();
    ResourceCases.Step first = c.steps().get(0);
    ResourceCases.Step change = c.steps().get(2);
    assertThat(first.generate(project, generator).written()).isTrue();
    try (Connection conn = db.connect()) {
      GoldenRoundTripTest.reset(conn);
      succeeded(publicMigrator(project).migrate());
      TENANTS.forEach(t -> succeeded(tenantMigrator(project, t).migrate()));

      assertThatThrownBy(() -> change.generate(project, generator)).isInstanceOf(GlobalKeyInUseException.class);
      // the public migration the generator would write without the check: the same diff of the global tables,
      // generated in a copy of the project that has no tenant snapshots
      Path blind = root.resolve("blind");
      copy(project, blind);
      delete(blind.resolve("src/main/ashpg/resource_snapshots/" + REPO + "/tenants"));
      Map<String, String> before = GoldenFiles.read(migrations(blind));
      assertThat(change.generate(blind, generator).written()).isTrue();
      Map<String, String> added = new TreeMap<>(GoldenFiles.read(migrations(blind)));
      added.keySet().removeAll(before.keySet());
      assertThat(added).as("public migration of the change").isNotEmpty();
      for (Map.Entry<String, String> f : added.entrySet()) {
        Files.writeString(migrations(project).resolve(f.getKey()), f.getValue());
      }

      MigrationResult refused = FailedRun.of(() -> publicMigrator(project).migrate());
      assertThat(refused.failures()).singleElement().satisfies(f -> {
        assertThat(f.sqlState()).as(f.describe()).isEqualTo("2BP01");
        assertThat(f.statement()).contains("DROP");
      });
      // the failed migration was rolled back: public is as before
      verify(conn, c, 0, "after the refused public migration");

      // once no tenant schema holds the foreign keys, the same migration applies
      TENANTS.forEach(t -> succeeded(Migrator.create(db.dataSource(), tenantMigrator(project, t).options()
          .toBuilder().all().build()).rollback()));
      succeeded(publicMigrator(project).migrate());
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void theWayOutMigratesUpDownAndUpInEveryTenant(ResourceCases.Case c) throws SQLException {
    Path project = root.resolve("project");
    List<Map<String, String>> filesAfterStep = ResourceGoldenTest.generateSteps(c, project);
    int last = c.steps().size() - 1;
    try (Connection conn = db.connect()) {
      GoldenRoundTripTest.reset(conn);
      for (int step = 0; step <= last; step++) {
        migrateUpTo(project, newestVersion(filesAfterStep.get(step)));
        verify(conn, c, step, "after migrating step " + (step + 1));
      }
      for (int step = last; step > 0; step--) {
        // tenants first, then public: the order a rollback runs in
        for (String tenant : TENANTS) {
          OptionalLong first = firstVersion(filesAfterStep, step, REPO + "/tenant_migrations");
          if (first.isPresent()) {
            succeeded(tenantMigrator(project, tenant).rollback(first.getAsLong()));
          }
        }
        OptionalLong first = firstVersion(filesAfterStep, step, REPO + "/migrations");
        if (first.isPresent()) {
          succeeded(publicMigrator(project).rollback(first.getAsLong()));
        }
        verify(conn, c, step - 1, "after rolling back step " + (step + 1));
      }
      // both generations reaching a database at once: public runs first, while the tenants still hold the keys
      MigrationResult atOnce = FailedRun.of(() -> publicMigrator(project).migrate());
      assertThat(atOnce.failures()).singleElement()
          .satisfies(f -> assertThat(f.sqlState()).as(f.describe()).isEqualTo("2BP01"));
      verify(conn, c, 0, "after the public migration ran ahead of the tenants");
      for (int step = 1; step <= last; step++) {
        migrateUpTo(project, newestVersion(filesAfterStep.get(step)));
        verify(conn, c, step, "after migrating step " + (step + 1) + " again");
      }
    }
  }

  /** Public, then every tenant, up to and including {@code version}: one generation reaching every schema. */
  private void migrateUpTo(Path project, long version) {
    succeeded(Migrator.create(db.dataSource(), publicMigrator(project).options().toBuilder().to(version).build())
        .migrate());
    for (String tenant : TENANTS) {
      succeeded(Migrator.create(db.dataSource(), tenantMigrator(project, tenant).options().toBuilder().to(version)
          .build()).migrate());
    }
  }

  private Migrator publicMigrator(Path project) {
    return Migrator.create(db.dataSource(), MigratorOptions.builder().repoName(REPO).all().quiet(true)
        .location(migrations(project).toString()).build());
  }

  private Migrator tenantMigrator(Path project, String tenant) {
    return Migrator.create(db.dataSource(), MigratorOptions.builder().repoName(REPO).all().quiet(true)
        .prefix(tenant).location(project.resolve("src/main/resources/db/" + REPO + "/tenant_migrations").toString())
        .build());
  }

  private static Path migrations(Path project) {
    return project.resolve("src/main/resources/db/" + REPO + "/migrations");
  }

  private static long newestVersion(Map<String, String> files) {
    return files.keySet().stream().filter(f -> f.endsWith(".sql")).map(f -> f.substring(f.lastIndexOf('/') + 1))
        .mapToLong(f -> Long.parseLong(f.substring(0, f.indexOf('_')))).max().orElseThrow();
  }

  /** The oldest version step {@code step} added to {@code folder}, if it added any. */
  private static OptionalLong firstVersion(List<Map<String, String>> filesAfterStep, int step, String folder) {
    return filesAfterStep.get(step).keySet().stream()
        .filter(f -> !filesAfterStep.get(step - 1).containsKey(f))
        .filter(f -> f.startsWith(folder + "/") && f.endsWith(".sql"))
        .map(f -> f.substring(folder.length() + 1))
        .mapToLong(f -> Long.parseLong(f.substring(0, f.indexOf('_')))).min();
  }

  /** Public and each tenant schema hold exactly the tables of step {@code step}'s resources. */
  private static void verify(Connection conn, ResourceCases.Case c, int step, String when) throws SQLException {
    List<TableSnapshot> declared = new ArrayList<>();
    for (RepoSnapshots repo : new SnapshotBuilder(PrimaryKeyChooser.none())
        .build(Domain.of(c.steps().get(step).resources()))) {
      declared.addAll(repo.tables());
    }
    for (String tenant : TENANTS) {
      CatalogOracle oracle = CatalogOracle.on(conn).tenantSchema(tenant);
      for (String other : TENANTS) {
        if (!other.equals(tenant)) {
          for (TableSnapshot t : declared) {
            if (t.isTenant()) {
              oracle = oracle.ignoringTable(other, t.table());
            }
          }
        }
      }
      oracle.assertMatches(when + " (" + c + ", checked in " + tenant + ")", declared);
    }
  }

  private static void succeeded(MigrationResult result) {
    assertThat(result.failures()).as("migration failures").extracting(MigrationFailure::describe).isEmpty();
  }

  private static void copy(Path from, Path to) throws IOException {
    try (Stream<Path> walk = Files.walk(from)) {
      for (Path p : walk.toList()) {
        Path target = to.resolve(from.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(target);
        } else {
          Files.copy(p, target);
        }
      }
    }
  }

  private static void delete(Path dir) throws IOException {
    try (Stream<Path> walk = Files.walk(dir)) {
      for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }
}
