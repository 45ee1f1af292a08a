package io.ashpg.migration;

import static org.assertj.core.api.Assertions.assertThat;

import io.ashpg.migration.generate.PrimaryKeyChooser;
import io.ashpg.migration.generate.RepoSnapshots;
import io.ashpg.migration.generate.SnapshotBuilder;
import io.ashpg.migration.introspect.CatalogOracle;
import io.ashpg.migration.run.MigrationResult;
import io.ashpg.migration.run.Migrator;
import io.ashpg.migration.run.MigratorOptions;
import io.ashpg.migration.snapshot.TableKey;
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
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every resource-level golden case on real PostgreSQL: generate all steps, apply the generated folders with the real
 * {@link Migrator} (tenant migrations with a tenant schema as prefix) and check the schema against the resources'
 * final snapshots with the catalog oracle; roll back step by step, checking each intermediate state against that
 * step's resources, down to an empty database; migrate up again and check again.
 */
@WithPostgres
class ResourceRoundTripTest {

  private static final String TENANT = "tenant_a";

  private final TestDatabase db;

  @TempDir
  Path project;

  ResourceRoundTripTest(TestDatabase db) {
    this.db = db;
  }

  static Stream<ResourceCases.Case> cases() {
    return ResourceCases.all().stream();
  }

  /** A migrator and its folder below the migrations root ({@code <repo>/migrations}). */
  record Run(Migrator migrator, String folder) {
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void upDownUp(ResourceCases.Case c) throws IOException, SQLException {
    List<Map<String, String>> filesAfterStep = ResourceGoldenTest.generateSteps(c, project);
    List<Run> runs = runs(db.dataSource(), project.resolve("src/main/resources/db"), TENANT);
    int last = c.steps().size() - 1;
    try (Connection conn = db.connect()) {
      GoldenRoundTripTest.reset(conn);

      runs.forEach(r -> succeeded(r.migrator().migrate()));
      verify(conn, c, last, "after migrating");

      List<Run> newestFirst = new ArrayList<>(runs);
      Collections.reverse(newestFirst);
      for (int step = last; step >= 0; step--) {
        for (Run r : newestFirst) {
          OptionalLong first = firstVersion(filesAfterStep, step, r.folder());
          if (first.isPresent()) {
            succeeded(r.migrator().rollback(first.getAsLong()));
          }
        }
        if (step > 0) {
          verify(conn, c, step - 1, "after rolling back step " + (step + 1));
        }
      }
      CatalogOracle.on(conn).assertMatches("after rolling everything back", List.of());

      runs.forEach(r -> succeeded(r.migrator().migrate()));
      verify(conn, c, last, "after migrating again");
    }
  }

  /** The oldest version that step {@code step} added to {@code folder}, if it added any. */
  static OptionalLong firstVersion(List<Map<String, String>> filesAfterStep, int step, String folder) {
    TreeSet<String> added = new TreeSet<>(filesAfterStep.get(step).keySet());
    if (step > 0) {
      added.removeAll(filesAfterStep.get(step - 1).keySet());
    }
    return added.stream().filter(f -> f.startsWith(folder + "/")).map(f -> f.substring(folder.length() + 1))
        .filter(f -> f.endsWith(".sql"))
        .mapToLong(f -> Long.parseLong(f.substring(0, f.indexOf('_')))).min();
  }

  /** Public migrations of every repo below {@code root} first, then its tenant migrations in schema {@code tenant}. */
  static List<Run> runs(javax.sql.DataSource dataSource, Path root, String tenant) throws IOException {
    List<Run> out = new ArrayList<>();
    try (Stream<Path> repos = Files.list(root)) {
      for (Path repo : repos.sorted().toList()) {
        String name = repo.getFileName().toString();
        if (Files.isDirectory(repo.resolve("migrations"))) {
          out.add(new Run(Migrator.create(dataSource, MigratorOptions.builder().repoName(name).all().quiet(true)
              .location(repo.resolve("migrations").toString()).build()), name + "/migrations"));
        }
        if (Files.isDirectory(repo.resolve("tenant_migrations"))) {
          out.add(new Run(Migrator.create(dataSource, MigratorOptions.builder().repoName(name).all().quiet(true)
              .prefix(tenant).location(repo.resolve("tenant_migrations").toString()).build()),
              name + "/tenant_migrations"));
        }
      }
    }
    return out;
  }

  static void succeeded(MigrationResult result) {
    assertThat(result.failures()).as("migration failures").isEmpty();
    assertThat(result.succeeded()).isTrue();
  }

  private static void verify(Connection conn, ResourceCases.Case c, int step, String when) throws SQLException {
    verify(conn, c, step, when, TENANT);
  }

  /**
   * The database holds exactly the tables of step {@code step}'s resources (unmanaged ones exist untouched), the
   * tenant tables in schema {@code tenant}.
   */
  static void verify(Connection conn, ResourceCases.Case c, int step, String when, String tenant)
      throws SQLException {
    ResourceCases.Step s = c.steps().get(step);
    List<RepoSnapshots> repos = new SnapshotBuilder(PrimaryKeyChooser.fromHints(s.primaryKeys()))
        .build(Domain.of(s.resources()));
    CatalogOracle oracle = CatalogOracle.on(conn).tenantSchema(tenant);
    for (ResourceCases.CustomObject o : c.customObjects()) {
      oracle = oracle.ignoringObject(o.schema(), o.table(), o.name());
    }
    List<TableSnapshot> declared = new ArrayList<>();
    List<String> extensions = new ArrayList<>();
    for (RepoSnapshots repo : repos) {
      declared.addAll(repo.tables());
      if (repo.extensions() != null) {
        extensions.addAll(repo.extensions());
      }
      for (TableKey k : repo.unmanagedTables()) {
        oracle = oracle.ignoringTable(k.schema() == null ? "public" : k.schema(), k.table());
      }
    }
    oracle.extensions(extensions).assertMatches(when + " (" + c + ", step " + (step + 1) + ")", declared);
  }
}
