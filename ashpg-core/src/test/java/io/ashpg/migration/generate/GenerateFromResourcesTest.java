package io.ashpg.migration.generate;

import static io.ashpg.fixtures.Fixtures.simple;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ashpg.fixtures.GenRepos;
import io.ashpg.fixtures.PlainRepo;
import io.ashpg.fixtures.Seed;
import io.ashpg.migration.GoldenCases;
import io.ashpg.migration.diff.HintRenameDecider;
import io.ashpg.migration.diff.NeverRename;
import io.ashpg.migration.diff.RenameDecider;
import io.ashpg.migration.snapshot.TableKey;
import io.ashpg.resource.AttributeDefault;
import io.ashpg.resource.DefinitionException;
import io.ashpg.resource.Domain;
import io.ashpg.resource.Multitenancy;
import io.ashpg.resource.Resource;
import io.ashpg.resource.Type;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link MigrationGenerator#generate(Domain, GeneratorOptions, io.ashpg.migration.diff.RenameDecider,
 * PrimaryKeyChooser)}: from resources to files, and bad input that must leave the disk untouched. */
class GenerateFromResourcesTest {

  @TempDir
  Path project;

  private GeneratorOptions options;
  private MigrationGenerator generator;

  @BeforeEach
  void setUp() {
    options = GeneratorOptions.defaults(project).withQuiet(true);
    generator = new MigrationGenerator(GoldenCases.fixedClock());
  }

  private GenerationResult generate(List<Resource> resources) {
    return generator.generate(Domain.of(resources), options, NeverRename.INSTANCE, PrimaryKeyChooser.none());
  }

  private List<String> files() throws IOException {
    try (Stream<Path> walk = Files.walk(project)) {
      return walk.filter(Files::isRegularFile).map(p -> project.relativize(p).toString().replace('\\', '/'))
          .sorted().toList();
    }
  }

  @Test
  void writesMigrationsAndSnapshotsThenFindsNoChanges() throws IOException {
    GenerationResult first = generate(Seed.blog());
    assertThat(first.written()).isTrue();
    assertThat(files()).contains("src/main/ashpg/resource_snapshots/plain_repo/post_reactions/20260102030406.json",
        "src/main/resources/db/plain_repo/migrations/20260102030405_migrate_resources_1.sql");
    List<String> before = files();
    GenerationResult again = generate(Seed.blog());
    assertThat(again.message()).isEqualTo(GenerationResult.NO_CHANGES);
    assertThat(files()).isEqualTo(before);
  }

  @Test
  void withRepoPathsTheFilesGoWhereTheRepoSaysTheMigratorReadsThem() throws IOException {
    Resource org = Resource.define("org", r -> r.postgres(pg -> pg.repo(GenRepos.PathsRepo.class).table("orgs"))
        .uuidPrimaryKey("id"));
    Resource note = Resource.define("note", r -> r.postgres(pg -> pg.repo(GenRepos.PathsRepo.class).table("notes"))
        .uuidPrimaryKey("id").attribute("org", Type.STRING).multitenancy(m -> m.strategy(Multitenancy.Strategy.CONTEXT)));
    Domain domain = Domain.of(List.of(org, note));
    Path resources = project.resolve("src/main/resources");

    GenerationResult r = generator.generate(domain, options.withRepoPaths(resources, domain.repos()),
        NeverRename.INSTANCE, PrimaryKeyChooser.none());

    assertThat(r.warnings()).isEmpty();
    assertThat(files()).anyMatch(f -> f.matches("src/main/resources/sql/main/\\d{14}_migrate_resources_1\\.sql"))
        .anyMatch(f -> f.matches("src/main/resources/sql/tenants/\\d{14}_migrate_resources_1\\.sql"))
        .noneMatch(f -> f.startsWith("src/main/resources/db/"));
  }

  @Test
  void aRepoWithItsOwnPathsButOptionsWithoutThemIsWarnedAbout() {
    Resource org = Resource.define("org", r -> r.postgres(pg -> pg.repo(GenRepos.PathsRepo.class).table("orgs"))
        .uuidPrimaryKey("id"));
    GenerationResult r = generate(List.of(org));
    assertThat(r.warnings()).hasSize(2).allSatisfy(w -> assertThat(w).contains("PathsRepo", "withRepoPaths"));
    assertThat(r.warnings().get(0)).contains("migrationsPath() is \"sql/main\"",
        project.resolve("src/main/resources/db/paths_repo/migrations").toString());
  }

  @Test
  void warningsReachTheResult() {
    Resource r = simple("thing", b -> b.attribute("x", Type.STRING,
        a -> a.defaultValue(AttributeDefault.computed(() -> "x"))));
    assertThat(generate(List.of(r)).warnings()).singleElement().asString().contains("\"thing\"", "\"x\"");
  }

  @Test
  void aUuidV7DefaultBelowPostgres18WithoutExtensionMigrationsIsAWarning() {
    Resource note = Resource.define("note", r -> r.postgres(pg -> pg.repo(io.ashpg.fixtures.GenRepos.TzRepo.class)
        .table("notes")).uuidV7PrimaryKey("id"));
    GenerationResult r = generate(List.of(note));
    assertThat(r.warnings()).singleElement().asString().contains("notes", "uuid_generate_v7()", "TzRepo",
        "migrateExtensions()", "minPgVersion()");
    assertThat(r.migrations()).noneMatch(f -> f.content().contains("FUNCTION"));
  }

  @Test
  void malformedSnapshotIsAnErrorNamingTheFileAndNothingIsWritten() throws IOException {
    Resource post = simple("post", b -> b.attribute("title", Type.STRING));
    generate(List.of(post));
    Path snapshot = project.resolve("src/main/ashpg/resource_snapshots/plain_repo/posts/20260102030406.json");
    assertThat(snapshot).exists();
    Files.writeString(snapshot, "{ \"table\": \"posts\", \"attributes\": [ {");
    List<String> before = files();
    Resource changed = simple("post", b -> b.attribute("title", Type.STRING).attribute("body", Type.STRING));
    assertThatThrownBy(() -> generate(List.of(changed))).hasMessageContaining(snapshot.toString());
    assertThat(files()).isEqualTo(before);
  }

  @Test
  void conflictingResourcesFailBeforeAnythingIsWritten() throws IOException {
    Resource a = Resource.define("person", r -> r.postgres(pg -> pg.repo(PlainRepo.class).table("people"))
        .uuidPrimaryKey("id").attribute("age", Type.INTEGER));
    Resource b = Resource.define("employee", r -> r.postgres(pg -> pg.repo(PlainRepo.class).table("people"))
        .uuidPrimaryKey("id").attribute("age", Type.STRING));
    assertThatThrownBy(() -> generate(List.of(a, b))).isInstanceOf(DefinitionException.class)
        .hasMessageContaining("person").hasMessageContaining("employee").hasMessageContaining("age");
    Resource c = Resource.define("employee", r -> r.postgres(pg -> pg.repo(PlainRepo.class).table("people"))
        .attribute("ssn", Type.STRING, x -> x.primaryKey(true).allowNil(false)));
    assertThatThrownBy(() -> generate(List.of(a, c))).isInstanceOf(AmbiguousPrimaryKeyException.class)
        .hasMessageContaining("ashpg.primaryKeys");
    assertThat(Files.exists(project.resolve("src"))).isFalse();
  }

  @Test
  void primaryKeyHintDecides() {
    Resource a = Resource.define("person", r -> r.postgres(pg -> pg.repo(PlainRepo.class).table("people"))
        .uuidPrimaryKey("id").attribute("ssn", Type.STRING));
    Resource c = Resource.define("employee", r -> r.postgres(pg -> pg.repo(PlainRepo.class).table("people"))
        .attribute("ssn", Type.STRING, x -> x.primaryKey(true).allowNil(false)));
    GenerationResult r = generator.generate(Domain.of(List.of(a, c)), options, new HintRenameDecider(List.of()),
        PrimaryKeyChooser.fromHints(List.of("people:ssn")));
    assertThat(r.migrations()).singleElement().satisfies(f -> assertThat(f.content())
        .contains("CONSTRAINT \"people_pkey\" PRIMARY KEY (\"ssn\")")
        .contains("CREATE UNIQUE INDEX \"people_id_index\" ON \"people\" (\"id\")"));
  }

  @Test
  void theOptionsRenameHintsAnswerFirstAndTheDeciderOnlyWhatTheyLeaveOpen() throws IOException {
    generate(List.of(simple("post", b -> b.attribute("title", Type.STRING).attribute("body", Type.STRING))));
    Domain renamed = Domain.of(List.of(simple("post", b -> b.attribute("headline", Type.STRING)
        .attribute("body", Type.STRING))));
    GeneratorOptions hinted = options.withRenames(List.of("posts.title:headline")).withDryRun(true);

    // a hint in the options is enough: the strict decider is never asked
    GenerationResult strict = generator.generate(renamed, hinted, RenameDecider.strict(), PrimaryKeyChooser.none());
    assertThat(strict.migrations()).singleElement().satisfies(f -> assertThat(f.content())
        .contains("RENAME \"title\" TO \"headline\"").doesNotContain("DROP COLUMN"));

    // the decider gets only what the hints leave open, without the columns they claimed
    Domain twoNew = Domain.of(List.of(simple("post", b -> b.attribute("headline", Type.STRING)
        .attribute("text", Type.STRING))));
    List<String> asked = new ArrayList<>();
    RenameDecider last = new RenameDecider() {
      @Override
      public Optional<String> renamedFrom(TableKey table, String newColumn, List<String> candidates) {
        asked.add(newColumn + " from " + candidates);
        return Optional.of(candidates.get(candidates.size() - 1));
      }

      @Override
      public Optional<TableKey> tableRenamedFrom(TableKey newTable, List<TableKey> candidates) {
        asked.add(newTable + " from " + candidates);
        return Optional.empty();
      }

      @Override
      public boolean confirmDrop(TableKey table) {
        asked.add("drop " + table);
        return false;
      }
    };
    GenerationResult both = generator.generate(twoNew, hinted, last, PrimaryKeyChooser.none());
    assertThat(asked).containsExactly("text from [body]");
    assertThat(both.migrations()).singleElement().satisfies(f -> assertThat(f.content())
        .contains("RENAME \"title\" TO \"headline\"").contains("RENAME \"body\" TO \"text\""));

    // a malformed hint is an error naming it, and nothing is written
    List<String> before = files();
    assertThatThrownBy(() -> generator.generate(renamed, options.withRenames(List.of("posts.title")),
        NeverRename.INSTANCE, PrimaryKeyChooser.none())).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'posts.title'");
    assertThat(files()).isEqualTo(before);
  }

  @Test
  void unmanagedTablesAreNotDropped() {
    Resource legacy = simple("legacy", b -> b.attribute("name", Type.STRING));
    generate(List.of(legacy));
    Resource unmanaged = simple("legacy", b -> b.postgres(pg -> pg.migrate(false)).attribute("name", Type.STRING));
    GenerationResult r = generate(List.of(unmanaged));
    assertThat(r.message()).isEqualTo(GenerationResult.NO_CHANGES);
  }

  @Test
  void globalCopyOfATenantTableDropsKeysToTenantOnlyTables() {
    Resource invoice = Resource.define("invoice", r -> r.postgres(pg -> pg.repo(PlainRepo.class).table("invoices"))
        .multitenancy(m -> m.strategy(Multitenancy.Strategy.CONTEXT)).uuidPrimaryKey("id"));
    Resource line = Resource.define("line", r -> r.postgres(pg -> pg.repo(PlainRepo.class).table("lines"))
        .multitenancy(m -> m.strategy(Multitenancy.Strategy.CONTEXT).global(true)).uuidPrimaryKey("id")
        .belongsTo("invoice", "invoice"));
    GenerationResult r = generate(List.of(invoice, line));
    GeneratedFile global = r.files().stream().filter(f -> f.kind() == GeneratedFile.Kind.MIGRATION).findFirst()
        .orElseThrow();
    GeneratedFile tenant = r.files().stream().filter(f -> f.kind() == GeneratedFile.Kind.TENANT_MIGRATION)
        .findFirst().orElseThrow();
    assertThat(global.content()).contains("CREATE TABLE \"lines\"").doesNotContain("REFERENCES");
    assertThat(tenant.content()).contains("REFERENCES \"invoices\"(\"id\")");
  }
}
