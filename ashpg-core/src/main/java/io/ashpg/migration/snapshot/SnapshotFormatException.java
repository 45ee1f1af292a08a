package io.ashpg.migration.snapshot;

/**
 * A snapshot file that cannot be read: malformed or truncated JSON, a value of the wrong type, or a
 * {@code format_version} newer than this ashpg understands. The message names the file.
 */
public class SnapshotFormatException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public SnapshotFormatException(String message) {
    super(message);
  }

  public SnapshotFormatException(String message, Throwable cause) {
    super(message, cause);
  }
}
