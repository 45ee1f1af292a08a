package io.ashpg.migration.safety;

import io.ashpg.migration.ddl.MigrationFile;
import io.ashpg.migration.ddl.TypeCasts;
import io.ashpg.migration.diff.Operation;
import io.ashpg.migration.diff.Operation.AlterAttribute;
import io.ashpg.migration.diff.Operation.CreateTable;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * The zero-downtime warnings of generated migrations: one per step that blocks a table holding data for longer than a
 * moment or breaks the code still running, with its rule, lock, cost and safe alternative. The files are linted as
 * written ({@link MigrationLinter}, so a step already written in a safe form is not reported), with what the generator
 * knows on top: tables created by the same run (in any of its files) are empty, and a type change is judged with both
 * types known ({@link TypeCasts#rewritesTable(AlterAttribute)}), where the linter alone only sees the new type.
 */
public final class StepWarnings {

  private StepWarnings() {
  }

  /**
   * The warnings for {@code files} (one run's files of one repo, public or tenant), each starting with the name
   * {@code name} gives its file.
   */
  public static List<String> of(List<MigrationFile> files, Function<MigrationFile, String> name) {
    Set<String> created = new HashSet<>();
    files.forEach(f -> f.operations().stream().filter(CreateTable.class::isInstance)
        .forEach(op -> created.add(op.table().table())));
    // the migrator runs generated files with its lock timeout: no missing-lock-timeout noise at generation
    MigrationLinter linter = new MigrationLinter(LintOptions.DEFAULTS.withMigratorLockTimeout(true));
    List<String> out = new ArrayList<>();
    for (MigrationFile f : files) {
      String fileName = f.fileName();
      for (LintFinding finding : linter.lint(new MigrationLinter.Source(name.apply(f), fileName, f.text()))) {
        if (!finding.severity().atLeast(Severity.WARNING)
            || (finding.table() != null && created.contains(finding.table()))) {
          continue;
        }
        String message = finding.message();
        if (finding.rule() == LintRule.COLUMN_TYPE_REWRITE) {
          Optional<AlterAttribute> change = typeChange(f, finding);
          if (change.isPresent() && !TypeCasts.rewritesTable(change.get())) {
            continue; // binary coercible: no rewrite
          }
          if (change.isPresent()) {
            message = change.get().describe() + ": the type change rewrites the table and its indexes while reads and"
                + " writes wait — it " + StepKind.ALTER_COLUMN_TYPE.profile().describe();
          }
        }
        out.add(finding.location() + ":[" + finding.line() + "] " + finding.rule().id() + ": " + message
            + ". Safe alternative: " + finding.rule().fix());
      }
    }
    return out;
  }

  /** The column change of {@code f} the finding is about. */
  private static Optional<AlterAttribute> typeChange(MigrationFile f, LintFinding finding) {
    for (Operation op : f.operations()) {
      if (op instanceof AlterAttribute a && a.table().table().equals(finding.table())
          && a.to().source().equals(finding.column())) {
        return Optional.of(a);
      }
    }
    return Optional.empty();
  }
}
