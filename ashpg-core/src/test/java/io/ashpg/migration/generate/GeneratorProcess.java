package io.ashpg.migration.generate;

import static io.ashpg.migration.Snap.REPO;
import static io.ashpg.migration.Snap.col;
import static io.ashpg.migration.Snap.table;
import static io.ashpg.migration.Snap.uuidPk;

import io.ashpg.migration.diff.RenameDecider;
import io.ashpg.migration.snapshot.TableKey;
import io.ashpg.migration.snapshot.VersionClock;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A generator in its own JVM, for {@link ConcurrentGenerationTest}:
 * {@code GeneratorProcess <project> <meeting-dir> <id> <clock-instant>}. It generates {@code posts(id, body)}
 * (the stored snapshot has {@code title} instead, so the diff asks whether {@code body} was renamed). It starts
 * generating only when every process is ready, and while asked about the rename it waits a few seconds for another
 * process to be asked too: two unlocked generators are then both inside the diff at once. Prints the result message
 * and exits 0, or prints the error and exits 3.
 */
public final class GeneratorProcess {

  static final String READY = ".ready";
  static final String ASKED = ".asked";

  private GeneratorProcess() {
  }

  public static void main(String[] args) {
    try {
      Path project = Path.of(args[0]);
      Path meeting = Path.of(args[1]);
      String id = args[2];
      Files.createFile(meeting.resolve(id + READY));
      awaitOther(meeting, id, READY, 60_000);
      VersionClock clock = new VersionClock(Clock.fixed(Instant.parse(args[3]), ZoneOffset.UTC));
      GenerationResult result = new MigrationGenerator(clock).generate(
          List.of(new RepoSnapshots(REPO, List.of(table("posts", uuidPk("id"), col("body", "text"))), null)),
          GeneratorOptions.defaults(project).withQuiet(true), meetingDecider(meeting, id));
      System.out.println("result: " + result.message());
      System.out.flush();
      System.exit(0);
    } catch (Exception e) {
      e.printStackTrace(System.out);
      System.out.flush();
      System.exit(3);
    }
  }

  /** Answers "really new" to every question, after waiting up to 5 s for another process to be asked as well. */
  private static RenameDecider meetingDecider(Path meeting, String id) {
    return new RenameDecider() {
      @Override
      public Optional<String> renamedFrom(TableKey table, String newColumn, List<String> candidates) {
        try {
          Files.createFile(meeting.resolve(id + ASKED));
          awaitOther(meeting, id, ASKED, 5_000);
        } catch (IOException e) {
          throw new IllegalStateException(e);
        }
        return Optional.empty();
      }

      @Override
      public Optional<TableKey> tableRenamedFrom(TableKey newTable, List<TableKey> candidates) {
        return Optional.empty();
      }

      @Override
      public boolean confirmDrop(TableKey table) {
        return true;
      }
    };
  }

  /** Waits until a process other than {@code id} left a {@code suffix} file, or {@code millis} passed. */
  private static void awaitOther(Path meeting, String id, String suffix, long millis) throws IOException {
    long deadline = System.currentTimeMillis() + millis;
    while (System.currentTimeMillis() < deadline) {
      try (Stream<Path> files = Files.list(meeting)) {
        if (files.map(p -> p.getFileName().toString())
            .anyMatch(n -> n.endsWith(suffix) && !n.equals(id + suffix))) {
          return;
        }
      }
      try {
        Thread.sleep(20);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }
}
