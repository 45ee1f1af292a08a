package io.ashpg.migration.ddl;

import static io.ashpg.migration.run.MigrationUtilities.literal;
import static io.ashpg.sql.Identifier.quote;

import io.ashpg.migration.diff.Operation;
import io.ashpg.migration.diff.Operation.AddAttribute;
import io.ashpg.migration.diff.Operation.AddCheckConstraint;
import io.ashpg.migration.diff.Operation.AddCustomIndex;
import io.ashpg.migration.diff.Operation.AddForeignKey;
import io.ashpg.migration.diff.Operation.AddPrimaryKey;
import io.ashpg.migration.diff.Operation.AddReferenceIndex;
import io.ashpg.migration.diff.Operation.AddUniqueIndex;
import io.ashpg.migration.diff.Operation.AlterAttribute;
import io.ashpg.migration.diff.Operation.CreateTable;
import io.ashpg.migration.safety.DefaultVolatility;
import io.ashpg.migration.snapshot.AttributeSnapshot;
import io.ashpg.migration.snapshot.TableKey;
import io.ashpg.migration.snapshot.TableSnapshot;
import io.ashpg.resource.Names;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The safe-mode forms of one migration's operations: DDL that never holds a lock blocking writes while it scans or
 * rewrites a table holding data (lock levels from "Explicit Locking" and ALTER TABLE, PostgreSQL 15–18
 * documentation). Tables created in the same migration are empty and keep the plain forms.
 *
 * <ul>
 *   <li>A foreign key or check is added {@code NOT VALID} (a short lock, no scan: "the potentially-lengthy initial
 *   check … is skipped") and validated by {@code VALIDATE CONSTRAINT} in the follow-up file, which holds only SHARE
 *   UPDATE EXCLUSIVE on the table (ROW SHARE on a referenced one) while it scans, so writes go on.</li>
 *   <li>{@code SET NOT NULL} scans the table under ACCESS EXCLUSIVE unless a valid {@code CHECK (col IS NOT NULL)}
 *   proves it (PostgreSQL 12 and later skip the scan then). So the check is added {@code NOT VALID}, validated,
 *   then {@code SET NOT NULL} runs without a scan and the check is dropped.</li>
 *   <li>Indexes on existing tables are built {@code CONCURRENTLY}, each after dropping an INVALID leftover of an
 *   earlier failed build of the same name, then checked to be valid.</li>
 *   <li>A column with a volatile default is added without it (no rewrite), gets it as {@code SET DEFAULT} for new
 *   rows, and existing rows are filled a range of pages at a time, each range committed on its own; NOT NULL
 *   follows through the check as above.</li>
 * </ul>
 *
 * The follow-up steps go into a no-transaction file after the migration's others, so the short locks of the first
 * file are released before the long scans start, and each statement commits (or retries) on its own. Every follow-up
 * statement can run again after a failure.
 */
final class SafeForms {

  /**
   * Heap pages one backfill transaction covers (200 kB of table, a few thousand narrow rows): a writer touching one
   * of them waits for that transaction's commit, so it must stay well under the 200 ms a write may stall (100 pages
   * came to 224 ms on a loaded 2-core machine, benchmark 7).
   */
  static final int BACKFILL_PAGES = 25;
  /** Rows per transaction of the backfill's final pass over rows an update moved behind the sweep. */
  static final int BACKFILL_ROWS = 2_500;
  /** The lock timeout of the file of concurrent index builds: none, see {@link #concurrentIndex}. */
  static final String CONCURRENT_LOCK_TIMEOUT = "0";
  /** The down of a validation: a comment, since a validated constraint cannot be made NOT VALID again. */
  private static final String STAYS_VALID = "-- nothing to undo: the constraint stays validated; rolling back the"
      + " migration before this one drops it";

  private final DdlRenderer renderer;
  private final Set<TableKey> created = new HashSet<>();
  /** {@code table.column} of columns a primary key added in this migration covers: ADD PRIMARY KEY sets NOT NULL. */
  private final Set<String> newKeyColumns = new HashSet<>();

  SafeForms(DdlRenderer renderer, List<Operation> ordered) {
    this.renderer = renderer;
    for (Operation op : ordered) {
      if (op instanceof CreateTable c) {
        created.add(c.table().key());
      } else if (op instanceof AddPrimaryKey p) {
        p.columns().forEach(col -> newKeyColumns.add(p.table().key() + "." + col));
      }
    }
  }

  /** Whether {@code op} builds an index concurrently, in the no-transaction file. */
  boolean concurrent(Operation op) {
    if (MigrationWriter.isConcurrent(op)) {
      return true;
    }
    return existing(op) && (op instanceof AddUniqueIndex || op instanceof AddCustomIndex
        || op instanceof AddReferenceIndex);
  }

  /** The statements of {@code op} in the migration (or its concurrent file). */
  List<String> up(Operation op) {
    if (concurrent(op)) {
      return concurrentIndex(op);
    }
    if (!existing(op)) {
      return renderer.up(op);
    }
    if (op instanceof AddForeignKey || op instanceof AddCheckConstraint) {
      return renderer.up(op).stream().map(s -> s + " NOT VALID").toList();
    }
    if (op instanceof AlterAttribute a && becomesNotNull(a)) {
      List<String> out = new ArrayList<>(renderer.up(new AlterAttribute(a.table(), a.from(), nullable(a.to()))));
      out.add(addNotNullCheck(a.table(), a.to().source()));
      return out;
    }
    if (op instanceof AddAttribute a && backfilled(a)) {
      AttributeSnapshot c = a.attribute();
      List<String> out = new ArrayList<>(renderer.up(new AddAttribute(a.table(), nullable(c).withDefault(null))));
      out.add(renderer.alter(a.table()) + "ALTER COLUMN " + quote(c.source()) + " SET DEFAULT " + c.defaultValue());
      // no NOT NULL check yet: even NOT VALID, it would refuse updates of rows the backfill has not reached
      return out;
    }
    return renderer.up(op);
  }

  /** The statements undoing {@link #up}. */
  List<String> down(Operation op) {
    if (concurrent(op)) {
      // the rollback, too, must not block writes while it drops the index
      return renderer.down(op).stream().map(s -> s.replaceFirst("^DROP INDEX (CONCURRENTLY )?",
          "DROP INDEX CONCURRENTLY ")).toList();
    }
    if (existing(op) && op instanceof AlterAttribute a && becomesNotNull(a)) {
      List<String> out = new ArrayList<>();
      out.add(dropNotNullCheck(a.table(), a.to().source()));
      out.addAll(renderer.down(new AlterAttribute(a.table(), a.from(), nullable(a.to()))));
      return out;
    }
    return renderer.down(op); // a backfilled column is dropped with its check; a NOT VALID constraint as any other
  }

  /**
   * What {@code op} leaves for the follow-up file: up statements, and the down statements undoing them (so rolling
   * the follow-up file back returns to the state after the first one). Empty when nothing is left.
   */
  FollowUp followUp(Operation op) {
    if (!existing(op) || concurrent(op)) {
      return FollowUp.NONE;
    }
    if (op instanceof AddForeignKey f) {
      return new FollowUp(List.of(validate(f.table(), f.attribute().references().name())), List.of(STAYS_VALID));
    }
    if (op instanceof AddCheckConstraint c) {
      return new FollowUp(List.of(validate(c.table(), c.constraint().name())), List.of(STAYS_VALID));
    }
    if (op instanceof AlterAttribute a && becomesNotNull(a)) {
      return setNotNull(a.table(), a.to().source(), List.of(), false);
    }
    if (op instanceof AddAttribute a && backfilled(a)) {
      String backfill = backfill(a.table(), a.attribute().source());
      return a.attribute().allowNil() ? new FollowUp(List.of(backfill), List.of())
          : setNotNull(a.table(), a.attribute().source(), List.of(backfill), true);
    }
    return FollowUp.NONE;
  }

  /**
   * Statements a follow-up file runs for one operation.
   *
   * @param up   in order
   * @param down in order, undoing {@code up} back to the state the first file left
   */
  record FollowUp(List<String> up, List<String> down) {
    static final FollowUp NONE = new FollowUp(List.of(), List.of());

    FollowUp {
      up = List.copyOf(up);
      down = List.copyOf(down);
    }

    boolean isEmpty() {
      return up.isEmpty();
    }
  }

  // ---------------------------------------------------------------------------------------------- decisions

  private boolean existing(Operation op) {
    return op.table() != null && !created.contains(op.table().key());
  }

  /**
   * A plain column (not serial or identity, not part of a key) turning NOT NULL: the form through a check. A key
   * column is left alone, ADD PRIMARY KEY checks it anyway.
   */
  private boolean becomesNotNull(AlterAttribute a) {
    return plain(a.from()) && plain(a.to()) && a.from().allowNil() && !a.to().allowNil()
        && !newKeyColumns.contains(a.table().key() + "." + a.to().source());
  }

  /** A new column whose default differs per row, outside a new primary key: added empty and backfilled. */
  private boolean backfilled(AddAttribute a) {
    AttributeSnapshot c = a.attribute();
    return plain(c) && DefaultVolatility.isVolatile(c.defaultValue())
        && !newKeyColumns.contains(a.table().key() + "." + c.source());
  }

  private static boolean plain(AttributeSnapshot a) {
    return !a.primaryKey() && !a.generated() && !List.of("identity", "serial", "bigserial", "smallserial")
        .contains(a.type().trim());
  }

  private static AttributeSnapshot nullable(AttributeSnapshot a) {
    return a.withAllowNil(true);
  }

  // ---------------------------------------------------------------------------------------------- statements

  private String validate(TableSnapshot t, String constraint) {
    return renderer.alter(t) + "VALIDATE CONSTRAINT " + quote(constraint);
  }

  private String addNotNullCheck(TableSnapshot t, String column) {
    return renderer.alter(t) + "ADD CONSTRAINT " + quote(Names.notNullCheck(t.table(), column)) + " CHECK ("
        + quote(column) + " IS NOT NULL) NOT VALID";
  }

  private String dropNotNullCheck(TableSnapshot t, String column) {
    return renderer.alter(t) + "DROP CONSTRAINT IF EXISTS " + quote(Names.notNullCheck(t.table(), column));
  }

  /**
   * Validate the check (writes go on), SET NOT NULL (no scan: the valid check proves it), drop the check; with
   * {@code addCheck} the check is added here first (after {@code before}, the backfill), else the first file added it.
   */
  private FollowUp setNotNull(TableSnapshot t, String column, List<String> before, boolean addCheck) {
    List<String> up = new ArrayList<>(before);
    if (addCheck) {
      up.add(addNotNullCheckOnce(t, column));
    }
    up.add(validate(t, Names.notNullCheck(t.table(), column)));
    up.add(renderer.alter(t) + "ALTER COLUMN " + quote(column) + " SET NOT NULL");
    up.add(dropNotNullCheck(t, column));
    String dropNotNull = renderer.alter(t) + "ALTER COLUMN " + quote(column) + " DROP NOT NULL";
    return new FollowUp(up, addCheck ? List.of(dropNotNull) : List.of(addNotNullCheckOnce(t, column), dropNotNull));
  }

  /**
   * {@link #addNotNullCheck} for a no-transaction file, which may run again after a failure: a check already there is
   * left alone.
   */
  private String addNotNullCheckOnce(TableSnapshot t, String column) {
    return "DO $$\nBEGIN\n  " + addNotNullCheck(t, column) + ";\nEXCEPTION WHEN duplicate_object THEN\n"
        + "  NULL;\nEND\n$$";
  }

  /**
   * Fills a new column's empty values with its default, each range of pages in a transaction of its own (the
   * statement commits inside the DO block, which PostgreSQL allows outside a transaction block), so no row stays
   * locked for long and the table is never locked against writes. New rows get the default already. A row an
   * update moves to a page the sweep has passed keeps its empty value; a final pass finds those.
   */
  private String backfill(TableSnapshot t, String column) {
    String table = renderer.table(t);
    String c = quote(column);
    return "DO $$\nDECLARE\n  last_page bigint := pg_relation_size(" + literal(table)
        + ") / current_setting('block_size')::bigint;\n  first_page bigint := 0;\n  filled bigint;\nBEGIN\n"
        + "  WHILE first_page <= last_page LOOP\n"
        + "    UPDATE " + table + " SET " + c + " = DEFAULT WHERE " + c + " IS NULL\n"
        + "      AND ctid >= format('(%s,0)', first_page)::tid AND ctid < format('(%s,0)', first_page + "
        + BACKFILL_PAGES + ")::tid;\n"
        + "    COMMIT;\n    first_page := first_page + " + BACKFILL_PAGES + ";\n  END LOOP;\n"
        + "  LOOP\n"
        + "    UPDATE " + table + " SET " + c + " = DEFAULT WHERE ctid = ANY (ARRAY(SELECT ctid FROM " + table
        + " WHERE " + c + " IS NULL LIMIT " + BACKFILL_ROWS + "));\n"
        + "    GET DIAGNOSTICS filled = ROW_COUNT;\n    COMMIT;\n"
        + "    EXIT WHEN filled = 0 AND NOT EXISTS (SELECT FROM " + table + " WHERE " + c + " IS NULL);\n"
        + "  END LOOP;\nEND\n$$";
  }

  /**
   * A concurrent index build that can run again: an index of the same name is dropped first, concurrently — an
   * INVALID leftover of a build that failed or was interrupted, or one a failed run of this file had finished. The
   * file runs without a lock timeout ({@link #CONCURRENT_LOCK_TIMEOUT}): both statements wait for older transactions
   * but hold only SHARE UPDATE EXCLUSIVE, which writes do not queue behind, and a build that timed out would leave an
   * INVALID index behind.
   */
  private List<String> concurrentIndex(Operation op) {
    String name;
    if (op instanceof AddUniqueIndex u) {
      name = renderer.indexName(u.table(), null, u.identity().indexName());
    } else if (op instanceof AddCustomIndex c) {
      name = renderer.indexName(c.table(), c.index().prefix(), c.index().resolvedName(c.table().table()));
    } else if (op instanceof AddReferenceIndex r) {
      name = renderer.indexName(r.table(), null, r.indexName());
    } else {
      throw new IllegalStateException("not an index build: " + op);
    }
    List<String> out = new ArrayList<>();
    out.add("DROP INDEX CONCURRENTLY IF EXISTS " + name);
    for (String s : renderer.up(op)) {
      out.add(s.replaceFirst("^CREATE (UNIQUE )?INDEX (CONCURRENTLY )?", "CREATE $1INDEX CONCURRENTLY "));
    }
    return out;
  }
}
