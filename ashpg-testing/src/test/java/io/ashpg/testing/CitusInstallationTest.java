package io.ashpg.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Finding Citus; needs no server. */
class CitusInstallationTest {

  @TempDir
  Path tmp;

  @Test
  void aBinDirWithoutCitusIsNotAnInstallation() throws IOException {
    Path bin = fakeBinDir(tmp.resolve("16"));
    assertThat(CitusInstallation.inBinDir(bin)).isEmpty();
  }

  @Test
  void aBinDirWhoseSiblingLibHoldsCitusIs() throws IOException {
    Path bin = fakeBinDir(tmp.resolve("15"));
    Files.createDirectories(tmp.resolve("15/lib"));
    Files.createFile(tmp.resolve("15/lib/citus.so"));
    assertThat(CitusInstallation.inBinDir(bin))
        .contains(new CitusInstallation(bin, tmp.resolve("15/lib")));
  }

  @Test
  void aDirectoryWithoutTheServerProgramsIsNotAnInstallation() throws IOException {
    Files.createDirectories(tmp.resolve("15/bin"));
    Files.createDirectories(tmp.resolve("15/lib"));
    Files.createFile(tmp.resolve("15/lib/citus.so"));
    assertThat(CitusInstallation.inBinDir(tmp.resolve("15/bin"))).isEmpty();
  }

  @Test
  void debianMajorsAreTriedNewestFirst() throws IOException {
    for (String major : new String[] {"9", "15", "17", "not-a-major"}) {
      Files.createDirectories(tmp.resolve(major));
    }
    assertThat(CitusInstallation.debianBinDirs(tmp))
        .containsExactly(tmp.resolve("17/bin"), tmp.resolve("15/bin"), tmp.resolve("9/bin"));
    assertThat(CitusInstallation.debianBinDirs(tmp.resolve("absent"))).isEmpty();
  }

  @Test
  void aWrongExplicitBinDirIsAnErrorNamingTheSetting() {
    String before = System.getProperty(CitusInstallation.BINDIR_PROPERTY);
    System.setProperty(CitusInstallation.BINDIR_PROPERTY, tmp.toString());
    try {
      assertThatThrownBy(CitusInstallation::find)
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining(CitusInstallation.BINDIR_PROPERTY + "=" + tmp)
          .hasMessageContaining("citus.so");
      System.setProperty(CitusInstallation.BINDIR_PROPERTY, "none");
      assertThat(CitusInstallation.find()).isEmpty();
    } finally {
      if (before == null) {
        System.clearProperty(CitusInstallation.BINDIR_PROPERTY);
      } else {
        System.setProperty(CitusInstallation.BINDIR_PROPERTY, before);
      }
    }
  }

  private static Path fakeBinDir(Path root) throws IOException {
    Path bin = Files.createDirectories(root.resolve("bin"));
    for (String program : new String[] {"initdb", "pg_ctl", "postgres"}) {
      Files.createFile(bin.resolve(program), PosixFilePermissions.asFileAttribute(
          PosixFilePermissions.fromString("rwxr-xr-x")));
    }
    return bin;
  }
}
