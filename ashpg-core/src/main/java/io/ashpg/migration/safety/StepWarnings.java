package io.ashpg.migration.safety;

import io.ashpg.migration.ddl.MigrationFile;
import io.ashpg.migration.diff.Operation;
import io.ashpg.migration.diff.Operation.AddCustomStatement;
import io.ashpg.migration.diff.Operation.CreateTable;
import io.ashpg.migration.diff.Operation.RemoveCustomStatement;
import io.ashpg.migration.snapshot.TableKey;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * The zero-downtime warnings of generated migrations: one per step that blocks a table holding data for longer than a
 * moment or breaks the code still running, with its lock, its cost and the safe alternative. Steps on tables created
 * in the same run are left out (they are empty); custom statements are linted as SQL.
 */
public final class StepWarnings {

  private StepWarnings() {
  }

  /**
   * The warnings for {@code files} (one run's files of one repo, public or tenant), each starting with the name
   * {@code name} gives its file.
   */
  public static List<String> of(List<MigrationFile> files, Function<MigrationFile, String> name) {
    Set<TableKey> created = new HashSet<>();
    files.forEach(f -> f.operations().stream().filter(CreateTable.class::isInstance)
        .forEach(op -> created.add(op.table().key())));
    MigrationLinter linter = new MigrationLinter(LintOptions.DEFAULTS.withMigratorLockTimeout(true));
    List<String> out = new ArrayList<>();
    for (MigrationFile f : files) {
      for (Operation op : f.operations()) {
        if (op.table() != null && created.contains(op.table().key())) {
          continue;
        }
        String where = name.apply(f) + ": " + op.describe();
        String sql = op instanceof AddCustomStatement a ? a.statement().up()
            : op instanceof RemoveCustomStatement r ? r.statement().down() : null;
        if (sql != null) {
          for (LintFinding finding : linter.lintStatements(where, sql)) {
            if (finding.severity().atLeast(Severity.WARNING)) {
              out.add(where + ": " + finding.rule().id() + " — " + finding.message() + ". Safe alternative: "
                  + finding.rule().fix());
            }
          }
          continue;
        }
        for (StepKind kind : OperationSteps.of(op)) {
          LintRule rule = LintRule.forStep(kind).orElse(null);
          if (rule != null && rule.severity().atLeast(Severity.WARNING)) {
            out.add(where + ": " + rule.id() + " — " + rule.problem() + "; it " + kind.profile().describe()
                + ". Safe alternative: " + rule.fix());
          }
        }
      }
    }
    return out;
  }
}
