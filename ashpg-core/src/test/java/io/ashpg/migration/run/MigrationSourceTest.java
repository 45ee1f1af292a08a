package io.ashpg.migration.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MigrationSourceTest {

  @TempDir
  Path tmp;

  static void write(Path dir, String name, String content) throws IOException {
    Files.createDirectories(dir);
    Files.writeString(dir.resolve(name), content);
  }

  @Test
  void mergesDirectoriesSortedByVersionAndIgnoresOtherFiles() throws IOException {
    write(tmp.resolve("a"), "20240101000003_c.sql", "-- ashpg:up\nSELECT 3;");
    write(tmp.resolve("a"), "20240101000001_a.sql", "-- ashpg:up\nSELECT 1;");
    write(tmp.resolve("b"), "20240101000002_b.sql", "-- ashpg:up\nSELECT 2;");
    write(tmp.resolve("b"), "notes.md", "# hello");
    List<MigrationFile> files = MigrationSource.of(List.of(tmp.resolve("a").toString(), "file:" + tmp.resolve("b")))
        .load();
    assertThat(files).extracting(MigrationFile::version)
        .containsExactly(20240101000001L, 20240101000002L, 20240101000003L);
  }

  @Test
  void duplicateVersionsAcrossPathsNameBothFiles() throws IOException {
    write(tmp.resolve("a"), "20240101000001_a.sql", "-- ashpg:up\nSELECT 1;");
    write(tmp.resolve("b"), "20240101000001_other.sql", "-- ashpg:up\nSELECT 2;");
    assertThatThrownBy(() -> MigrationSource.of(List.of(tmp.resolve("a").toString(), tmp.resolve("b").toString()))
        .load()).isInstanceOf(MigrationException.class)
        .hasMessageContaining("duplicate migration version 20240101000001")
        .hasMessageContaining("20240101000001_a.sql").hasMessageContaining("20240101000001_other.sql");
  }

  @Test
  void missingDirectoryIsAnError() {
    assertThatThrownBy(() -> MigrationSource.of(List.of(tmp.resolve("nope").toString())).load())
        .hasMessageContaining("does not exist");
  }

  @Test
  void readsADirectoryOnTheTestClasspath() {
    List<MigrationFile> files = MigrationSource.of(List.of("classpath:db/cp_repo/migrations")).load();
    assertThat(files).extracting(MigrationFile::name).containsExactly("create_orgs", "add_org_slug");
    assertThat(files.get(0).location()).isEqualTo("classpath:db/cp_repo/migrations/20240101000001_create_orgs.sql");
    assertThat(MigrationSource.of(List.of("classpath:db/no_such_repo/migrations")).load()).isEmpty();
  }

  @Test
  void readsAPackagedJar() throws IOException {
    Path jar = buildJar(tmp.resolve("app.jar"), "db/jar_repo/migrations/",
        "20240101000002_second.sql", "-- ashpg:up\nSELECT 2;",
        "20240101000001_first.sql", "-- ashpg:up\nSELECT 1;\n-- ashpg:down\nSELECT 0;");
    try (URLClassLoader loader = new URLClassLoader(new URL[] {jar.toUri().toURL()}, null)) {
      List<MigrationFile> files = MigrationSource.of(List.of("classpath:db/jar_repo/migrations/"), loader).load();
      assertThat(files).extracting(MigrationFile::name).containsExactly("first", "second");
      assertThat(files.get(0).location()).contains("app.jar").contains("20240101000001_first.sql");
    }
  }

  @Test
  void aBadFileInAJarIsNamed() throws IOException {
    Path jar = buildJar(tmp.resolve("bad.jar"), "db/bad/migrations/", "20240101000001_x.sql", "SELECT 1;");
    try (URLClassLoader loader = new URLClassLoader(new URL[] {jar.toUri().toURL()}, null)) {
      assertThatThrownBy(() -> MigrationSource.of(List.of("classpath:db/bad/migrations"), loader).load())
          .hasMessageContaining("20240101000001_x.sql").hasMessageContaining("bad.jar");
    }
  }

  /** A jar holding {@code prefix + name} entries (name/content pairs), plus a nested directory to be ignored. */
  static Path buildJar(Path jar, String prefix, String... namesAndContents) throws IOException {
    try (OutputStream out = Files.newOutputStream(jar); JarOutputStream j = new JarOutputStream(out)) {
      String dir = "";
      for (String part : prefix.split("/")) {
        dir += part + "/";
        j.putNextEntry(new JarEntry(dir));
        j.closeEntry();
      }
      for (int i = 0; i < namesAndContents.length; i += 2) {
        j.putNextEntry(new JarEntry(prefix + namesAndContents[i]));
        j.write(namesAndContents[i + 1].getBytes(StandardCharsets.UTF_8));
        j.closeEntry();
      }
      j.putNextEntry(new JarEntry(prefix + "nested/20240101000009_ignored.sql"));
      j.write("garbage".getBytes(StandardCharsets.UTF_8));
      j.closeEntry();
    }
    return jar;
  }
}
