package io.ashpg.migration.safety;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * The zero-downtime rules: what the linter reports in migration files and {@code generate-migrations} warns about.
 * Each has an id ({@code ashpg:<name>}, also what {@code -- ashpg:lint-ignore <name>} names), a severity, the step
 * kind it is about (null for rules about a file rather than a step) and the safe way to do the same.
 */
public enum LintRule {

  ADD_FOREIGN_KEY_VALIDATING("add-foreign-key-validating", Severity.WARNING, StepKind.ADD_FOREIGN_KEY,
      "adding a foreign key checks every existing row while writes to both tables wait",
      "add it NOT VALID (ALTER TABLE … ADD CONSTRAINT … FOREIGN KEY … NOT VALID), then in a later migration"
          + " ALTER TABLE … VALIDATE CONSTRAINT …, which lets reads and writes go on"),
  ADD_CHECK_VALIDATING("add-check-validating", Severity.WARNING, StepKind.ADD_CHECK,
      "adding a CHECK constraint checks every existing row while reads and writes wait",
      "add it NOT VALID, then in a later migration ALTER TABLE … VALIDATE CONSTRAINT …, which lets reads and"
          + " writes go on"),
  SET_NOT_NULL_SCAN("set-not-null-scan", Severity.WARNING, StepKind.SET_NOT_NULL,
      "SET NOT NULL scans the whole table while reads and writes wait",
      "add CHECK (col IS NOT NULL) NOT VALID, VALIDATE CONSTRAINT it in a later migration, then SET NOT NULL (the"
          + " valid check makes PostgreSQL skip the scan) and drop the check; on PostgreSQL 18 ADD CONSTRAINT … NOT"
          + " NULL col NOT VALID, then VALIDATE CONSTRAINT, does the same"),
  CREATE_INDEX_NON_CONCURRENT("create-index-non-concurrent", Severity.WARNING, StepKind.CREATE_INDEX,
      "CREATE INDEX blocks writes to the table for the whole build",
      "CREATE INDEX CONCURRENTLY IF NOT EXISTS … in a migration of its own starting with -- ashpg:no-transaction"
          + " (generate-migrations -Dashpg.concurrentIndexes writes identity indexes so)"),
  DROP_INDEX_NON_CONCURRENT("drop-index-non-concurrent", Severity.INFO, StepKind.DROP_INDEX,
      "DROP INDEX takes ACCESS EXCLUSIVE on the table; brief, but every query queues behind it while it waits",
      "DROP INDEX CONCURRENTLY IF EXISTS … in a -- ashpg:no-transaction migration, or keep it short with a lock"
          + " timeout"),
  ADD_COLUMN_VOLATILE_DEFAULT("add-column-volatile-default", Severity.WARNING, StepKind.ADD_COLUMN_VOLATILE_DEFAULT,
      "a column added with a volatile default (or a serial, identity or stored generated column) rewrites the"
          + " whole table while reads and writes wait",
      "add the column without a default (or with a constant one), SET DEFAULT for new rows, backfill existing rows"
          + " in batches in later migrations or a job, then add the constraints"),
  COLUMN_TYPE_REWRITE("column-type-rewrite", Severity.WARNING, StepKind.ALTER_COLUMN_TYPE,
      "changing a column's type rewrites the table and its indexes while reads and writes wait (unless the old"
          + " type is binary coercible to the new one, e.g. varchar(n) to text or a longer varchar)",
      "add a column of the new type, write both from the application, backfill in batches, switch reads, then drop"
          + " the old column (expand–contract)"),
  RENAME_COLUMN("rename-column", Severity.WARNING, StepKind.RENAME_COLUMN,
      "code still running (the previous deploy) uses the old column name and fails once the rename commits",
      "expand–contract: add the new column, write both, backfill, read the new one, then drop the old one; or"
          + " deploy code that does not use the column first"),
  RENAME_TABLE("rename-table", Severity.WARNING, StepKind.RENAME_TABLE,
      "code still running (the previous deploy) uses the old table name (or schema) and fails once this commits",
      "expand–contract: create the new table (or a view with the old name over the renamed one), move code over,"
          + " then drop the old name"),
  DROP_COLUMN("drop-column", Severity.WARNING, StepKind.DROP_COLUMN,
      "code still running (the previous deploy) may select or insert the column and fails once it is gone",
      "deploy code that no longer uses the column first (and does not select it by *), then drop it in a later"
          + " migration"),
  DROP_TABLE("drop-table", Severity.WARNING, StepKind.DROP_TABLE,
      "code still running (the previous deploy) may use the table, and its rows are gone for good",
      "deploy code that no longer uses the table first, keep a backup, then drop it in a later migration"),
  CONSTRAINT_INDEX_BUILD("constraint-index-build", Severity.WARNING, StepKind.ADD_PRIMARY_KEY,
      "ADD PRIMARY KEY / UNIQUE builds its index while reads and writes wait",
      "CREATE UNIQUE INDEX CONCURRENTLY … in a -- ashpg:no-transaction migration, then ALTER TABLE … ADD CONSTRAINT …"
          + " PRIMARY KEY (or UNIQUE) USING INDEX …"),
  CITUS_PLACEMENT("citus-placement-blocks-writes", Severity.WARNING, StepKind.CITUS_PLACEMENT,
      "create_distributed_table / undistribute_table copy every row while writes to the table wait",
      "on a table holding data use create_distributed_table_concurrently (Citus 11.1+), or place the table while"
          + " it is still empty"),
  CONCURRENT_IN_TRANSACTION("concurrently-in-transaction", Severity.ERROR, null,
      "CREATE/DROP INDEX CONCURRENTLY cannot run inside a transaction block, and this file runs in one",
      "move the statement into a migration of its own that starts with -- ashpg:no-transaction"),
  MISSING_LOCK_TIMEOUT("missing-lock-timeout", Severity.INFO, null,
      "the file takes ACCESS EXCLUSIVE locks without setting lock_timeout; waiting for one queues every later query"
          + " on the table behind it",
      "start the file with SET lock_timeout = '5s' (SET LOCAL in a transactional file) so a blocked step fails fast"
          + " and can be retried (see safe-mode.md for the migrator's own lock timeout)");

  /** Prefix of every rule id. */
  public static final String PREFIX = "ashpg:";

  private final String name;
  private final Severity severity;
  private final StepKind step;
  private final String problem;
  private final String fix;

  LintRule(String name, Severity severity, StepKind step, String problem, String fix) {
    this.name = name;
    this.severity = severity;
    this.step = step;
    this.problem = problem;
    this.fix = fix;
  }

  /** The id, e.g. {@code ashpg:set-not-null-scan}. */
  public String id() {
    return PREFIX + name;
  }

  /** The id without its prefix, e.g. {@code set-not-null-scan}. */
  public String shortName() {
    return name;
  }

  public Severity severity() {
    return severity;
  }

  /** The step kind the rule is about; null for rules about a whole file. */
  public StepKind step() {
    return step;
  }

  /** What goes wrong on a live table. */
  public String problem() {
    return problem;
  }

  /** The safe way to do the same. */
  public String fix() {
    return fix;
  }

  /** The rule about steps of {@code kind}, if any. */
  public static Optional<LintRule> forStep(StepKind kind) {
    if (kind == StepKind.SET_SCHEMA) {
      return Optional.of(RENAME_TABLE); // moving a table breaks running code the way renaming it does
    }
    return Arrays.stream(values()).filter(r -> r.step == kind).findFirst();
  }

  /** The rule named {@code name}, with or without the {@code ashpg:} prefix (any case). */
  public static Optional<LintRule> named(String name) {
    String n = name.trim().toLowerCase(Locale.ROOT);
    String bare = n.startsWith(PREFIX) ? n.substring(PREFIX.length()) : n;
    return Arrays.stream(values()).filter(r -> r.name.equals(bare)).findFirst();
  }

  /** Every rule's short name, comma-separated, for messages about a name that is none. */
  public static String names() {
    return Arrays.stream(values()).map(LintRule::shortName).collect(java.util.stream.Collectors.joining(", "));
  }

  @Override
  public String toString() {
    return id();
  }
}
