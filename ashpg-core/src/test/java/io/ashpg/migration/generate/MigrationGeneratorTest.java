package io.ashpg.migration.generate;

import static io.ashpg.migration.Snap.REPO;
import static io.ashpg.migration.Snap.col;
import static io.ashpg.migration.Snap.fk;
import static io.ashpg.migration.Snap.table;
import static io.ashpg.migration.Snap.uuidPk;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ashpg.migration.GoldenCases;
import io.ashpg.migration.diff.AmbiguousRenameException;
import io.ashpg.migration.snapshot.CustomIndexSnapshot;
import io.ashpg.migration.snapshot.MultitenancySnapshot;
import io.ashpg.migration.snapshot.SnapshotStore;
import io.ashpg.migration.snapshot.TableSnapshot;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MigrationGeneratorTest {

  @TempDir
  Path project;

  private GeneratorOptions options;
  private MigrationGenerator generator;

  private final TableSnapshot authors = table("authors", uuidPk("id"), col("name", "text"));
  private final TableSnapshot posts = table("posts", uuidPk("id"), col("title", "text"),
      fk("author_id", "uuid", "posts", "authors"));

  @BeforeEach
  void setUp() {
    options = GeneratorOptions.defaults(project).withQuiet(true);
    generator = new MigrationGenerator(GoldenCases.fixedClock());
  }

  private List<String> files() throws IOException {
    if (!Files.exists(project)) {
      return List.of();
    }
    try (Stream<Path> walk = Files.walk(project)) {
      return walk.filter(Files::isRegularFile).map(p -> project.relativize(p).toString().replace('\\', '/'))
          .sorted().toList();
    }
  }

  private static RepoSnapshots repo(TableSnapshot... tables) {
    return new RepoSnapshots(REPO, List.of(tables), null);
  }

  @Test
  void writesMigrationAndSnapshotsThenDetectsNoChanges() throws IOException {
    GenerationResult first = generator.generate(List.of(repo(authors, posts)), options);
    assertThat(first.written()).isTrue();
    assertThat(files()).containsExactly(
        // the generation lock stays, empty, so that a waiting generator and a newcomer never lock different files
        "src/main/ashpg/resource_snapshots/" + MigrationGenerator.LOCK_FILE,
        "src/main/ashpg/resource_snapshots/test_repo/authors/20260102030406.json",
        "src/main/ashpg/resource_snapshots/test_repo/posts/20260102030406.json",
        "src/main/resources/db/test_repo/migrations/20260102030405_migrate_resources_1.sql");
    assertThat(first.migrations()).singleElement().satisfies(f -> assertThat(f.content())
        .contains("CREATE TABLE \"posts\"").contains("REFERENCES \"authors\"(\"id\")"));

    List<String> before = files();
    GenerationResult again = generator.generate(List.of(repo(authors, posts)), options);
    assertThat(again.message()).isEqualTo(GenerationResult.NO_CHANGES);
    assertThat(again.noChanges()).isTrue();
    assertThat(files()).isEqualTo(before);

    // a change: next default name, versions after the existing ones
    TableSnapshot posts2 = posts.withAttribute(col("body", "text"));
    GenerationResult second = generator.generate(List.of(repo(authors, posts2)), options);
    assertThat(second.migrations()).singleElement().satisfies(f -> {
      assertThat(f.path().getFileName().toString()).isEqualTo("20260102030407_migrate_resources_2.sql");
      assertThat(f.content()).contains("ALTER TABLE \"posts\" ADD COLUMN \"body\" text;");
    });
    assertThat(new SnapshotStore(options.snapshotPath()).latest(REPO, false, null, "posts")).get()
        .satisfies(s -> assertThat(s.snapshot()).isEqualTo(posts2));
  }

  @Test
  void dryRunAndCheckModeWriteNothing() throws IOException {
    GenerationResult dry = generator.generate(List.of(repo(authors)), options.withDryRun(true));
    assertThat(dry.written()).isFalse();
    assertThat(dry.files()).hasSize(2);
    assertThat(files()).isEmpty();

    GenerationResult check = generator.generate(List.of(repo(authors, posts)),
        options.withCheckMigrated(true));
    assertThat(check.written()).isFalse();
    assertThat(check.noChanges()).isFalse();
    assertThat(check.pending()).extracting(PendingChange::table).containsExactly("authors", "posts");
    assertThat(check.pending().get(1).changes()).contains("create table posts");
    assertThat(files()).isEmpty();
  }

  @Test
  void nothingIsWrittenWhenGenerationFails() throws IOException {
    generator.generate(List.of(repo(authors)), options);
    List<String> before = files();
    TableSnapshot renamedColumn = table("authors", uuidPk("id"), col("full_name", "text"));
    TableSnapshot other = table("zebras", uuidPk("id"));
    assertThatThrownBy(() -> generator.generate(List.of(repo(other, renamedColumn)), options))
        .isInstanceOf(AmbiguousRenameException.class).hasMessageContaining("authors.name:full_name");
    assertThat(files()).isEqualTo(before);

    GenerationResult hinted = generator.generate(List.of(repo(other, renamedColumn)),
        options.withRenames(List.of("authors.name:full_name")));
    assertThat(hinted.migrations().get(0).content()).contains("RENAME \"name\" TO \"full_name\"");
  }

  @Test
  void tenantTablesGoToTenantMigrationsAndSnapshots() throws IOException {
    MultitenancySnapshot context = new MultitenancySnapshot("context", null, false);
    TableSnapshot orgs = table("orgs", uuidPk("id"));
    TableSnapshot projects = table("projects", uuidPk("id"), fk("org_id", "uuid", "projects", "orgs"))
        .withMultitenancy(context);
    GenerationResult r = generator.generate(List.of(repo(orgs, projects)), options);
    assertThat(files()).contains(
        "src/main/ashpg/resource_snapshots/test_repo/tenants/projects/20260102030407.json",
        "src/main/resources/db/test_repo/migrations/20260102030405_migrate_resources_1.sql",
        "src/main/resources/db/test_repo/tenant_migrations/20260102030406_migrate_resources_1.sql");
    assertThat(r.files()).filteredOn(f -> f.kind() == GeneratedFile.Kind.TENANT_MIGRATION).singleElement()
        .satisfies(f -> assertThat(f.content()).contains("CREATE TABLE \"projects\"")
            .contains("REFERENCES \"public\".\"orgs\"(\"id\")"));
  }

  @Test
  void concurrentIndexesGetTheirOwnNoTransactionFile() {
    TableSnapshot t = authors.withCustomIndexes(List.of(CustomIndexSnapshot.on("name").withConcurrently(true)));
    GenerationResult r = generator.generate(List.of(repo(t)), options.withName("authors"));
    assertThat(r.migrations()).extracting(f -> f.path().getFileName().toString())
        .containsExactly("20260102030405_authors.sql", "20260102030406_authors_concurrently.sql");
    assertThat(r.migrations().get(1).content()).startsWith("-- ashpg:no-transaction\n-- ashpg:up\n");
  }

  @Test
  void droppedTablesAreDestructiveAndLoseTheirSnapshots() throws IOException {
    generator.generate(List.of(repo(authors, posts)), options);
    assertThatThrownBy(() -> generator.generate(List.of(repo(authors)), options))
        .isInstanceOf(io.ashpg.migration.diff.AmbiguousRenameException.class)
        .hasMessageContaining("posts no longer has a resource");
    assertThat(files()).anyMatch(f -> f.contains("/posts/"));
    GenerationResult r = generator.generate(List.of(repo(authors)), options.withRenames(List.of("posts:-")));
    assertThat(r.destructive()).isTrue();
    assertThat(r.migrations().get(0).content()).contains("DROP TABLE \"posts\";");
    assertThat(files()).noneMatch(f -> f.contains("/posts/"));
    assertThat(generator.generate(List.of(repo(authors)), options).noChanges()).isTrue();
  }

  @Test
  void aTableInAnotherSchemaIsDroppedWithTheHintTheErrorAsksFor() throws IOException {
    TableSnapshot archived = table("foo", "posts", uuidPk("id"), col("title", "text"));
    TableSnapshot foo = table("foo", uuidPk("id"), col("posts", "text"));
    generator.generate(List.of(repo(authors, archived, foo)), options);
    AmbiguousRenameException e = org.junit.jupiter.api.Assertions.assertThrows(AmbiguousRenameException.class,
        () -> generator.generate(List.of(repo(authors, foo)), options));
    assertThat(e.getMessage()).contains("table foo.posts no longer has a resource", "-Dashpg.renames=foo.posts:-");
    String hint = e.getMessage().replaceAll("(?s).*-Dashpg\\.renames=(\\S+) .*", "$1");
    assertThat(hint).isEqualTo("foo.posts:-");

    GenerationResult r = generator.generate(List.of(repo(authors, foo)), options.withRenames(List.of(hint)));
    assertThat(r.migrations().get(0).content()).contains("DROP TABLE \"foo\".\"posts\";")
        .doesNotContain("\"foo\" DROP COLUMN");
    assertThat(files()).noneMatch(f -> f.contains("/foo.posts/") || f.contains("foo/posts"));
    // the same dotted form still names a column where no such table went away
    TableSnapshot fooChanged = table("foo", uuidPk("id"), col("articles", "text"));
    assertThatThrownBy(() -> generator.generate(List.of(repo(authors, fooChanged)), options))
        .isInstanceOf(AmbiguousRenameException.class).hasMessageContaining("foo.posts:articles");
    GenerationResult column = generator.generate(List.of(repo(authors, fooChanged)),
        options.withRenames(List.of("foo.posts:-")));
    assertThat(column.migrations().get(0).content()).contains("ADD COLUMN \"articles\" text")
        .contains("-- ALTER TABLE \"foo\" DROP COLUMN \"posts\";");
  }

  @Test
  void removedColumnsAreCommentedOut() {
    generator.generate(List.of(repo(authors)), options);
    GenerationResult r = generator.generate(List.of(repo(table("authors", uuidPk("id")))), options);
    assertThat(r.commentedSteps()).isTrue();
    assertThat(r.destructive()).isFalse();
    assertThat(r.migrations().get(0).content()).contains("-- ALTER TABLE \"authors\" DROP COLUMN \"name\";");
  }

  @Test
  void extensionsAreInstalledFirstAndRecorded() throws IOException {
    GenerationResult r = generator.generate(List.of(new RepoSnapshots(REPO, List.of(authors),
        List.of("citext", "pg_trgm"))), options);
    // their own migration, ahead of the tables that may need them
    assertThat(r.migrations()).hasSize(2);
    GeneratedFile extensions = r.migrations().get(0);
    GeneratedFile tables = r.migrations().get(1);
    assertThat(extensions.path().getFileName().toString()).endsWith("_migrate_resources_1_extensions.sql");
    assertThat(extensions.path().getFileName().toString())
        .isLessThan(tables.path().getFileName().toString());
    assertThat(extensions.content()).isEqualTo("""
        -- ashpg:up
        CREATE EXTENSION IF NOT EXISTS "citext";

        CREATE EXTENSION IF NOT EXISTS "pg_trgm";
        -- ashpg:down
        -- DROP EXTENSION IF EXISTS "pg_trgm";

        -- DROP EXTENSION IF EXISTS "citext";
        """);
    assertThat(tables.content()).startsWith("-- ashpg:up\nCREATE TABLE").doesNotContain("EXTENSION");
    assertThat(files()).contains("src/main/ashpg/resource_snapshots/test_repo/extensions.json");
    assertThat(generator.generate(List.of(new RepoSnapshots(REPO, List.of(authors), List.of("pg_trgm", "citext"))),
        options).noChanges()).isTrue();
  }
}
