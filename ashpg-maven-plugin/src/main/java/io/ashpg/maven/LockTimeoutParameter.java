package io.ashpg.maven;

import io.ashpg.migration.run.LockTimeoutValue;
import java.time.Duration;
import java.util.Optional;
import org.apache.maven.plugin.MojoFailureException;

/** {@code -Dashpg.lockTimeout}, read the same way by the goals that migrate and by {@code ashpg:lint}. */
final class LockTimeoutParameter {

  private LockTimeoutParameter() {
  }

  /**
   * The lock timeout {@code value} gives, empty when it is not set (the migrator's default applies).
   *
   * @throws MojoFailureException naming the property and what it accepts, when {@code value} is malformed
   */
  static Optional<Duration> parse(String value) throws MojoFailureException {
    if (value == null || value.isBlank()) {
      return Optional.empty();
    }
    try {
      return Optional.of(LockTimeoutValue.parse(value));
    } catch (IllegalArgumentException e) {
      throw new MojoFailureException("ashpg: ashpg.lockTimeout: " + e.getMessage());
    }
  }
}
