package io.ashpg.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A PostgreSQL installation that has the Citus extension: its bin directory (initdb, pg_ctl, postgres) and the
 * package library directory holding {@code citus.so}. Citus is a test-time dependency only; ashpg neither links
 * nor ships it.
 *
 * @param binDir    directory with {@code initdb}, {@code pg_ctl} and {@code postgres}
 * @param pkgLibDir directory with {@code citus.so} ({@code pg_config --pkglibdir})
 */
public record CitusInstallation(Path binDir, Path pkgLibDir) {

  /** The system property (or, upper-cased with underscores, the environment variable) naming the bin dir. */
  public static final String BINDIR_PROPERTY = "ashpg.test.citus.bindir";

  /** Why Citus tests are skipped when no installation is found; says how to get one. */
  public static final String NOT_INSTALLED = "Citus not installed: run install-citus.sh (installs Citus into "
      + "PostgreSQL 15's pg_config --pkglibdir) or set -D" + BINDIR_PROPERTY
      + "=<a PostgreSQL bin directory whose pkglibdir holds citus.so>";

  /**
   * Finds Citus: the bin directory named by {@code -Dashpg.test.citus.bindir} (or {@code ASHPG_TEST_CITUS_BINDIR};
   * {@code none} means "act as if Citus were not installed"), else the PostgreSQL of {@code pg_config} on the
   * PATH, else the newest {@code /usr/lib/postgresql/<major>/} whose package library directory holds
   * {@code citus.so}.
   *
   * @return empty when no installation with Citus is found
   * @throws IllegalStateException when the bin directory was named explicitly but has no Citus: a wrong setting
   *                               is reported, not silently turned into skipped tests
   */
  public static Optional<CitusInstallation> find() {
    String named = System.getProperty(BINDIR_PROPERTY);
    if (named == null || named.isBlank()) {
      named = System.getenv("ASHPG_TEST_CITUS_BINDIR");
    }
    if (named != null && named.trim().equals("none")) {
      return Optional.empty();
    }
    if (named != null && !named.isBlank()) {
      Path binDir = Path.of(named.trim());
      return Optional.of(inBinDir(binDir).orElseThrow(() -> new IllegalStateException("-D" + BINDIR_PROPERTY
          + "=" + binDir + " does not name a PostgreSQL bin directory (initdb, pg_ctl, postgres) whose pkglibdir "
          + "holds citus.so; fix the path or run install-citus.sh")));
    }
    List<Path> candidates = new ArrayList<>();
    run(List.of("pg_config", "--bindir")).map(Path::of).ifPresent(candidates::add);
    candidates.addAll(debianBinDirs(Path.of("/usr/lib/postgresql")));
    return candidates.stream().map(CitusInstallation::inBinDir).flatMap(Optional::stream).findFirst();
  }

  /** The installation in {@code binDir}, if that directory has the server programs and Citus. */
  static Optional<CitusInstallation> inBinDir(Path binDir) {
    for (String program : List.of("initdb", "pg_ctl", "postgres")) {
      if (!Files.isExecutable(binDir.resolve(program))) {
        return Optional.empty();
      }
    }
    // pg_config in the bin dir knows where this build loads libraries from; Debian's layout is the fallback
    Path libDir = run(List.of(binDir.resolve("pg_config").toString(), "--pkglibdir")).map(Path::of)
        .orElse(binDir.resolveSibling("lib"));
    return Files.isRegularFile(libDir.resolve("citus.so"))
        ? Optional.of(new CitusInstallation(binDir, libDir)) : Optional.empty();
  }

  /** {@code <root>/<major>/bin} for every major under Debian's {@code /usr/lib/postgresql}, newest first. */
  static List<Path> debianBinDirs(Path root) {
    if (!Files.isDirectory(root)) {
      return List.of();
    }
    try (Stream<Path> majors = Files.list(root)) {
      return majors.filter(p -> p.getFileName().toString().matches("\\d+"))
          .sorted(Comparator.comparingInt((Path p) -> Integer.parseInt(p.getFileName().toString())).reversed())
          .map(p -> p.resolve("bin"))
          .toList();
    } catch (IOException e) {
      return List.of();
    }
  }

  /** The first output line of a short command, empty when it cannot run, fails or prints nothing. */
  private static Optional<String> run(List<String> command) {
    try {
      return Command.run(command, 30).lines().findFirst().filter(line -> !line.isBlank());
    } catch (IllegalStateException e) {
      return Optional.empty();
    }
  }
}
