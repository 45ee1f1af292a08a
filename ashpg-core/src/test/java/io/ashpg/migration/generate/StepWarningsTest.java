package io.ashpg.migration.generate;

import static io.ashpg.migration.Snap.REPO;
import static io.ashpg.migration.Snap.col;
import static io.ashpg.migration.Snap.fk;
import static io.ashpg.migration.Snap.identity;
import static io.ashpg.migration.Snap.table;
import static io.ashpg.migration.Snap.uuidPk;
import static org.assertj.core.api.Assertions.assertThat;

import io.ashpg.migration.GoldenCases;
import io.ashpg.migration.diff.NeverRename;
import io.ashpg.migration.snapshot.CustomStatementSnapshot;
import io.ashpg.migration.snapshot.TableSnapshot;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** generate-migrations returns a zero-downtime warning per risky step on an existing table, with its alternative. */
class StepWarningsTest {

  @TempDir
  Path project;

  private final TableSnapshot authors = table("authors", uuidPk("id"));
  private final TableSnapshot posts = table("posts", uuidPk("id"), col("title", "text"), col("n", "integer"),
      col("code", "varchar").withSize(10));

  private GenerationResult generate(GeneratorOptions options, TableSnapshot... tables) {
    return new MigrationGenerator(GoldenCases.fixedClock())
        .generate(List.of(new RepoSnapshots(REPO, List.of(tables), null)), options, NeverRename.INSTANCE);
  }

  @Test
  void newTablesGetNoWarningsAndRiskyStepsOnExistingOnesGetOneEach() {
    GeneratorOptions options = GeneratorOptions.defaults(project).withQuiet(true);
    assertThat(generate(options, authors, posts).warnings()).isEmpty();

    TableSnapshot changed = table("posts", uuidPk("id"), col("title", "text").withAllowNil(false),
        col("n", "bigint"), col("code", "text"), fk("author_id", "uuid", "posts", "authors"))
        .withIdentities(List.of(identity("posts", "unique_title", "title")))
        .withCustomStatements(List.of(new CustomStatementSnapshot("lower_title",
            "CREATE INDEX posts_lower_title ON posts (lower(title))", "DROP INDEX posts_lower_title", false,
            List.of())));
    List<String> warnings = generate(options, authors, changed).warnings();
    assertThat(warnings).anySatisfy(w -> assertThat(w).contains("set not null on posts, column title")
        .contains("ashpg:set-not-null-scan").contains("ACCESS EXCLUSIVE").contains("Safe alternative: add CHECK"));
    assertThat(warnings).anySatisfy(w -> assertThat(w).contains("alter column posts.n")
        .contains("ashpg:column-type-rewrite").contains("rewrites the whole table").doesNotContain("probably"));
    assertThat(warnings).anySatisfy(w -> assertThat(w).contains("add foreign key on posts")
        .contains("ashpg:add-foreign-key-validating").contains("SHARE ROW EXCLUSIVE").contains("NOT VALID"));
    assertThat(warnings).filteredOn(w -> w.contains("ashpg:create-index-non-concurrent")).hasSize(2)
        .allSatisfy(w -> assertThat(w).contains("create index on posts").contains("CONCURRENTLY"));
    // varchar(10) to text is binary coercible: no rewrite, no warning
    assertThat(warnings).noneMatch(w -> w.contains("posts.code") || w.contains("column code"));
    assertThat(warnings).allMatch(w -> w.matches("^\\d{14}_migrate_resources_2\\.sql:\\[\\d+\\] ashpg:.*"));
    assertThat(warnings).hasSize(5);
  }

  @Test
  void concurrentIndexesLeaveNoIndexWarning() {
    GeneratorOptions options = GeneratorOptions.defaults(project).withQuiet(true);
    generate(options, authors, posts);
    TableSnapshot unique = posts.withIdentities(List.of(identity("posts", "unique_title", "title")));
    assertThat(generate(options.withConcurrentIndexes(true), authors, unique).warnings()).isEmpty();
  }
}
