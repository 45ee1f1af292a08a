package io.ashpg.migration;

import static org.assertj.core.api.Assertions.assertThat;

import io.ashpg.migration.diff.IndexDefinitions;
import io.ashpg.migration.generate.GenerationResult;
import io.ashpg.migration.generate.MigrationGenerator;
import io.ashpg.migration.generate.PrimaryKeyChooser;
import io.ashpg.migration.generate.RepoSnapshots;
import io.ashpg.migration.generate.SnapshotBuilder;
import io.ashpg.migration.run.MigrationResult;
import io.ashpg.migration.run.Migrator;
import io.ashpg.migration.run.MigratorOptions;
import io.ashpg.migration.snapshot.AttributeSnapshot;
import io.ashpg.migration.snapshot.TableSnapshot;
import io.ashpg.resource.Domain;
import io.ashpg.testing.TestDatabase;
import io.ashpg.testing.WithPostgres;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A primary key moving to a new column under foreign keys from other tables, from the table itself and between
 * tenant tables ({@link ResourceCases#primaryKeyMovedUnderForeignKeys()}): migrating up, one step down and up again
 * leaves every foreign key pointing at the columns its declaration names at that step.
 */
@WithPostgres
class PrimaryKeyMoveTest {

  private static final String TENANT = "tenant_a";

  private final TestDatabase db;

  @TempDir
  Path project;

  PrimaryKeyMoveTest(TestDatabase db) {
    this.db = db;
  }

  @Test
  void foreignKeysFollowTheDeclarationUpDownAndUp() throws SQLException {
    ResourceCases.Case c = ResourceCases.primaryKeyMovedUnderForeignKeys();
    ResourceCases.Step first = c.steps().get(0);
    ResourceCases.Step second = c.steps().get(1);
    MigrationGenerator generator = ResourceCases.generator();
    Path root = project.resolve("src/main/resources/db/plain_repo");
    Migrator global = Migrator.create(db.dataSource(), MigratorOptions.builder().repoName("plain_repo").all()
        .quiet(true).location(root.resolve("migrations").toString()).build());
    Migrator tenant = Migrator.create(db.dataSource(), MigratorOptions.builder().repoName("plain_repo").all()
        .quiet(true).prefix(TENANT).location(root.resolve("tenant_migrations").toString()).build());
    try (Connection conn = db.connect()) {
      GoldenRoundTripTest.reset(conn);
      assertThat(first.generate(project, generator).written()).isTrue();
      succeeded(global.migrate());
      succeeded(tenant.migrate());
      Map<String, String> before = foreignKeys(conn);
      assertThat(before).isEqualTo(declared(first));

      GenerationResult moved = second.generate(project, generator);
      assertThat(moved.written()).isTrue();
      succeeded(global.migrate());
      succeeded(tenant.migrate());
      assertThat(foreignKeys(conn)).isEqualTo(declared(second)).isNotEqualTo(before);

      Migrator oneStepGlobal = Migrator.create(db.dataSource(), global.options().toBuilder().step(1).build());
      Migrator oneStepTenant = Migrator.create(db.dataSource(), tenant.options().toBuilder().step(1).build());
      succeeded(oneStepTenant.rollback());
      succeeded(oneStepGlobal.rollback());
      assertThat(foreignKeys(conn)).isEqualTo(before);

      succeeded(global.migrate());
      succeeded(tenant.migrate());
      assertThat(foreignKeys(conn)).isEqualTo(declared(second));
    }
  }

  private static void succeeded(MigrationResult result) {
    assertThat(result.failures()).as("migration failures").isEmpty();
  }

  /** {@code schema.table.constraint → referenced_table(columns)} as the resources of {@code step} declare them. */
  private static Map<String, String> declared(ResourceCases.Step step) {
    Map<String, String> out = new TreeMap<>();
    for (RepoSnapshots repo : new SnapshotBuilder(PrimaryKeyChooser.none()).build(Domain.of(step.resources()))) {
      for (TableSnapshot t : repo.tables()) {
        String schema = t.isTenant() ? TENANT : t.schema() == null ? "public" : t.schema();
        for (AttributeSnapshot a : t.attributes()) {
          if (a.references() != null) {
            out.put(schema + "." + t.table() + "." + a.references().name(), a.references().table() + "("
                + String.join(",", IndexDefinitions.fkDestinationColumns(a.references())) + ")");
          }
        }
      }
    }
    return out;
  }

  /** The same, read from pg_catalog. */
  private static Map<String, String> foreignKeys(Connection conn) throws SQLException {
    Map<String, String> out = new TreeMap<>();
    try (PreparedStatement ps = conn.prepareStatement("SELECT n.nspname || '.' || t.relname || '.' || c.conname,"
        + " r.relname || '(' || (SELECT string_agg(a.attname, ',' ORDER BY k.ord) FROM unnest(c.confkey)"
        + " WITH ORDINALITY AS k(attnum, ord) JOIN pg_attribute a ON a.attrelid = c.confrelid"
        + " AND a.attnum = k.attnum) || ')'"
        + " FROM pg_constraint c JOIN pg_class t ON t.oid = c.conrelid JOIN pg_namespace n ON n.oid = t.relnamespace"
        + " JOIN pg_class r ON r.oid = c.confrelid WHERE c.contype = 'f'");
         ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        out.put(rs.getString(1), rs.getString(2));
      }
    }
    return out;
  }
}
