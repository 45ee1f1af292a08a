package io.ashpg.resource;

/** When a foreign key is checked. */
public enum Deferrable {
  /** Checked after every statement (default). */
  NOT_DEFERRABLE,
  /** {@code DEFERRABLE INITIALLY IMMEDIATE}: checked per statement unless a transaction defers it. */
  DEFERRABLE,
  /** {@code DEFERRABLE INITIALLY DEFERRED}: checked at commit. */
  INITIALLY_DEFERRED
}
