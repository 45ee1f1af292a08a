package io.ashpg.migration.generate;

import static io.ashpg.migration.Snap.REPO;
import static io.ashpg.migration.Snap.col;
import static io.ashpg.migration.Snap.table;
import static io.ashpg.migration.Snap.uuidPk;
import static org.assertj.core.api.Assertions.assertThat;

import io.ashpg.fixtures.GenRepos;
import io.ashpg.fixtures.PlainRepo;
import io.ashpg.migration.GoldenCases;
import io.ashpg.migration.diff.NeverRename;
import io.ashpg.migration.snapshot.TableSnapshot;
import io.ashpg.resource.Domain;
import io.ashpg.resource.Resource;
import io.ashpg.resource.Type;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Safe mode through the generator: the option, the repo setting, and the warnings for what it cannot make safe. */
class SafeModeGenerationTest {

  @TempDir
  Path project;
  private GeneratorOptions options;
  private MigrationGenerator generator;

  @BeforeEach
  void setUp() {
    options = GeneratorOptions.defaults(project).withQuiet(true);
    generator = new MigrationGenerator(GoldenCases.fixedClock());
  }

  private static Resource note(Class<? extends io.ashpg.repo.Repo> repo, String table, boolean titleRequired) {
    return Resource.define(table, r -> r.postgres(pg -> pg.repo(repo).table(table)).uuidPrimaryKey("id")
        .attribute("title", Type.STRING, a -> a.allowNil(!titleRequired)));
  }

  private GenerationResult generate(boolean titleRequired) {
    return generator.generate(Domain.of(List.of(note(GenRepos.SafeRepo.class, "safe_notes", titleRequired),
        note(PlainRepo.class, "plain_notes", titleRequired))), options, NeverRename.INSTANCE,
        PrimaryKeyChooser.none());
  }

  private static List<GeneratedFile> migrations(GenerationResult r, Predicate<String> path) {
    return r.files().stream().filter(f -> f.kind() == GeneratedFile.Kind.MIGRATION)
        .filter(f -> path.test(f.path().toString())).toList();
  }

  @Test
  void aRepoAskingForSafeModeGetsTheSafeFormsAndTheOthersDoNot() {
    generate(false);
    GenerationResult r = generate(true);
    String safeRepo = new GenRepos.SafeRepo().name();
    String plainRepo = new PlainRepo().name();

    List<GeneratedFile> safe = migrations(r, p -> p.contains("/" + safeRepo + "/"));
    assertThat(safe).extracting(f -> f.path().getFileName().toString())
        .anyMatch(n -> n.endsWith("_validate.sql")).hasSize(2);
    assertThat(safe.get(0).content()).contains("CHECK (\"title\" IS NOT NULL) NOT VALID").doesNotContain("SET NOT NULL");
    assertThat(safe.get(1).content()).contains("VALIDATE CONSTRAINT", "SET NOT NULL");

    List<GeneratedFile> plain = migrations(r, p -> p.contains("/" + plainRepo + "/"));
    assertThat(plain).hasSize(1);
    assertThat(plain.get(0).content()).contains("ALTER COLUMN \"title\" SET NOT NULL").doesNotContain("NOT VALID");
  }

  @Test
  void theOptionTurnsSafeModeOnForEveryRepoAndRenamesDropsAndTypeChangesAreWarnedAbout() {
    TableSnapshot before = table("posts", uuidPk("id"), col("title", "text"), col("body", "text"),
        col("score", "integer"));
    GeneratorOptions safe = options.withSafe(true).withDropColumns(true);
    generator.generate(List.of(new RepoSnapshots(REPO, List.of(before), null)), safe);
    TableSnapshot after = table("posts", uuidPk("id"), col("headline", "text"), col("score", "bigint"));

    GenerationResult r = generator.generate(List.of(new RepoSnapshots(REPO, List.of(after), null)),
        safe.withRenames(List.of("posts.title:headline")));

    // safe mode has no online form for these: the zero-downtime warnings name each, with the expand–contract way
    assertThat(r.warnings()).hasSize(3);
    assertThat(r.warnings()).anyMatch(w -> w.contains("ashpg:rename-column") && w.contains("column title"));
    assertThat(r.warnings()).anyMatch(w -> w.contains("ashpg:drop-column") && w.contains("column body"));
    assertThat(r.warnings()).anyMatch(w -> w.contains("ashpg:column-type-rewrite")
        && w.contains("alter column posts.score") && w.contains("rewrites"));

    // the same change without safe mode: the same three warnings (they are about the change, not its form)
    GeneratorOptions plain = GeneratorOptions.defaults(project.resolve("plain")).withQuiet(true).withDropColumns(true);
    generator.generate(List.of(new RepoSnapshots(REPO, List.of(before), null)), plain);
    GenerationResult unsafe = generator.generate(List.of(new RepoSnapshots(REPO, List.of(after), null)),
        plain.withRenames(List.of("posts.title:headline")));
    assertThat(unsafe.warnings()).hasSize(3);
  }
}
