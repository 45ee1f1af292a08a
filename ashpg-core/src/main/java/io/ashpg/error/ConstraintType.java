package io.ashpg.error;

/** Kinds of constraint violations and their SQLSTATEs. */
public enum ConstraintType {
  /** 23505. */
  UNIQUE("has already been taken"),
  /** 23503 and 23001 (PostgreSQL 18 reports ON DELETE RESTRICT as restrict_violation). */
  FOREIGN_KEY("does not exist"),
  /** 23514. */
  CHECK("is invalid"),
  /** 23502. */
  NOT_NULL("is required"),
  /** 23P01. */
  EXCLUSION("violates an exclusion constraint");

  /** Message of a foreign key violated by deleting (or re-keying) a referenced record. */
  public static final String WOULD_LEAVE_RECORDS_BEHIND = "would leave records behind";

  private final String defaultMessage;

  ConstraintType(String defaultMessage) {
    this.defaultMessage = defaultMessage;
  }

  /** The message used unless the resource declares one. */
  public String defaultMessage() {
    return defaultMessage;
  }

  /** The type of a SQLSTATE, or null when it is not a constraint violation ashpg maps. */
  public static ConstraintType ofSqlState(String sqlState) {
    if (sqlState == null) {
      return null;
    }
    return switch (sqlState) {
      case "23505" -> UNIQUE;
      case "23503", "23001" -> FOREIGN_KEY;
      case "23514" -> CHECK;
      case "23502" -> NOT_NULL;
      case "23P01" -> EXCLUSION;
      default -> null;
    };
  }
}
