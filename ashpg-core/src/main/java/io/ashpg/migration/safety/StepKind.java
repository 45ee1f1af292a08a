package io.ashpg.migration.safety;

import static io.ashpg.migration.safety.LockMode.ACCESS_EXCLUSIVE;
import static io.ashpg.migration.safety.LockMode.ACCESS_SHARE;
import static io.ashpg.migration.safety.LockMode.ROW_SHARE;
import static io.ashpg.migration.safety.LockMode.SHARE;
import static io.ashpg.migration.safety.LockMode.SHARE_ROW_EXCLUSIVE;
import static io.ashpg.migration.safety.LockMode.SHARE_UPDATE_EXCLUSIVE;
import static io.ashpg.migration.safety.TableEffect.NONE;
import static io.ashpg.migration.safety.TableEffect.REWRITE;
import static io.ashpg.migration.safety.TableEffect.SCAN;

/**
 * Every kind of DDL step ashpg generates (see {@link io.ashpg.migration.ddl.DdlRenderer}) or its linter recognises
 * in hand-written SQL, with its {@link LockProfile}. The sources are PostgreSQL's documentation pages, the same on
 * 15–18 unless a profile says otherwise:
 * <ul>
 *   <li>ALTER TABLE, "Description" and "Notes": https://www.postgresql.org/docs/current/sql-altertable.html — "An
 *       ACCESS EXCLUSIVE lock is acquired unless explicitly noted";</li>
 *   <li>CREATE INDEX, "Building Indexes Concurrently": https://www.postgresql.org/docs/current/sql-createindex.html;</li>
 *   <li>DROP INDEX: https://www.postgresql.org/docs/current/sql-dropindex.html;</li>
 *   <li>ALTER INDEX: https://www.postgresql.org/docs/current/sql-alterindex.html;</li>
 *   <li>explicit locking, "Table-Level Locks": https://www.postgresql.org/docs/current/explicit-locking.html.</li>
 * </ul>
 * {@code LockProfileTest} checks the main kinds against {@code pg_locks} on a real server.
 */
public enum StepKind {

  /** CREATE TABLE: the new table is empty and nobody else can see it until commit. */
  CREATE_TABLE("create table", LockProfile.of(ACCESS_EXCLUSIVE, NONE,
      "CREATE TABLE (a new relation, locked by its creator until commit)")),
  /**
   * CREATE TABLE with a foreign key: CREATE TABLE's "REFERENCES" states that adding a foreign key takes SHARE ROW
   * EXCLUSIVE on the referenced table; the new table is empty, so nothing is checked.
   */
  CREATE_TABLE_REFERENCING("create table with a foreign key", new LockProfile(ACCESS_EXCLUSIVE, SHARE_ROW_EXCLUSIVE,
      NONE, PgVersions.ALL, "CREATE TABLE, REFERENCES: SHARE ROW EXCLUSIVE on the referenced table")),
  /**
   * DROP TABLE: ACCESS EXCLUSIVE (explicit locking, ACCESS EXCLUSIVE: "DROP TABLE"); a foreign key of the table drops
   * its triggers on the referenced table, which takes ACCESS EXCLUSIVE there too.
   */
  DROP_TABLE("drop table", new LockProfile(ACCESS_EXCLUSIVE, ACCESS_EXCLUSIVE, NONE, PgVersions.ALL,
      "explicit locking, ACCESS EXCLUSIVE: acquired by DROP TABLE")),
  /** ALTER TABLE … RENAME TO: a catalog change under ACCESS EXCLUSIVE; running code still uses the old name. */
  RENAME_TABLE("rename table", LockProfile.of(ACCESS_EXCLUSIVE, NONE, "ALTER TABLE, RENAME")),
  /** ALTER TABLE … SET SCHEMA: a catalog change under ACCESS EXCLUSIVE; running code still uses the old name. */
  SET_SCHEMA("move table to another schema", LockProfile.of(ACCESS_EXCLUSIVE, NONE, "ALTER TABLE, SET SCHEMA")),
  /**
   * ADD COLUMN with no default or a non-volatile one: ALTER TABLE notes, "When a column is added with ADD COLUMN and a
   * non-volatile DEFAULT is specified, the default is evaluated at the time of the statement and the result stored in
   * the table's metadata", so no rewrite (PostgreSQL 11 and later).
   */
  ADD_COLUMN("add column", LockProfile.of(ACCESS_EXCLUSIVE, NONE, "ALTER TABLE notes, ADD COLUMN")),
  /**
   * ADD COLUMN with a volatile default (random(), clock_timestamp(), gen_random_uuid(), nextval(…)) or a stored
   * generated column: ALTER TABLE notes, "Adding a column with a volatile DEFAULT or changing the type of an existing
   * column will require the entire table and its indexes to be rewritten."
   */
  ADD_COLUMN_VOLATILE_DEFAULT("add column with a volatile default", LockProfile.of(ACCESS_EXCLUSIVE, REWRITE,
      "ALTER TABLE notes, volatile DEFAULT")),
  /**
   * ALTER COLUMN … TYPE: ALTER TABLE notes, "changing the type of an existing column will require the entire table
   * and its indexes to be rewritten", unless the old type is binary coercible to the new one and USING does not
   * change the value ({@link #ALTER_COLUMN_TYPE_NO_REWRITE}).
   */
  ALTER_COLUMN_TYPE("change column type", LockProfile.of(ACCESS_EXCLUSIVE, REWRITE,
      "ALTER TABLE notes, SET DATA TYPE")),
  /**
   * ALTER COLUMN … TYPE to a type the old one is binary coercible to (varchar(n) to text, a longer varchar): ALTER
   * TABLE notes, "a table rewrite is not needed"; indexes on the column may still be rebuilt.
   */
  ALTER_COLUMN_TYPE_NO_REWRITE("change column type (binary coercible)", LockProfile.of(ACCESS_EXCLUSIVE, NONE,
      "ALTER TABLE notes, binary coercible SET DATA TYPE")),
  /** ALTER COLUMN … SET DEFAULT / DROP DEFAULT: affects later INSERTs only. */
  CHANGE_DEFAULT("change column default", LockProfile.of(ACCESS_EXCLUSIVE, NONE,
      "ALTER TABLE, SET/DROP DEFAULT (\"do not affect any existing rows\")")),
  /**
   * ALTER COLUMN … SET NOT NULL: ALTER TABLE, "SET NOT NULL may only be applied to a column provided none of the
   * records in the table contain a NULL value for the column. Ordinarily this is checked during the ALTER TABLE by
   * scanning the entire table; however, if a valid CHECK constraint exists (and is not dropped in the same command)
   * which proves no NULL can exist, then the table scan is skipped."
   */
  SET_NOT_NULL("set not null", LockProfile.of(ACCESS_EXCLUSIVE, SCAN, "ALTER TABLE, SET/DROP NOT NULL")),
  /** SET NOT NULL where a valid {@code CHECK (col IS NOT NULL)} proves it: the scan is skipped (see above). */
  SET_NOT_NULL_PROVEN("set not null (proven by a valid check)", LockProfile.of(ACCESS_EXCLUSIVE, NONE,
      "ALTER TABLE, SET/DROP NOT NULL: scan skipped with a valid CHECK constraint")),
  /**
   * ADD CONSTRAINT … NOT NULL col NOT VALID, new in PostgreSQL 18 (ALTER TABLE, ADD table_constraint: "NOT VALID …
   * is currently only allowed for foreign key, CHECK, and not-null constraints"); validated later like a CHECK.
   */
  ADD_NOT_NULL_NOT_VALID("add not-null constraint NOT VALID", new LockProfile(ACCESS_EXCLUSIVE, null, NONE,
      PgVersions.since(18), "ALTER TABLE (PostgreSQL 18), ADD table_constraint … NOT VALID")),
  /** ALTER COLUMN … DROP NOT NULL: a catalog change. */
  DROP_NOT_NULL("drop not null", LockProfile.of(ACCESS_EXCLUSIVE, NONE, "ALTER TABLE, SET/DROP NOT NULL")),
  /** ADD GENERATED … AS IDENTITY / DROP IDENTITY: the column's sequence changes, not its rows. */
  CHANGE_IDENTITY("change identity", LockProfile.of(ACCESS_EXCLUSIVE, NONE,
      "ALTER TABLE, ADD GENERATED … AS IDENTITY / DROP IDENTITY")),
  /** CREATE SEQUENCE … OWNED BY / DROP SEQUENCE of a serial column: the sequence is its own relation. */
  SEQUENCE("create or drop a sequence", LockProfile.of(null, NONE, "CREATE SEQUENCE / DROP SEQUENCE")),
  /**
   * {@code SELECT setval(…, max(col) …) FROM t}: a read of the table (explicit locking, ACCESS SHARE: "the SELECT
   * command acquires a lock of this mode"), a whole scan unless an index on the column gives the maximum.
   */
  SEQUENCE_PAST_MAX("move a sequence past the largest value", LockProfile.of(ACCESS_SHARE, SCAN,
      "explicit locking, ACCESS SHARE: SELECT")),
  /** ALTER TABLE … RENAME COLUMN: a catalog change; running code still uses the old name. */
  RENAME_COLUMN("rename column", LockProfile.of(ACCESS_EXCLUSIVE, NONE, "ALTER TABLE, RENAME")),
  /**
   * DROP COLUMN: ALTER TABLE notes, "The DROP COLUMN form does not physically remove the column, but simply makes it
   * invisible to SQL operations"; running code selecting it fails.
   */
  DROP_COLUMN("drop column", LockProfile.of(ACCESS_EXCLUSIVE, NONE, "ALTER TABLE notes, DROP COLUMN")),
  /**
   * ADD PRIMARY KEY / ADD UNIQUE (without USING INDEX): builds the unique index, and for a primary key checks the
   * columns for NULLs, under ACCESS EXCLUSIVE (ALTER TABLE, ADD table_constraint: "most forms of ADD table_constraint
   * require an ACCESS EXCLUSIVE lock").
   */
  ADD_PRIMARY_KEY("add primary key or unique constraint", LockProfile.of(ACCESS_EXCLUSIVE, SCAN,
      "ALTER TABLE, ADD table_constraint")),
  /**
   * ADD CONSTRAINT … PRIMARY KEY / UNIQUE USING INDEX: ALTER TABLE, ADD table_constraint_using_index, "the index
   * build is avoided" (an index built CONCURRENTLY before); a primary key's columns must already be NOT NULL.
   */
  ADD_CONSTRAINT_USING_INDEX("add constraint using an existing index", LockProfile.of(ACCESS_EXCLUSIVE, NONE,
      "ALTER TABLE, ADD table_constraint_using_index")),
  /** DROP CONSTRAINT of a primary key, unique or check constraint: a catalog change. */
  DROP_CONSTRAINT("drop constraint", LockProfile.of(ACCESS_EXCLUSIVE, NONE, "ALTER TABLE, DROP CONSTRAINT")),
  /**
   * ADD FOREIGN KEY: ALTER TABLE notes, "ADD FOREIGN KEY requires only a SHARE ROW EXCLUSIVE lock … also acquires a
   * SHARE ROW EXCLUSIVE lock on the referenced table"; the existing rows are checked (a scan) unless NOT VALID.
   */
  ADD_FOREIGN_KEY("add foreign key", new LockProfile(SHARE_ROW_EXCLUSIVE, SHARE_ROW_EXCLUSIVE, SCAN,
      PgVersions.ALL, "ALTER TABLE notes, ADD FOREIGN KEY")),
  /** ADD FOREIGN KEY … NOT VALID: the same locks, but existing rows are not checked. */
  ADD_FOREIGN_KEY_NOT_VALID("add foreign key NOT VALID", new LockProfile(SHARE_ROW_EXCLUSIVE, SHARE_ROW_EXCLUSIVE,
      NONE, PgVersions.ALL, "ALTER TABLE, ADD table_constraint … NOT VALID")),
  /**
   * VALIDATE CONSTRAINT of a foreign key: ALTER TABLE, VALIDATE CONSTRAINT, "Validation acquires only a SHARE UPDATE
   * EXCLUSIVE lock on the table being altered. (If the constraint is a foreign key then a ROW SHARE lock is also
   * required on the table referenced by the constraint.)"
   */
  VALIDATE_FOREIGN_KEY("validate foreign key", new LockProfile(SHARE_UPDATE_EXCLUSIVE, ROW_SHARE, SCAN,
      PgVersions.ALL, "ALTER TABLE, VALIDATE CONSTRAINT")),
  /** VALIDATE CONSTRAINT of a CHECK (or, on 18, not-null) constraint: SHARE UPDATE EXCLUSIVE, a scan. */
  VALIDATE_CHECK("validate check constraint", LockProfile.of(SHARE_UPDATE_EXCLUSIVE, SCAN,
      "ALTER TABLE, VALIDATE CONSTRAINT")),
  /**
   * DROP CONSTRAINT of a foreign key: ACCESS EXCLUSIVE on the table, and, as it drops the constraint's triggers on the
   * referenced table, ACCESS EXCLUSIVE there too (DROP TRIGGER takes ACCESS EXCLUSIVE; ALTER TABLE: "An ACCESS
   * EXCLUSIVE lock is acquired unless explicitly noted").
   */
  DROP_FOREIGN_KEY("drop foreign key", new LockProfile(ACCESS_EXCLUSIVE, ACCESS_EXCLUSIVE, NONE, PgVersions.ALL,
      "ALTER TABLE, DROP CONSTRAINT")),
  /**
   * ALTER CONSTRAINT … [NOT] DEFERRABLE of a foreign key: a catalog change under ACCESS EXCLUSIVE on the table ("unless
   * explicitly noted"); the referenced table is not locked.
   */
  ALTER_CONSTRAINT("alter constraint deferrability", LockProfile.of(ACCESS_EXCLUSIVE, NONE,
      "ALTER TABLE, ALTER CONSTRAINT")),
  /** ADD CONSTRAINT … CHECK: ACCESS EXCLUSIVE while every row is checked (unless NOT VALID). */
  ADD_CHECK("add check constraint", LockProfile.of(ACCESS_EXCLUSIVE, SCAN, "ALTER TABLE, ADD table_constraint")),
  /** ADD CONSTRAINT … CHECK … NOT VALID: existing rows are not checked; VALIDATE CONSTRAINT does that later. */
  ADD_CHECK_NOT_VALID("add check constraint NOT VALID", LockProfile.of(ACCESS_EXCLUSIVE, NONE,
      "ALTER TABLE, ADD table_constraint … NOT VALID")),
  /**
   * CREATE INDEX: "Creating an index can interfere with regular operation of a database. Normally PostgreSQL locks the
   * table to be indexed against writes and performs the entire index build with a single scan of the table" (CREATE
   * INDEX, Building Indexes Concurrently); the lock is SHARE (explicit locking).
   */
  CREATE_INDEX("create index", LockProfile.of(SHARE, SCAN, "CREATE INDEX, Building Indexes Concurrently")),
  /**
   * CREATE INDEX CONCURRENTLY: SHARE UPDATE EXCLUSIVE (explicit locking), two scans, waits for transactions that could
   * use the index; "cannot be executed inside a transaction block"; a failure leaves an INVALID index behind.
   */
  CREATE_INDEX_CONCURRENTLY("create index concurrently", LockProfile.of(SHARE_UPDATE_EXCLUSIVE, SCAN,
      "CREATE INDEX, Building Indexes Concurrently")),
  /** DROP INDEX: "A normal DROP INDEX acquires an ACCESS EXCLUSIVE lock on the table" (DROP INDEX, CONCURRENTLY). */
  DROP_INDEX("drop index", LockProfile.of(ACCESS_EXCLUSIVE, NONE, "DROP INDEX, CONCURRENTLY")),
  /** DROP INDEX CONCURRENTLY: does not lock out selects, inserts, updates and deletes (DROP INDEX, CONCURRENTLY). */
  DROP_INDEX_CONCURRENTLY("drop index concurrently", LockProfile.of(SHARE_UPDATE_EXCLUSIVE, NONE,
      "DROP INDEX, CONCURRENTLY")),
  /**
   * ALTER INDEX … RENAME: SHARE UPDATE EXCLUSIVE on the index (explicit locking, SHARE UPDATE EXCLUSIVE: "certain
   * ALTER INDEX and ALTER TABLE variants"; ALTER INDEX, RENAME).
   */
  RENAME_INDEX("rename index", LockProfile.of(SHARE_UPDATE_EXCLUSIVE, NONE, "ALTER INDEX, RENAME")),
  /**
   * Citus create_distributed_table / create_reference_table / undistribute_table: they copy every row into (or out
   * of) shards and block writes while they do (Citus documentation, create_distributed_table_concurrently, the
   * alternative that does not). Modelled as SHARE: writes wait, reads go on.
   */
  CITUS_PLACEMENT("change Citus placement", LockProfile.of(SHARE, REWRITE,
      "Citus documentation, create_distributed_table_concurrently")),
  /** CREATE EXTENSION / CREATE FUNCTION: lock no table. */
  NO_TABLE("install an extension or function", LockProfile.of(null, NONE, "CREATE EXTENSION / CREATE FUNCTION")),
  /** A statement the classification cannot see into (custom SQL): linted as SQL text instead. */
  CUSTOM_SQL("custom statement", LockProfile.of(null, NONE, "custom SQL, classified from its text"));

  private final String label;
  private final LockProfile profile;

  StepKind(String label, LockProfile profile) {
    this.label = label;
    this.profile = profile;
  }

  /** What the step does, e.g. "add foreign key". */
  public String label() {
    return label;
  }

  /** Its lock, effect on rows and the versions that holds on. */
  public LockProfile profile() {
    return profile;
  }
}
