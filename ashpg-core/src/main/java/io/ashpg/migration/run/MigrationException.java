package io.ashpg.migration.run;

/**
 * A migration could not be run as asked: a bad migration file, a refused plan (checksum mismatch, strict version
 * order), a lock that could not be taken, an unreachable database, or a run that ended with failures. The message
 * names the file, schema or tenant concerned and says how to fix it. The only way the public migration API reports
 * failure (see the {@linkplain io.ashpg.migration.run package}); {@link #result()} tells a failed run (what ran,
 * what failed) from a run that never started.
 */
public class MigrationException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final transient MigrationResult result;

  /** An error detected before or outside a run. */
  public MigrationException(String message) {
    this(message, null, null);
  }

  /** An error detected before or outside a run, caused by {@code cause}. */
  public MigrationException(String message, Throwable cause) {
    this(message, cause, null);
  }

  /** A run that finished with failures; {@link #result()} holds what was done and what failed. */
  public MigrationException(String message, Throwable cause, MigrationResult result) {
    super(message, cause);
    this.result = result;
  }

  /** The result of the failed run, or null when the error happened before anything ran. */
  public MigrationResult result() {
    return result;
  }
}
