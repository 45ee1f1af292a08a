package io.ashpg.migration.generate;

import java.nio.file.Path;
import java.util.List;

/**
 * Outcome of a generation run.
 *
 * @param files          migration and snapshot files written (or, in dry-run and check mode, that would be)
 * @param deletedSnapshotDirs snapshot folders of dropped, renamed or moved tables (deleted unless dry-run/check)
 * @param pending        pending changes per table (filled in every mode)
 * @param destructive    whether a migration drops a table or a column: callers should warn
 * @param commentedSteps whether a migration contains steps written commented out, for manual review
 * @param written        whether anything was written to disk
 * @param message        a one-line summary ("No changes detected", "2 migration file(s) generated", …)
 * @param warnings       what the resources ask for but the migrations cannot express (e.g. Java-computed defaults),
 *                       and one zero-downtime warning per risky step of the migrations (its rule id, lock, cost and
 *                       safe alternative; see {@link io.ashpg.migration.safety.StepWarnings})
 * @param deletedDevFiles dev migrations and dev snapshots a normal run squashed: rolled back where applied, then
 *                       deleted (in dry-run mode: that would be; in check mode: that are still there)
 */
public record GenerationResult(
    List<GeneratedFile> files,
    List<Path> deletedSnapshotDirs,
    List<PendingChange> pending,
    boolean destructive,
    boolean commentedSteps,
    boolean written,
    String message,
    List<String> warnings,
    List<Path> deletedDevFiles) {

  /** The message when snapshots and resources agree. */
  public static final String NO_CHANGES = "No changes detected";

  public GenerationResult {
    files = List.copyOf(files);
    deletedSnapshotDirs = List.copyOf(deletedSnapshotDirs);
    pending = List.copyOf(pending);
    warnings = warnings == null ? List.of() : List.copyOf(warnings);
    deletedDevFiles = deletedDevFiles == null ? List.of() : List.copyOf(deletedDevFiles);
  }

  /** A result without warnings and dev files. */
  public GenerationResult(List<GeneratedFile> files, List<Path> deletedSnapshotDirs, List<PendingChange> pending,
      boolean destructive, boolean commentedSteps, boolean written, String message) {
    this(files, deletedSnapshotDirs, pending, destructive, commentedSteps, written, message, List.of(), List.of());
  }

  /** This result with {@code more} warnings added. */
  public GenerationResult withWarnings(List<String> more) {
    List<String> all = new java.util.ArrayList<>(warnings);
    all.addAll(more);
    return new GenerationResult(files, deletedSnapshotDirs, pending, destructive, commentedSteps, written, message,
        all, deletedDevFiles);
  }

  /** Whether nothing differs. */
  public boolean noChanges() {
    return pending.isEmpty();
  }

  /** The migration files (public and tenant) among {@link #files()}. */
  public List<GeneratedFile> migrations() {
    return files.stream().filter(f -> f.kind() == GeneratedFile.Kind.MIGRATION
        || f.kind() == GeneratedFile.Kind.TENANT_MIGRATION).toList();
  }
}
