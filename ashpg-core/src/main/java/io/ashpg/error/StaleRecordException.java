package io.ashpg.error;

/**
 * An update or destroy of one record matched no row: the record is gone, or the changeset's filter (optimistic
 * lock) or the resource's base filter no longer holds.
 */
public final class StaleRecordException extends AshPgException {
  private static final long serialVersionUID = 1L;

  private final String resource;

  public StaleRecordException(String resource, String detail) {
    super("stale record of resource " + resource + ": " + detail, null, null);
    this.resource = resource;
  }

  /** The resource. */
  public String resource() {
    return resource;
  }
}
