package io.ashpg.migration.ddl;

import io.ashpg.migration.diff.Operation;
import java.util.List;

/**
 * One rendered migration.
 *
 * @param version       {@code yyyyMMddHHmmss}
 * @param name          name part of the file name
 * @param text          the file's content
 * @param noTransaction whether the file starts with {@code -- ashpg:no-transaction} (concurrent index builds)
 * @param operations    the operations it contains, in order
 */
public record MigrationFile(String version, String name, String text, boolean noTransaction,
    List<Operation> operations) {

  public MigrationFile {
    operations = List.copyOf(operations);
  }

  /** {@code <version>_<name>.sql}. */
  public String fileName() {
    return version + "_" + name + ".sql";
  }

  /** Whether any of its operations loses data. */
  public boolean destructive() {
    return operations.stream().anyMatch(Operation::destructive);
  }
}
