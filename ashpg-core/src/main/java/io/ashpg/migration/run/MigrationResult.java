package io.ashpg.migration.run;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The result of a migrate or rollback run. A method of the public migration API returns one only for a run that
 * succeeded; a run with failures is thrown as a {@link MigrationException}, whose {@link MigrationException#result()}
 * is the failed result: {@link #failures()} non-empty, {@link #schemas()} saying what ran everywhere else.
 *
 * @param direction up or down
 * @param schemas one outcome per schema or tenant looked at
 * @param failures what went wrong, empty when the run succeeded
 * @param elapsed wall time of the run
 */
public record MigrationResult(Direction direction, List<SchemaOutcome> schemas, List<MigrationFailure> failures,
    Duration elapsed) {

  public MigrationResult {
    schemas = List.copyOf(schemas);
    failures = List.copyOf(failures);
  }

  /** True when nothing failed. */
  public boolean succeeded() {
    return failures.isEmpty();
  }

  /** Every version that ran, in order, without repeats (for a single schema: exactly what it ran). */
  public List<Long> versions() {
    Set<Long> all = new LinkedHashSet<>();
    schemas.forEach(s -> all.addAll(s.versions()));
    return List.copyOf(all);
  }

  /** Number of schemas where something ran. */
  public long changedSchemas() {
    return schemas.stream().filter(SchemaOutcome::changed).count();
  }

  /**
   * One line counting the schemas: {@code 3 migrated, 1 failed, 96 already up to date} (rollback: {@code 3 rolled
   * back, 1 failed, 96 with nothing to roll back}). A schema that failed counts as failed even when migrations before
   * the failing one were applied.
   */
  public String summary() {
    long failed = schemas.stream().filter(SchemaOutcome::failed).count();
    long changed = schemas.stream().filter(o -> o.changed() && !o.failed()).count();
    long untouched = schemas.size() - failed - changed;
    return direction == Direction.UP
        ? changed + " migrated, " + failed + " failed, " + untouched + " already up to date"
        : changed + " rolled back, " + failed + " failed, " + untouched + " with nothing to roll back";
  }

  /** Returns this result, or throws a {@link MigrationException} describing every failure and holding this result. */
  MigrationResult orThrow() {
    if (succeeded()) {
      return this;
    }
    String what = direction == Direction.UP ? "migration" : "rollback";
    String list = failures.stream().limit(20).map(MigrationFailure::describe)
        .collect(Collectors.joining("\n- ", "\n- ", ""));
    String more = failures.size() > 20 ? "\n… and " + (failures.size() - 20) + " more" : "";
    throw new MigrationException(what + " failed in " + failures.size() + " of " + schemas.size() + " schema(s):"
        + list + more + "\nFix the cause and run again: what succeeded stays applied and is skipped.", null, this);
  }

  /** This result followed by {@code next} (e.g. public migrations, then tenant migrations). */
  public MigrationResult and(MigrationResult next) {
    List<SchemaOutcome> s = new ArrayList<>(schemas);
    s.addAll(next.schemas);
    List<MigrationFailure> f = new ArrayList<>(failures);
    f.addAll(next.failures);
    return new MigrationResult(direction, s, f, elapsed.plus(next.elapsed));
  }
}
