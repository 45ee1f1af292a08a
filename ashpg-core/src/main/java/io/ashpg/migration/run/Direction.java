package io.ashpg.migration.run;

/** Whether a run applies ({@link #UP}) or rolls back ({@link #DOWN}) migrations. */
public enum Direction {
  UP,
  DOWN
}
