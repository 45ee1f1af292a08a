package io.ashpg.migration.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import org.assertj.core.api.ThrowableAssert.ThrowingCallable;

/** The public migration API reports a failed run by throwing: this catches it and hands back the failed result. */
public final class FailedRun {

  private FailedRun() {
  }

  /**
   * Runs {@code run}, which must throw a {@link MigrationException} for a run that started and failed.
   *
   * @return the exception's result, with its failures
   */
  public static MigrationResult of(ThrowingCallable run) {
    MigrationException e = catchThrowableOfType(MigrationException.class, run);
    assertThat(e).as("a failed run throws a MigrationException").isNotNull();
    assertThat(e.result()).as("the exception of a failed run holds its result").isNotNull();
    assertThat(e.result().succeeded()).isFalse();
    e.result().failures().forEach(f -> assertThat(e.getMessage()).contains(f.schema()));
    return e.result();
  }
}
