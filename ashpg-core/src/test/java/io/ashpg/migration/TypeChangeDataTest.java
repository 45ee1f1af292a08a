package io.ashpg.migration;

import static org.assertj.core.api.Assertions.assertThat;

import io.ashpg.migration.diff.RenameDecider;
import io.ashpg.migration.generate.GeneratorOptions;
import io.ashpg.migration.generate.MigrationGenerator;
import io.ashpg.migration.generate.PrimaryKeyChooser;
import io.ashpg.migration.generate.RepoSnapshots;
import io.ashpg.migration.generate.SnapshotBuilder;
import io.ashpg.migration.introspect.CatalogOracle;
import io.ashpg.migration.run.FailedRun;
import io.ashpg.migration.run.MigrationFailure;
import io.ashpg.migration.run.MigrationResult;
import io.ashpg.migration.run.Migrator;
import io.ashpg.migration.snapshot.TableSnapshot;
import io.ashpg.resource.Domain;
import io.ashpg.resource.Resource;
import io.ashpg.resource.Type;
import io.ashpg.testing.TestDatabase;
import io.ashpg.testing.WithPostgres;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A type change on a table holding values: one that does not convert fails the migration with PostgreSQL's message,
 * the file, table and column, and rolls it back whole; a stated conversion (convertType) converts them, and its
 * reverse brings them back in down.
 */
@WithPostgres
class TypeChangeDataTest {

  private final TestDatabase db;

  @TempDir
  Path project;

  TypeChangeDataTest(TestDatabase db) {
    this.db = db;
  }

  private static Resource items(Type qty, Consumer<io.ashpg.resource.PostgresBuilder> pg) {
    return ResourceCases.res("item", "items", r -> r.uuidPrimaryKey("id").attribute("name", Type.STRING)
        .attribute("qty", qty).postgres(pg));
  }

  private final MigrationGenerator generator = ResourceCases.generator();

  private void generate(Resource... resources) {
    assertThat(generator.generate(Domain.of(List.of(resources)), GeneratorOptions.defaults(project).withQuiet(true),
        RenameDecider.strict(), PrimaryKeyChooser.none()).written()).isTrue();
  }

  private Migrator migrator() throws IOException {
    List<ResourceRoundTripTest.Run> runs = ResourceRoundTripTest.runs(db.dataSource(),
        project.resolve("src/main/resources/db"), "tenant_a");
    assertThat(runs).hasSize(1);
    return runs.get(0).migrator();
  }

  private static List<TableSnapshot> tables(Resource... resources) {
    List<TableSnapshot> out = new ArrayList<>();
    for (RepoSnapshots r : new SnapshotBuilder().build(Domain.of(List.of(resources)))) {
      out.addAll(r.tables());
    }
    return out;
  }

  @Test
  void aValueThatDoesNotConvertFailsTheMigrationAndRollsItBack() throws IOException, SQLException {
    Resource before = items(Type.STRING, pg -> { });
    generate(before);
    try (Connection conn = db.connect()) {
      GoldenRoundTripTest.reset(conn);
      ResourceRoundTripTest.succeeded(migrator().migrate());
      GoldenRoundTripTest.exec(conn, "INSERT INTO items (name, qty) VALUES ('a', '12'), ('b', 'twelve')");

      // the name changes too, in a statement before the failing one: rolled back with it
      Resource after = ResourceCases.res("item", "items", r -> r.uuidPrimaryKey("id").attribute("name", Type.STRING,
          a -> a.defaultValue("x")).attribute("qty", Type.INTEGER));
      generate(after);
      MigrationResult result = FailedRun.of(() -> migrator().migrate());
      assertThat(result.failures()).hasSize(1);
      MigrationFailure f = result.failures().get(0);
      assertThat(f.file()).endsWith("_migrate_resources_2.sql"); // the fixed clock's name for the second generation
      assertThat(f.sqlState()).isEqualTo("22P02");
      assertThat(f.message()).contains("invalid input syntax for type bigint: \"twelve\"",
          "converting column \"qty\" of table \"items\" to bigint failed on a value already in the table",
          "convertType", "the migration was rolled back");
      assertThat(f.describe()).contains("items", "qty", f.file());

      CatalogOracle.on(conn).assertMatches("after the failed migration", tables(before));
      assertThat(values(conn)).containsExactly("a=12", "b=twelve");
    }
  }

  @Test
  void aStatedConversionConvertsTheRowsThereAndBack() throws IOException, SQLException {
    Resource before = items(Type.STRING, pg -> { });
    generate(before);
    try (Connection conn = db.connect()) {
      GoldenRoundTripTest.reset(conn);
      Migrator migrator = migrator();
      ResourceRoundTripTest.succeeded(migrator.migrate());
      GoldenRoundTripTest.exec(conn, "INSERT INTO items (name, qty) VALUES ('a', ' 12 '), ('b', ''), ('c', NULL)");

      Resource after = items(Type.INTEGER, pg -> pg.convertType("qty", "text",
          "NULLIF(trim(\"qty\"), '')::bigint", "coalesce(\"qty\"::text, '')"));
      generate(after);
      Map.Entry<String, String> file = GoldenFiles.read(project).entrySet().stream()
          .filter(e -> e.getKey().endsWith("_migrate_resources_2.sql")).findFirst().orElseThrow();
      String migration = file.getValue();
      String name = Path.of(file.getKey()).getFileName().toString();
      long version = Long.parseLong(name.substring(0, name.indexOf('_')));
      assertThat(migration).contains("ALTER TABLE \"items\" ALTER COLUMN \"qty\" TYPE bigint"
          + " USING NULLIF(trim(\"qty\"), '')::bigint;", "ALTER TABLE \"items\" ALTER COLUMN \"qty\" TYPE text"
          + " USING coalesce(\"qty\"::text, '');");

      migrator = migrator();
      ResourceRoundTripTest.succeeded(migrator.migrate());
      CatalogOracle.on(conn).assertMatches("after up", tables(after));
      assertThat(values(conn)).containsExactly("a=12", "b=null", "c=null");

      ResourceRoundTripTest.succeeded(migrator.rollback(version));
      CatalogOracle.on(conn).assertMatches("after down", tables(before));
      assertThat(values(conn)).containsExactly("a=12", "b=", "c=");

      // the stated conversion is for a change from text only: generating again changes nothing
      assertThat(generator.generate(Domain.of(List.of(after)), GeneratorOptions.defaults(project).withQuiet(true),
          RenameDecider.strict(), PrimaryKeyChooser.none()).written()).isFalse();
    }
  }

  private static List<String> values(Connection conn) throws SQLException {
    List<String> out = new ArrayList<>();
    try (Statement s = conn.createStatement();
         ResultSet rs = s.executeQuery("SELECT name, qty::text FROM items ORDER BY name")) {
      while (rs.next()) {
        out.add(rs.getString(1) + "=" + rs.getString(2));
      }
    }
    return out;
  }
}
