package io.ashpg.migration.generate;

import static io.ashpg.migration.Snap.REPO;
import static io.ashpg.migration.Snap.col;
import static io.ashpg.migration.Snap.table;
import static io.ashpg.migration.Snap.uuidPk;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ashpg.migration.GoldenCases;
import io.ashpg.migration.run.Db;
import io.ashpg.migration.run.MigrationException;
import io.ashpg.migration.run.MigrationTarget;
import io.ashpg.migration.snapshot.MultitenancySnapshot;
import io.ashpg.migration.snapshot.TableSnapshot;
import io.ashpg.testing.TestDatabase;
import io.ashpg.testing.WithPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The dev workflow (AshPostgres's {@code --dev}) on PostgreSQL: dev migrations applied in public and tenant schemas,
 * then squashed by a normal run that rolls the applied ones back first.
 */
@WithPostgres
class DevWorkflowTest {

  private static final List<String> TENANTS = List.of("dev_a", "dev_b");
  private static final MultitenancySnapshot CONTEXT = new MultitenancySnapshot("context", null, false);

  private final TestDatabase db;
  @TempDir
  Path project;
  private GeneratorOptions options;
  private MigrationGenerator generator;

  private final TableSnapshot authors = table("authors", uuidPk("id"), col("name", "text"));
  private final TableSnapshot oldNotes = table("old_notes", uuidPk("id"), col("body", "text"));
  private final TableSnapshot tasks = table("tasks", uuidPk("id"), col("code", "text")).withMultitenancy(CONTEXT);

  DevWorkflowTest(TestDatabase db) {
    this.db = db;
  }

  @BeforeEach
  void setUp() {
    // the tests share the class's database and the fixed clock's versions: each starts from an empty one
    Db.exec(db, "DROP SCHEMA public CASCADE; CREATE SCHEMA public; DROP SCHEMA IF EXISTS dev_a CASCADE;"
        + " DROP SCHEMA IF EXISTS dev_b CASCADE");
    options = GeneratorOptions.defaults(project).withQuiet(true);
    generator = new MigrationGenerator(GoldenCases.fixedClock())
        .withDevRollback(dev -> dev.rollBack(MigrationTarget.of(db.dataSource(), REPO).withTenants(c -> TENANTS)));
  }

  private static RepoSnapshots repo(List<String> extensions, TableSnapshot... tables) {
    return new RepoSnapshots(REPO, List.of(tables), extensions);
  }

  private void migrate() {
    GeneratedMigrations.migrate(db, options, REPO, TENANTS);
  }

  /** authors generated and migrated, then a dev step adding authors.bio, migrated too; returns that state. */
  private TableSnapshot oneDevStepApplied(MigrationGenerator g) {
    g.generate(List.of(repo(null, authors)), options);
    migrate();
    TableSnapshot changed = authors.withAttribute(col("bio", "text"));
    g.generate(List.of(repo(null, changed)), options.withDev(true));
    migrate();
    return changed;
  }

  private List<String> files() throws IOException {
    try (Stream<Path> walk = Files.walk(project)) {
      return walk.filter(Files::isRegularFile).map(p -> project.relativize(p).toString().replace('\\', '/'))
          .sorted().toList();
    }
  }

  private boolean columnExists(String schema, String table, String column) {
    return Db.count(db, "SELECT count(*) FROM information_schema.columns WHERE table_schema = '" + schema
        + "' AND table_name = '" + table + "' AND column_name = '" + column + "'") == 1;
  }

  private List<Long> devVersions(List<String> files) {
    return files.stream().filter(f -> f.endsWith("_dev.sql"))
        .map(f -> Long.parseLong(f.substring(f.lastIndexOf('/') + 1, f.lastIndexOf('/') + 15))).toList();
  }

  @Test
  void devMigrationsStackAndTheNextNormalRunRollsThemBackAndSquashesThem() throws IOException {
    generator.generate(List.of(repo(List.of("citext"), authors, oldNotes, tasks)), options);
    migrate();
    List<Long> basePublic = Db.versions(db, "public");
    List<String> base = files();

    // dev 1: a column on each side, and an extension
    TableSnapshot authors1 = authors.withAttribute(col("bio", "text"));
    TableSnapshot tasks1 = tasks.withAttribute(col("note", "text"));
    GenerationResult dev1 = generator.generate(List.of(repo(List.of("citext", "pg_trgm"), authors1, oldNotes, tasks1)),
        options.withDev(true));
    assertThat(dev1.files()).extracting(f -> f.path().getFileName().toString())
        .allSatisfy(n -> assertThat(n).matches("\\d{14}_(migrate_resources_\\d(_extensions)?_dev\\.sql|dev\\.json)|"
            + "extensions_dev\\.json"));
    assertThat(files()).contains("src/main/ashpg/resource_snapshots/test_repo/extensions.json",
        "src/main/ashpg/resource_snapshots/test_repo/extensions_dev.json");
    migrate();
    assertThat(columnExists("public", "authors", "bio")).isTrue();
    TENANTS.forEach(t -> assertThat(columnExists(t, "tasks", "note")).as(t).isTrue());

    // dev 2 stacks on dev 1: another column, and a table dropped
    TableSnapshot authors2 = authors1.withAttribute(col("age", "bigint"));
    GenerationResult dev2 = generator.generate(List.of(repo(List.of("citext", "pg_trgm"), authors2, tasks1)),
        options.withDev(true).withRenames(List.of("old_notes:-")));
    assertThat(dev2.migrations()).singleElement().satisfies(f -> assertThat(f.content())
        .contains("ADD COLUMN \"age\" bigint").contains("DROP TABLE \"old_notes\"").doesNotContain("\"bio\""));
    assertThat(files()).anyMatch(f -> f.matches(".*/old_notes/\\d{14}_dev\\.dropped"))
        .anyMatch(f -> f.matches(".*/old_notes/\\d{14}\\.json"));
    migrate();
    assertThat(Db.tableExists(db, "public", "old_notes")).isFalse();

    // dev 3, never applied: a new table; the dropped one is not dropped again
    TableSnapshot drafts = table("drafts", uuidPk("id"));
    GenerationResult dev3 = generator.generate(List.of(repo(List.of("citext", "pg_trgm"), authors2, tasks1, drafts)),
        options.withDev(true));
    assertThat(dev3.migrations()).singleElement().satisfies(f -> assertThat(f.content())
        .contains("CREATE TABLE \"drafts\"").doesNotContain("old_notes"));
    List<String> withDev = files();
    List<Long> applied = Db.versions(db, "public");
    assertThat(applied).containsAll(devVersions(withDev).subList(0, 2)).hasSize(basePublic.size() + 3);

    // the normal run: roll back (tenants too), delete, squash; the drop is a question again, as the squash decides it
    GenerationResult squash = generator.generate(List.of(repo(List.of("citext", "pg_trgm"), authors2, tasks1, drafts)),
        options.withRenames(List.of("old_notes:-")));
    assertThat(squash.written()).isTrue();
    assertThat(squash.deletedDevFiles()).extracting(p -> project.relativize(p).toString().replace('\\', '/'))
        .containsExactlyInAnyOrderElementsOf(withDev.stream().filter(f -> !base.contains(f)).toList());
    List<String> after = files();
    assertThat(after).noneMatch(f -> f.contains("_dev"));
    assertThat(after).noneMatch(f -> f.contains("old_notes"));
    assertThat(Db.versions(db, "public")).isEqualTo(basePublic);
    TENANTS.forEach(t -> assertThat(Db.versions(db, t)).as(t).hasSize(1));
    assertThat(columnExists("public", "authors", "bio")).isFalse();
    assertThat(Db.tableExists(db, "public", "old_notes")).isTrue();
    TENANTS.forEach(t -> assertThat(columnExists(t, "tasks", "note")).as(t).isFalse());

    List<GeneratedFile> pub = squash.files().stream().filter(f -> f.kind() == GeneratedFile.Kind.MIGRATION).toList();
    // the squash takes the number the dev migrations had: the second run's number (the first run's extensions file
    // shares the first run's number)
    assertThat(pub).extracting(f -> f.path().getFileName().toString().substring(15))
        .containsExactly("migrate_resources_2_extensions.sql", "migrate_resources_2.sql");
    assertThat(pub.get(0).content()).contains("CREATE EXTENSION IF NOT EXISTS \"pg_trgm\"");
    assertThat(pub.get(1).content()).contains("ADD COLUMN \"bio\" text", "ADD COLUMN \"age\" bigint",
        "CREATE TABLE \"drafts\"", "DROP TABLE \"old_notes\"");
    assertThat(squash.files()).filteredOn(f -> f.kind() == GeneratedFile.Kind.TENANT_MIGRATION).singleElement()
        .satisfies(f -> assertThat(f.content()).contains("ADD COLUMN \"note\" text"));

    migrate();
    assertThat(columnExists("public", "authors", "age")).isTrue();
    assertThat(Db.tableExists(db, "public", "drafts")).isTrue();
    assertThat(Db.tableExists(db, "public", "old_notes")).isFalse();
    TENANTS.forEach(t -> assertThat(columnExists(t, "tasks", "note")).as(t).isTrue());
    assertThat(generator.generate(List.of(repo(List.of("citext", "pg_trgm"), authors2, tasks1, drafts)), options)
        .message()).isEqualTo(GenerationResult.NO_CHANGES);
  }

  @Test
  void aChangeUndoneDuringDevelopmentLeavesOnlyTheRollback() throws IOException {
    generator.generate(List.of(repo(null, authors)), options);
    migrate();
    List<String> base = files();
    List<Long> versions = Db.versions(db, "public");
    oneDevStepApplied(generator);

    GenerationResult r = generator.generate(List.of(repo(null, authors)), options);
    assertThat(r.noChanges()).isTrue();
    assertThat(r.deletedDevFiles()).hasSize(2);
    assertThat(files()).isEqualTo(base);
    assertThat(Db.versions(db, "public")).isEqualTo(versions);
    assertThat(columnExists("public", "authors", "bio")).isFalse();
  }

  @Test
  void aFailingRollbackDeletesAndWritesNothing() throws IOException {
    TableSnapshot changed = oneDevStepApplied(generator);
    // the down section of the dev migration can no longer run
    Db.exec(db, "ALTER TABLE public.authors DROP COLUMN bio");
    List<String> before = files();
    List<Long> versions = Db.versions(db, "public");

    assertThatThrownBy(() -> generator.generate(List.of(repo(null, changed)), options))
        .isInstanceOf(MigrationException.class).hasMessageContaining("migrate_resources_2_dev.sql")
        .hasMessageContaining("bio");
    assertThat(files()).isEqualTo(before);
    assertThat(Db.versions(db, "public")).isEqualTo(versions);
  }

  @Test
  void aMigrationNameEndingInDevIsRefused() throws IOException {
    assertThatThrownBy(() -> generator.generate(List.of(repo(null, authors)), options.withName("try_dev")))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'try_dev'")
        .hasMessageContaining("marks dev migrations");
    assertThat(Files.exists(project.resolve("src"))).isFalse();
  }

  @Test
  void withoutADevRollbackTheGeneratorRefusesToSquash() throws IOException {
    MigrationGenerator plain = new MigrationGenerator(GoldenCases.fixedClock());
    plain.generate(List.of(repo(null, authors)), options);
    TableSnapshot changed = authors.withAttribute(col("bio", "text"));
    plain.generate(List.of(repo(null, changed)), options.withDev(true));
    List<String> before = files();
    assertThatThrownBy(() -> plain.generate(List.of(repo(null, changed)), options))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("repo test_repo has dev migrations")
        .hasMessageContaining("DevRollback");
    assertThat(files()).isEqualTo(before);
  }

  @Test
  void checkAndDryRunNeverRollBackOrDelete() throws IOException {
    TableSnapshot changed = oneDevStepApplied(generator);
    List<String> before = files();
    List<Long> versions = Db.versions(db, "public");

    GenerationResult check = generator.generate(List.of(repo(null, changed)), options.withCheckMigrated(true));
    assertThat(check.written()).isFalse();
    assertThat(check.pending()).extracting(PendingChange::table).containsExactlyInAnyOrder("dev migrations",
        "authors");
    // dev files count as not generated: a check fails even when the resources went back to the committed state
    assertThat(generator.generate(List.of(repo(null, authors)), options.withCheckMigrated(true)).pending())
        .extracting(PendingChange::table).containsExactly("dev migrations");

    GenerationResult dry = generator.generate(List.of(repo(null, changed)), options.withDryRun(true));
    assertThat(dry.written()).isFalse();
    assertThat(dry.deletedDevFiles()).hasSize(2);
    assertThat(dry.migrations()).singleElement().satisfies(f -> assertThat(f.path().getFileName().toString())
        .endsWith("_migrate_resources_2.sql"));

    assertThat(files()).isEqualTo(before);
    assertThat(Db.versions(db, "public")).isEqualTo(versions);
    assertThat(columnExists("public", "authors", "bio")).isTrue();
  }
}
