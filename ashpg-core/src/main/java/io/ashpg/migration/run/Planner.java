package io.ashpg.migration.run;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Decides which files a run executes, from the files and the applied versions. Pure: no database. */
final class Planner {

  private Planner() {
  }

  /**
   * The files to apply, oldest first.
   *
   * @throws MigrationException when {@code strictVersionOrder} and a pending file is older than the newest applied
   */
  static List<MigrationFile> up(List<MigrationFile> files, SortedMap<Long, AppliedMigration> applied, Scope scope,
      String schema, boolean strictVersionOrder) {
    List<MigrationFile> pending = files.stream().filter(f -> !applied.containsKey(f.version()))
        .collect(Collectors.toList());
    if (strictVersionOrder && !applied.isEmpty()) {
      long newest = applied.lastKey();
      List<MigrationFile> older = pending.stream().filter(f -> f.version() < newest).collect(Collectors.toList());
      if (!older.isEmpty()) {
        throw new MigrationException("strictVersionOrder: schema \"" + schema + "\" already has version " + newest
            + ", but " + older.stream().map(MigrationFile::location).collect(Collectors.joining(", "))
            + (older.size() == 1 ? " is" : " are") + " older and not applied; give the file a version newer than "
            + newest + " or run without strictVersionOrder");
      }
    }
    if (scope instanceof Scope.Step) {
      int n = ((Scope.Step) scope).count();
      return List.copyOf(pending.subList(0, Math.min(n, pending.size())));
    }
    if (scope instanceof Scope.To) {
      long to = ((Scope.To) scope).version();
      return pending.stream().filter(f -> f.version() <= to).collect(Collectors.toUnmodifiableList());
    }
    if (scope instanceof Scope.Versions chosen) {
      return pending.stream().filter(f -> chosen.versions().contains(f.version()))
          .collect(Collectors.toUnmodifiableList());
    }
    return List.copyOf(pending);
  }

  /** Pending files older than the newest applied version (warned about unless strict). */
  static List<MigrationFile> outOfOrder(List<MigrationFile> plan, SortedMap<Long, AppliedMigration> applied) {
    if (applied.isEmpty()) {
      return List.of();
    }
    long newest = applied.lastKey();
    return plan.stream().filter(f -> f.version() < newest).collect(Collectors.toUnmodifiableList());
  }

  /**
   * The files to roll back, newest first.
   *
   * @throws MigrationException when an applied version to roll back has no file or the file has no down section
   */
  static List<MigrationFile> down(List<MigrationFile> files, SortedMap<Long, AppliedMigration> applied, Scope scope,
      String schema) {
    List<Long> versions = new ArrayList<>(applied.keySet());
    versions.sort(Comparator.reverseOrder());
    List<Long> chosen;
    if (scope instanceof Scope.Step) {
      chosen = versions.subList(0, Math.min(((Scope.Step) scope).count(), versions.size()));
    } else if (scope instanceof Scope.To) {
      long to = ((Scope.To) scope).version();
      chosen = versions.stream().filter(v -> v >= to).collect(Collectors.toList());
    } else if (scope instanceof Scope.Versions picked) {
      chosen = versions.stream().filter(picked.versions()::contains).collect(Collectors.toList());
    } else {
      chosen = versions;
    }
    Map<Long, MigrationFile> byVersion = files.stream()
        .collect(Collectors.toMap(MigrationFile::version, Function.identity()));
    List<MigrationFile> plan = new ArrayList<>();
    for (long v : chosen) {
      MigrationFile f = byVersion.get(v);
      if (f == null) {
        throw new MigrationException("cannot roll back version " + v + " of schema \"" + schema
            + "\": no migration file has that version; restore the file to the migrations path");
      }
      if (!f.reversible()) {
        throw new MigrationException("cannot roll back " + f.location() + " in schema \"" + schema
            + "\": it has no '-- ashpg:down' section; add one with the SQL that undoes the up section");
      }
      plan.add(f);
    }
    return List.copyOf(plan);
  }

  /** Applied files whose checksum changed. Rows without a checksum (written by Ecto) are not compared. */
  static List<ChecksumMismatch> mismatches(List<MigrationFile> files, SortedMap<Long, AppliedMigration> applied,
      String schema) {
    List<ChecksumMismatch> out = new ArrayList<>();
    for (MigrationFile f : files) {
      AppliedMigration a = applied.get(f.version());
      if (a != null && a.checksum() != null && !a.checksum().equals(f.checksum())) {
        out.add(new ChecksumMismatch(schema, f, a.checksum()));
      }
    }
    return List.copyOf(out);
  }

  /** Applied versions with no file. */
  static List<Long> missingFiles(List<MigrationFile> files, SortedMap<Long, AppliedMigration> applied) {
    java.util.Set<Long> known = files.stream().map(MigrationFile::version).collect(Collectors.toSet());
    return applied.keySet().stream().filter(v -> !known.contains(v)).collect(Collectors.toUnmodifiableList());
  }
}
