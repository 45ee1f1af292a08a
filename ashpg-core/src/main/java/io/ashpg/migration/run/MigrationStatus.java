package io.ashpg.migration.run;

import java.util.List;

/**
 * What {@link Migrator#status()} found for one schema.
 *
 * @param schema the schema
 * @param applied every applied version, oldest first
 * @param pending files not applied yet, oldest first
 * @param checksumMismatches applied files changed since
 * @param missingFiles applied versions for which no file exists any more
 */
public record MigrationStatus(String schema, List<AppliedMigration> applied, List<MigrationFile> pending,
    List<ChecksumMismatch> checksumMismatches, List<Long> missingFiles) {

  public MigrationStatus {
    applied = List.copyOf(applied);
    pending = List.copyOf(pending);
    checksumMismatches = List.copyOf(checksumMismatches);
    missingFiles = List.copyOf(missingFiles);
  }

  /** No pending file and no changed file: the schema is at head. */
  public boolean upToDate() {
    return pending.isEmpty() && checksumMismatches.isEmpty();
  }
}
