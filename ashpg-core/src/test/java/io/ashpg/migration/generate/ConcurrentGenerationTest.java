package io.ashpg.migration.generate;

import static io.ashpg.migration.Snap.REPO;
import static io.ashpg.migration.Snap.col;
import static io.ashpg.migration.Snap.table;
import static io.ashpg.migration.Snap.uuidPk;
import static org.assertj.core.api.Assertions.assertThat;

import io.ashpg.migration.GoldenCases;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two generate-migrations at once on one project (an IDE and a shell) must not both write the same change: the
 * second waits for the first and then finds nothing to do.
 */
class ConcurrentGenerationTest {

  @TempDir
  Path project;
  @TempDir
  Path meeting;

  @Test
  void twoGeneratorProcessesWriteTheChangeOnce() throws Exception {
    GeneratorOptions options = GeneratorOptions.defaults(project).withQuiet(true);
    new MigrationGenerator(GoldenCases.fixedClock()).generate(
        List.of(new RepoSnapshots(REPO, List.of(table("posts", uuidPk("id"), col("title", "text"))), null)), options);
    Path migrations = options.migrationDir(REPO);
    assertThat(sqlFiles(migrations)).hasSize(1);

    // different clocks, as two processes started seconds apart: an unlocked pair writes two distinct files
    List<Process> processes = new ArrayList<>();
    List<Path> logs = new ArrayList<>();
    String[] clocks = {"2030-01-01T00:00:00Z", "2030-01-01T01:00:00Z"};
    for (int i = 0; i < 2; i++) {
      Path log = meeting.resolveSibling(meeting.getFileName() + "-generator-" + i + ".log");
      logs.add(log);
      String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
      processes.add(new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
          GeneratorProcess.class.getName(), project.toString(), meeting.toString(), "g" + i, clocks[i])
          .redirectErrorStream(true).redirectOutput(log.toFile()).start());
    }
    List<String> outputs = new ArrayList<>();
    try {
      for (int i = 0; i < 2; i++) {
        Process p = processes.get(i);
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).as("generator %d finished", i).isTrue();
        String out = Files.readString(logs.get(i));
        outputs.add(out);
        assertThat(p.exitValue()).as("exit of generator %d, output:\n%s", i, out).isZero();
      }
    } finally {
      processes.forEach(Process::destroyForcibly);
      for (Path log : logs) {
        Files.deleteIfExists(log);
      }
    }

    assertThat(sqlFiles(migrations)).as("migrations after both generators; their output:\n%s", outputs).hasSize(2);
    assertThat(outputs).filteredOn(o -> o.contains("result: " + GenerationResult.NO_CHANGES)).hasSize(1);
    assertThat(outputs).filteredOn(o -> o.contains("result: 1 migration file(s) generated")).hasSize(1);
    assertThat(outputs).filteredOn(o -> o.contains("waiting for another migration generator to finish")).hasSize(1);
  }

  private static List<String> sqlFiles(Path dir) throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".sql")).sorted().toList();
    }
  }
}
