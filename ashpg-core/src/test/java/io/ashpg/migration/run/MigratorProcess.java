package io.ashpg.migration.run;

import java.nio.file.Path;
import java.time.Duration;

/**
 * A migrator in its own JVM, for the multi-process tests:
 * {@code MigratorProcess <url> <user> <password> <dir> <schema> <lockTimeoutSeconds>}. Prints
 * {@code versions=[...]} and exits 0 on success, 2 when a migration failed, 3 on an error.
 */
public final class MigratorProcess {

  private MigratorProcess() {
  }

  public static void main(String[] args) {
    try {
      MigratorOptions options = Db.options(args[4], Path.of(args[3]))
          .lockTimeout(Duration.ofSeconds(Long.parseLong(args[5]))).build();
      MigrationResult r = Migrator.create(args[0], args[1], args[2], options).migrate();
      System.out.println("versions=" + r.versions());
      System.out.flush();
      System.exit(0);
    } catch (MigrationException e) {
      if (e.result() == null) {
        e.printStackTrace(System.out);
        System.out.flush();
        System.exit(3);
      }
      System.out.println("versions=" + e.result().versions());
      e.result().failures().forEach(f -> System.out.println("failure: " + f.describe()));
      System.out.flush();
      System.exit(2);
    } catch (RuntimeException e) {
      e.printStackTrace(System.out);
      System.out.flush();
      System.exit(3);
    }
  }
}
