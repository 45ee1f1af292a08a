package io.ashpg.migration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ashpg.migration.diff.RenameDecider;
import io.ashpg.migration.generate.GenerationResult;
import io.ashpg.migration.generate.GeneratorOptions;
import io.ashpg.migration.generate.MigrationGenerator;
import io.ashpg.migration.generate.PrimaryKeyChooser;
import io.ashpg.migration.generate.RepoSnapshots;
import io.ashpg.migration.generate.SnapshotBuilder;
import io.ashpg.migration.introspect.CatalogOracle;
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
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Foreign keys over a retyped column: one whose referenced column alone changes type is dropped before and added
 * again after, in up and in down, with rows in both tables; one whose two columns would end up with types PostgreSQL
 * cannot compare is refused at generate time, before anything is written.
 */
@WithPostgres
class TypeChangeForeignKeysTest {

  private final TestDatabase db;

  @TempDir
  Path project;

  TypeChangeForeignKeysTest(TestDatabase db) {
    this.db = db;
  }

  private final MigrationGenerator generator = ResourceCases.generator();

  private GenerationResult generate(List<Resource> resources) {
    return generator.generate(Domain.of(resources), GeneratorOptions.defaults(project).withQuiet(true),
        RenameDecider.strict(), PrimaryKeyChooser.none());
  }

  private static Resource owner(String idType) {
    return ResourceCases.res("owner", "owners", r -> r.attribute("id", Type.INTEGER,
        a -> a.primaryKey(true).allowNil(false)).postgres(pg -> {
          if (idType != null) {
            pg.migrationType("id", idType);
          }
        }));
  }

  private static Resource item(String ownerIdType) {
    return ResourceCases.res("item", "items", r -> r.uuidPrimaryKey("id")
        .belongsTo("owner", "owner", b -> b.attributeType(Type.INTEGER))
        .postgres(pg -> pg.migrationType("owner_id", ownerIdType)));
  }

  private static List<TableSnapshot> tables(List<Resource> resources) {
    List<TableSnapshot> out = new ArrayList<>();
    for (RepoSnapshots r : new SnapshotBuilder().build(Domain.of(resources))) {
      out.addAll(r.tables());
    }
    return out;
  }

  @Test
  void aKeyOntoARetypedColumnIsDroppedAndAddedAgain() throws IOException, SQLException {
    List<Resource> before = List.of(owner("integer"), item("integer"));
    // owners.id becomes bigint; items.owner_id stays integer, which PostgreSQL compares with bigint
    List<Resource> after = List.of(owner(null), item("integer"));
    generate(before);
    try (Connection conn = db.connect()) {
      GoldenRoundTripTest.reset(conn);
      Migrator migrator = ResourceRoundTripTest.runs(db.dataSource(), project.resolve("src/main/resources/db"),
          "tenant_a").get(0).migrator();
      ResourceRoundTripTest.succeeded(migrator.migrate());
      GoldenRoundTripTest.exec(conn, "INSERT INTO owners (id) VALUES (1), (2)");
      GoldenRoundTripTest.exec(conn, "INSERT INTO items (owner_id) VALUES (1), (2), (NULL)");

      generate(after);
      Map.Entry<String, String> file = GoldenFiles.read(project).entrySet().stream()
          .filter(e -> e.getKey().endsWith("_migrate_resources_2.sql")).findFirst().orElseThrow();
      String[] parts = file.getValue().split("-- ashpg:down");
      for (String part : parts) {
        int drop = part.indexOf("ALTER TABLE \"items\" DROP CONSTRAINT \"items_owner_id_fkey\"");
        int retype = part.indexOf("ALTER TABLE \"owners\" ALTER COLUMN \"id\" TYPE");
        int add = part.indexOf("ALTER TABLE \"items\" ADD CONSTRAINT \"items_owner_id_fkey\"");
        assertThat(drop).as("drop before the type change in\n%s", part).isNotNegative().isLessThan(retype);
        assertThat(add).as("add after the type change in\n%s", part).isGreaterThan(retype);
      }
      String name = Path.of(file.getKey()).getFileName().toString();
      long version = Long.parseLong(name.substring(0, name.indexOf('_')));

      ResourceRoundTripTest.succeeded(migrator.migrate());
      CatalogOracle.on(conn).assertMatches("after up", tables(after));
      ResourceRoundTripTest.succeeded(migrator.rollback(version));
      CatalogOracle.on(conn).assertMatches("after down", tables(before));
      ResourceRoundTripTest.succeeded(migrator.migrate());
      CatalogOracle.on(conn).assertMatches("after up again", tables(after));
      assertThatThrownBy(() -> GoldenRoundTripTest.exec(conn, "INSERT INTO items (owner_id) VALUES (3)"))
          .as("the key is enforced again").hasMessageContaining("items_owner_id_fkey");
    }
  }

  @Test
  void aKeyWhoseTypesNoLongerMatchIsRefused() {
    generate(List.of(owner("integer"), item("integer")));
    Map<String, String> files = GoldenFiles.read(project);
    assertThatThrownBy(() -> generate(List.of(owner("text"), item("integer"))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("foreign key items_owner_id_fkey joins column \"owner_id\" of table public.items"
            + " (integer) to column \"id\" of table public.owners (text)")
        .hasMessageContaining("no longer match");
    assertThat(GoldenFiles.read(project)).isEqualTo(files);
  }

  @Test
  void aTenantKeyOntoARetypedGlobalColumnIsRefusedWhenThePublicMigrationWouldBreakIt() {
    java.util.function.Function<String, Resource> org = type -> ResourceCases.res("org", "orgs", r -> r
        .attribute("id", Type.INTEGER, a -> a.primaryKey(true).allowNil(false))
        .postgres(pg -> pg.migrationType("id", type)));
    java.util.function.Function<String, Resource> invoice = type -> ResourceCases.res("invoice", "invoices", r -> r
        .multitenancy(m -> m.strategy(io.ashpg.resource.Multitenancy.Strategy.CONTEXT))
        .uuidPrimaryKey("id").belongsTo("org", "org", b -> b.attributeType(Type.INTEGER))
        .postgres(pg -> pg.migrationType("org_id", type)));
    generate(List.of(org.apply("integer"), invoice.apply("integer")));
    Map<String, String> files = GoldenFiles.read(project);
    // both sides become text: they match in the end, but the public migration runs while the tenant column is integer
    assertThatThrownBy(() -> generate(List.of(org.apply("text"), invoice.apply("text"))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("column \"id\" of global table public.orgs changes type from integer to text, but"
            + " foreign key invoices_org_id_fkey of tenant table invoices references it from column \"org_id\""
            + " (integer)")
        .hasMessageContaining("two generations");
    assertThat(GoldenFiles.read(project)).isEqualTo(files);
    // integer to bigint compares with the tenant's integer column: generated
    assertThat(generate(List.of(org.apply("bigint"), invoice.apply("integer"))).written()).isTrue();
  }
}
