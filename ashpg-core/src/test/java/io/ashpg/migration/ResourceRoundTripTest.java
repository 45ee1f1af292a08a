package io.ashpg.migration;

import static org.assertj.core.api.Assertions.assertThat;

import io.ashpg.migration.generate.RepoSnapshots;
import io.ashpg.migration.generate.SnapshotBuilder;
import io.ashpg.migration.run.MigrationResult;
import io.ashpg.migration.run.Migrator;
import io.ashpg.migration.run.MigratorOptions;
import io.ashpg.migration.snapshot.TableKey;
import io.ashpg.migration.snapshot.TableSnapshot;
import io.ashpg.resource.Domain;
import io.ashpg.testing.WithPostgres;
import io.ashpg.testing.TestDatabase;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every resource-level golden case on real PostgreSQL: generate all steps, apply the generated folders with the real
 * {@link Migrator} (tenant migrations with a tenant schema as prefix), compare pg_catalog with the resources' final
 * snapshots, roll everything back to an empty database, migrate up again and compare again.
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

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void upDownUp(ResourceCases.Case c) throws IOException, SQLException {
    ResourceGoldenTest.generate(c, project);
    List<RepoSnapshots> expected = new SnapshotBuilder(c.finalChooser()).build(Domain.of(c.finalResources()));
    List<Migrator> migrators = migrators(project.resolve("src/main/resources/db"));
    try (Connection conn = db.connect()) {
      GoldenRoundTripTest.reset(conn);
      TreeSet<String> empty = userTables(conn);

      migrators.forEach(m -> succeeded(m.migrate()));
      verify(conn, expected);

      for (int i = migrators.size() - 1; i >= 0; i--) {
        succeeded(migrators.get(i).rollback());
      }
      assertThat(userTables(conn)).as("tables after rolling back %s", c).isEqualTo(empty);

      migrators.forEach(m -> succeeded(m.migrate()));
      verify(conn, expected);
    }
  }

  /** Public migrations of every repo first, then its tenant migrations in schema {@value #TENANT}. */
  private List<Migrator> migrators(Path root) throws IOException {
    List<Migrator> out = new ArrayList<>();
    try (Stream<Path> repos = Files.list(root)) {
      for (Path repo : repos.sorted().toList()) {
        String name = repo.getFileName().toString();
        MigratorOptions.Builder options = MigratorOptions.builder().repoName(name).all().quiet(true);
        if (Files.isDirectory(repo.resolve("migrations"))) {
          out.add(Migrator.create(db.dataSource(), options.location(repo.resolve("migrations").toString()).build()));
        }
        if (Files.isDirectory(repo.resolve("tenant_migrations"))) {
          out.add(Migrator.create(db.dataSource(), MigratorOptions.builder().repoName(name).all().quiet(true)
              .prefix(TENANT).location(repo.resolve("tenant_migrations").toString()).build()));
        }
      }
    }
    return out;
  }

  private static void succeeded(MigrationResult result) {
    assertThat(result.failures()).as("migration failures").isEmpty();
    assertThat(result.succeeded()).isTrue();
  }

  /** Every table of the resources matches pg_catalog, and no other table exists. */
  private static void verify(Connection conn, List<RepoSnapshots> repos) throws SQLException {
    TreeSet<String> expectedTables = new TreeSet<>();
    for (RepoSnapshots repo : repos) {
      for (TableSnapshot t : repo.tables()) {
        String schema = t.isTenant() ? TENANT : t.schema() == null ? "public" : t.schema();
        SchemaInspector.assertMatches(conn, schema, t);
        expectedTables.add(schema + "." + t.table());
      }
      for (TableKey k : repo.unmanagedTables()) {
        expectedTables.add((k.schema() == null ? "public" : k.schema()) + "." + k.table());
      }
    }
    assertThat(userTables(conn)).isEqualTo(expectedTables);
  }

  private static TreeSet<String> userTables(Connection conn) throws SQLException {
    TreeSet<String> tables = SchemaInspector.tables(conn);
    tables.removeIf(t -> t.endsWith(".schema_migrations"));
    return tables;
  }
}
