package io.ashpg.migration.ddl;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The default name continues the numbering of earlier runs, whatever number of files each run wrote. */
class DefaultMigrationNameTest {

  @TempDir
  Path dir;

  @Test
  void firstRunInAMissingFolder() {
    assertThat(MigrationWriter.defaultName(dir.resolve("missing"))).isEqualTo("migrate_resources_1");
  }

  @Test
  void oneRunWritingSeveralFilesTakesOneNumber() throws IOException {
    touch("20260101000000_migrate_resources_1_extensions.sql");
    touch("20260101000001_migrate_resources_1.sql");
    assertThat(MigrationWriter.defaultName(dir)).isEqualTo("migrate_resources_2");
    touch("20260102000000_migrate_resources_2.sql");
    touch("20260102000001_migrate_resources_2_concurrently.sql");
    touch("20260102000002_migrate_resources_2_after_concurrently.sql");
    touch("20260103000000_add_posts.sql");
    assertThat(MigrationWriter.defaultName(dir)).isEqualTo("migrate_resources_3");
  }

  @Test
  void devMigrationsDoNotTakeANumber() throws IOException {
    touch("20260101000000_migrate_resources_1.sql");
    touch("20260102000000_migrate_resources_2_dev.sql");
    assertThat(MigrationWriter.defaultName(dir)).isEqualTo("migrate_resources_2");
  }

  private void touch(String name) throws IOException {
    Files.writeString(dir.resolve(name), "-- ashpg:up\n-- ashpg:down\n");
  }
}
