package io.ashpg.migration.generate;

import static org.assertj.core.api.Assertions.assertThat;

import io.ashpg.migration.run.Migrator;
import io.ashpg.migration.run.MigratorOptions;
import io.ashpg.migration.run.TenantMigrator;
import io.ashpg.testing.TestDatabase;
import java.nio.file.Files;
import java.util.List;

/** Applies what the generator wrote with the migrator, as {@code ashpg:migrate} would (tests). */
final class GeneratedMigrations {

  private GeneratedMigrations() {
  }

  /** Migrates the public schema, then {@code tenants} when the repo has tenant migrations; asserts success. */
  static void migrate(TestDatabase db, GeneratorOptions options, String repo, List<String> tenants) {
    assertThat(Migrator.create(db.dataSource(), migratorOptions(repo, options.migrationDir(repo).toString()))
        .migrate().succeeded()).isTrue();
    if (Files.isDirectory(options.tenantMigrationDir(repo))) {
      assertThat(tenantMigrator(db, options, repo, tenants).migrate().succeeded()).isTrue();
    }
  }

  /** The public schema's migrator over the generated files. */
  static Migrator migrator(TestDatabase db, GeneratorOptions options, String repo) {
    return Migrator.create(db.dataSource(), migratorOptions(repo, options.migrationDir(repo).toString()));
  }

  /** The tenants' migrator over the generated tenant files. */
  static TenantMigrator tenantMigrator(TestDatabase db, GeneratorOptions options, String repo, List<String> tenants) {
    return TenantMigrator.create(db.dataSource(),
        migratorOptions(repo, options.tenantMigrationDir(repo).toString()), connection -> tenants);
  }

  private static MigratorOptions migratorOptions(String repo, String location) {
    return MigratorOptions.builder().repoName(repo).quiet(true).location(location).build();
  }
}
