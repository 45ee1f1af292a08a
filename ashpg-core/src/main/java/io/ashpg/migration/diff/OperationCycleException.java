package io.ashpg.migration.diff;

import java.util.List;

/** The operations of a migration depend on each other in a circle, so no order satisfies them all. */
public class OperationCycleException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public OperationCycleException(List<String> stuck) {
    super("cannot order the migration steps, they depend on each other in a cycle: " + stuck
        + "; split the change into two generations (e.g. first add the new columns, then the constraints)");
  }
}
