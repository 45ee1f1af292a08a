package io.ashpg.data;

import static org.assertj.core.api.Assertions.assertThat;

import io.ashpg.migration.diff.NeverRename;
import io.ashpg.migration.generate.GeneratorOptions;
import io.ashpg.migration.generate.MigrationGenerator;
import io.ashpg.migration.generate.PrimaryKeyChooser;
import io.ashpg.migration.run.MigrationResult;
import io.ashpg.migration.run.Migrator;
import io.ashpg.migration.run.MigratorOptions;
import io.ashpg.migration.snapshot.VersionClock;
import io.ashpg.resource.Domain;
import io.ashpg.testing.TestDatabase;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** Creates a domain's tables in a test database with ashpg's own generator and migrator. */
final class Schema {
  private Schema() {}

  /**
   * Generates the domain's migrations into a temporary directory and applies the public ones; returns the
   * generated {@code db} directory ({@code <repo>/migrations}, {@code <repo>/tenant_migrations}) so tests can run
   * tenant migrations from it.
   */
  static Path migrate(TestDatabase db, Domain domain) {
    try {
      Path dir = Files.createTempDirectory("ashpg-data");
      new MigrationGenerator(VersionClock.system()).generate(domain, GeneratorOptions.defaults(dir).withQuiet(true),
          NeverRename.INSTANCE, PrimaryKeyChooser.none());
      Path root = dir.resolve("src/main/resources/db");
      try (Stream<Path> repos = Files.list(root)) {
        for (Path repo : repos.sorted().toList()) {
          MigrationResult result = Migrator.create(db.dataSource(), MigratorOptions.builder()
              .repoName(repo.getFileName().toString()).all().quiet(true)
              .location(repo.resolve("migrations").toString()).build()).migrate();
          assertThat(result.failures()).as("migration failures").isEmpty();
        }
      }
      return root;
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
