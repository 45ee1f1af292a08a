package io.ashpg.migration.generate;

import static org.assertj.core.api.Assertions.assertThat;

import io.ashpg.fixtures.GenRepos;
import io.ashpg.fixtures.PlainRepo;
import io.ashpg.migration.GoldenCases;
import io.ashpg.migration.diff.NeverRename;
import io.ashpg.migration.run.Db;
import io.ashpg.migration.run.FailedRun;
import io.ashpg.migration.run.MigrationResult;
import io.ashpg.repo.Repo;
import io.ashpg.resource.Domain;
import io.ashpg.resource.Resource;
import io.ashpg.resource.Type;
import io.ashpg.testing.TestDatabase;
import io.ashpg.testing.WithPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code Repo.createSchemasInMigrations()} (AshPostgres' {@code create_schemas_in_migrations?}): by default a table in
 * a schema of its own is preceded by {@code CREATE SCHEMA IF NOT EXISTS}; a repo that returns false gets no such
 * statement, so its migrations need the schema to exist (created by whoever owns it) and never need the database's
 * CREATE privilege.
 */
@WithPostgres
class CreateSchemasInMigrationsTest {

  private final TestDatabase db;
  @TempDir
  Path project;

  CreateSchemasInMigrationsTest(TestDatabase db) {
    this.db = db;
  }

  private static Resource report(String name, Class<? extends Repo> repo, String schema) {
    return Resource.define(name, r -> r.postgres(pg -> pg.repo(repo).table("reports").schema(schema))
        .uuidPrimaryKey("id").attribute("title", Type.STRING));
  }

  private static String sql(GeneratorOptions options, String repo) throws IOException {
    StringBuilder out = new StringBuilder();
    try (Stream<Path> files = Files.list(options.migrationDir(repo))) {
      for (Path p : files.filter(p -> !p.getFileName().toString().contains("extensions")).toList()) {
        out.append(Files.readString(p));
      }
    }
    return out.toString();
  }

  @Test
  void aRepoThatDoesNotCreateSchemasNeedsThemToExistTheDefaultCreatesThem() throws IOException {
    // one generation, so the two repos' migrations get different versions in the shared schema_migrations
    GeneratorOptions options = GeneratorOptions.defaults(project).withQuiet(true);
    new MigrationGenerator(GoldenCases.fixedClock()).generate(Domain.of(List.of(
            report("report", PlainRepo.class, "reporting_a"),
            report("dba_report", GenRepos.NoSchemasRepo.class, "reporting_b"))), options, NeverRename.INSTANCE,
        PrimaryKeyChooser.none());

    assertThat(sql(options, "plain_repo")).contains("CREATE SCHEMA IF NOT EXISTS \"reporting_a\"");
    assertThat(GeneratedMigrations.migrator(db, options, "plain_repo").migrate().succeeded()).isTrue();
    assertThat(Db.tableExists(db, "reporting_a", "reports")).isTrue();

    assertThat(sql(options, "no_schemas_repo")).contains("CREATE TABLE \"reporting_b\".\"reports\"")
        .doesNotContain("CREATE SCHEMA");
    MigrationResult missing =
        FailedRun.of(() -> GeneratedMigrations.migrator(db, options, "no_schemas_repo").migrate());
    assertThat(missing.succeeded()).isFalse();
    assertThat(missing.failures()).singleElement().satisfies(f -> assertThat(f.sqlState()).isEqualTo("3F000"));
    Db.exec(db, "CREATE SCHEMA reporting_b");
    assertThat(GeneratedMigrations.migrator(db, options, "no_schemas_repo").migrate().succeeded()).isTrue();
    assertThat(Db.tableExists(db, "reporting_b", "reports")).isTrue();
  }
}
