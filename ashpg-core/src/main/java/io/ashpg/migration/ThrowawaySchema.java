package io.ashpg.migration;

import io.ashpg.migration.diff.NeverRename;
import io.ashpg.migration.generate.GeneratorOptions;
import io.ashpg.migration.generate.MigrationGenerator;
import io.ashpg.migration.generate.PrimaryKeyChooser;
import io.ashpg.migration.run.Migrator;
import io.ashpg.migration.run.MigratorOptions;
import io.ashpg.migration.snapshot.VersionClock;
import io.ashpg.resource.Domain;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import javax.sql.DataSource;

/**
 * Creates a domain's tables in a throwaway database with ashpg's own generator and migrator: the migrations are
 * generated into a temporary directory (never asking about renames: there is nothing stored to rename from) and
 * the public ones applied. For tests and benchmarks; applications run their committed migrations instead.
 */
public final class ThrowawaySchema {

  private ThrowawaySchema() {
  }

  /**
   * Generates {@code domain}'s migrations and applies the public ones to {@code dataSource}.
   *
   * @return the generated {@code db} directory ({@code <repo>/migrations}, {@code <repo>/tenant_migrations}), so
   *     callers can run tenant migrations from it; the caller deletes it when done
   * @throws io.ashpg.migration.run.MigrationException when a migration fails
   */
  public static Path migrate(Domain domain, DataSource dataSource) {
    try {
      Path dir = Files.createTempDirectory("ashpg-schema");
      new MigrationGenerator(VersionClock.system()).generate(domain, GeneratorOptions.defaults(dir).withQuiet(true),
          NeverRename.INSTANCE, PrimaryKeyChooser.none());
      Path root = dir.resolve("src/main/resources/db");
      try (Stream<Path> repos = Files.list(root)) {
        for (Path repo : repos.sorted().toList()) {
          Migrator.create(dataSource, MigratorOptions.builder()
              .repoName(repo.getFileName().toString()).all().quiet(true)
              .location(repo.resolve("migrations").toString()).build()).migrate();
        }
      }
      return root;
    } catch (IOException e) {
      throw new UncheckedIOException("could not write the generated migrations to a temporary directory", e);
    }
  }
}
