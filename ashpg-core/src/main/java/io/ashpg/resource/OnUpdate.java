package io.ashpg.resource;

/** What the database does to referencing rows when the referenced key is updated. */
public enum OnUpdate {
  /** Update the referencing columns ({@code ON UPDATE CASCADE}). */
  UPDATE,
  /** Set the referencing columns null. */
  NILIFY,
  /** No action (the database default). */
  NOTHING,
  /** Refuse immediately. */
  RESTRICT
}
