package io.ashpg.migration.diff;

import io.ashpg.migration.snapshot.AttributeSnapshot;
import io.ashpg.migration.snapshot.CheckConstraintSnapshot;
import io.ashpg.migration.snapshot.CustomIndexSnapshot;
import io.ashpg.migration.snapshot.CustomStatementSnapshot;
import io.ashpg.migration.snapshot.Deferrable;
import io.ashpg.migration.snapshot.DistributionSnapshot;
import io.ashpg.migration.snapshot.IdentitySnapshot;
import io.ashpg.migration.snapshot.TableSnapshot;
import java.util.List;

/**
 * One step of a migration, produced by {@link Differ} and ordered by {@link OperationGraph}. Each operation
 * carries the snapshot data its DDL needs, so rendering needs nothing else; the {@code table} of an operation
 * is always the table as it is named <em>after</em> any rename or schema move in the same migration. Every
 * operation has an exact inverse (its {@code down}), so the reversed list of inverses undoes a migration.
 */
public sealed interface Operation {

  /** The table the operation changes; null for extension operations. */
  TableSnapshot table();

  /** A short human description ("add column posts.title"), for check mode and logs. */
  String describe();

  /** Whether running it loses data (dropped tables, dropped columns). */
  default boolean destructive() {
    return false;
  }

  private static String name(TableSnapshot t) {
    return t.key().toString();
  }

  /** {@code CREATE TABLE} with all columns and the primary key; FKs listed in {@code inlineForeignKeys} inline. */
  record CreateTable(TableSnapshot table, List<AttributeSnapshot> inlineForeignKeys) implements Operation {
    public CreateTable {
      inlineForeignKeys = List.copyOf(inlineForeignKeys);
    }

    @Override
    public String describe() {
      return "create table " + name(table);
    }
  }

  /** {@code DROP TABLE}; down recreates it with its FKs, indexes and check constraints. */
  record DropTable(TableSnapshot table) implements Operation {
    @Override
    public String describe() {
      return "drop table " + name(table);
    }

    @Override
    public boolean destructive() {
      return true;
    }
  }

  /**
   * {@code ALTER TABLE "from" RENAME TO "to"} ({@code table} carries the new name). With
   * {@code renamePrimaryKey} the primary key constraint {@code <from>_pkey} is renamed to {@code <to>_pkey} too,
   * so it keeps the name error mapping expects.
   */
  record RenameTable(TableSnapshot table, String from, boolean renamePrimaryKey) implements Operation {
    @Override
    public String describe() {
      return "rename table " + from + " to " + table.table();
    }
  }

  /** {@code ALTER TABLE … SET SCHEMA} ({@code table} carries the new schema; null schemas mean public). */
  record MoveTableSchema(TableSnapshot table, String fromSchema) implements Operation {
    @Override
    public String describe() {
      return "move table " + table.table() + " from schema " + (fromSchema == null ? "public" : fromSchema)
          + " to " + (table.schema() == null ? "public" : table.schema());
    }
  }

  /** {@code ADD COLUMN}, without its FK (see {@link AddForeignKey}). */
  record AddAttribute(TableSnapshot table, AttributeSnapshot attribute) implements Operation {
    @Override
    public String describe() {
      return "add column " + name(table) + "." + attribute.source();
    }
  }

  /**
   * Changes type, size, precision, scale, default or nullability of a column, or how the database generates it
   * (plain, serial, identity). {@code conversion} is the user's way to compute the new values of a type change (and
   * the old ones again in down), or null: the cast PostgreSQL has between the types.
   */
  record AlterAttribute(TableSnapshot table, AttributeSnapshot from, AttributeSnapshot to, Conversion conversion)
      implements Operation {

    /** A change converted with PostgreSQL's own cast, if it needs converting at all. */
    public AlterAttribute(TableSnapshot table, AttributeSnapshot from, AttributeSnapshot to) {
      this(table, from, to, null);
    }

    /** The same change, converted with {@code c}. */
    public AlterAttribute withConversion(Conversion c) {
      return new AlterAttribute(table, from, to, c);
    }

    /** Whether the column's type (with size, precision and scale) changes. */
    public boolean changesType() {
      return !from.sameType(to);
    }
    @Override
    public String describe() {
      return "alter column " + name(table) + "." + to.source();
    }
  }

  /** {@code RENAME "from" TO "to"}. */
  record RenameAttribute(TableSnapshot table, String from, String to) implements Operation {
    @Override
    public String describe() {
      return "rename column " + name(table) + "." + from + " to " + to;
    }
  }

  /** {@code DROP COLUMN}; written as a comment when {@code commented} (the default, see dropColumns). */
  record RemoveAttribute(TableSnapshot table, AttributeSnapshot attribute, boolean commented) implements Operation {
    @Override
    public String describe() {
      return (commented ? "remove column (commented out) " : "drop column ") + name(table) + "."
          + attribute.source();
    }

    @Override
    public boolean destructive() {
      return !commented;
    }
  }

  /** Adds the primary key constraint {@code <table>_pkey} on an existing table. */
  record AddPrimaryKey(TableSnapshot table, List<String> columns) implements Operation {
    public AddPrimaryKey {
      columns = List.copyOf(columns);
    }

    @Override
    public String describe() {
      return "add primary key " + name(table) + columns;
    }
  }

  /** Drops the primary key constraint {@code constraintName} (named after the table it was created on). */
  record RemovePrimaryKey(TableSnapshot table, List<String> columns, String constraintName) implements Operation {
    public RemovePrimaryKey {
      columns = List.copyOf(columns);
    }

    @Override
    public String describe() {
      return "drop primary key " + name(table) + columns;
    }
  }

  /** Adds the FK of {@code attribute} ({@code ADD CONSTRAINT … FOREIGN KEY}). */
  record AddForeignKey(TableSnapshot table, AttributeSnapshot attribute) implements Operation {
    @Override
    public String describe() {
      return "add foreign key " + attribute.references().name() + " on " + name(table) + "."
          + attribute.source();
    }
  }

  /** Which direction(s) of a migration a {@link DropForeignKey} acts in. */
  enum Direction {
    /** Drop in up, re-add in down (the exact inverse; what {@link Differ} produces). */
    BOTH,
    /** Drop in up only; down does nothing (the constraint comes back another way). */
    UP_ONLY,
    /** Nothing in up; drop in down (before a down step that would conflict with it). */
    DOWN_ONLY
  }

  /** Drops the FK of {@code attribute} (the old definition, re-added by down when {@link Direction#BOTH}). */
  record DropForeignKey(TableSnapshot table, AttributeSnapshot attribute, Direction direction)
      implements Operation {
    @Override
    public String describe() {
      return "drop foreign key " + attribute.references().name() + " on " + name(table);
    }
  }

  /** {@code ALTER CONSTRAINT … [NOT] DEFERRABLE …} on an FK whose other properties did not change. */
  record AlterDeferrability(TableSnapshot table, AttributeSnapshot attribute, Deferrable from)
      implements Operation {
    @Override
    public String describe() {
      return "alter deferrability of " + attribute.references().name();
    }
  }

  /**
   * Creates an identity's unique index; {@code concurrently} builds it without blocking writes (the generator's
   * {@code concurrentIndexes} option, for tables that already hold data), which needs a migration of its own run
   * outside a transaction.
   */
  record AddUniqueIndex(TableSnapshot table, IdentitySnapshot identity, boolean concurrently) implements Operation {

    /** Built in the migration's transaction. */
    public AddUniqueIndex(TableSnapshot table, IdentitySnapshot identity) {
      this(table, identity, false);
    }

    /** The same index, built concurrently. */
    public AddUniqueIndex withConcurrently() {
      return new AddUniqueIndex(table, identity, true);
    }

    @Override
    public String describe() {
      return "add unique index " + identity.indexName() + " on " + name(table) + (concurrently ? " concurrently" : "");
    }
  }

  /** Drops an identity's unique index. */
  record RemoveUniqueIndex(TableSnapshot table, IdentitySnapshot identity) implements Operation {
    @Override
    public String describe() {
      return "drop unique index " + identity.indexName() + " on " + name(table);
    }
  }

  /** {@code ALTER INDEX "from" RENAME TO "<identity.indexName>"}. */
  record RenameUniqueIndex(TableSnapshot table, IdentitySnapshot identity, String from) implements Operation {
    @Override
    public String describe() {
      return "rename index " + from + " to " + identity.indexName();
    }
  }

  /** Creates a custom index. */
  record AddCustomIndex(TableSnapshot table, CustomIndexSnapshot index) implements Operation {
    @Override
    public String describe() {
      return "add index " + index.resolvedName(table.table()) + " on " + name(table);
    }
  }

  /** Drops a custom index ({@code index.name()} is always resolved here). */
  record RemoveCustomIndex(TableSnapshot table, CustomIndexSnapshot index) implements Operation {
    @Override
    public String describe() {
      return "drop index " + index.resolvedName(table.table()) + " on " + name(table);
    }
  }

  /** Creates the plain index of an FK column ({@code reference index?}). */
  record AddReferenceIndex(TableSnapshot table, AttributeSnapshot attribute, String indexName) implements Operation {
    @Override
    public String describe() {
      return "add index " + indexName + " on " + name(table);
    }
  }

  /** Drops the plain index of an FK column. */
  record RemoveReferenceIndex(TableSnapshot table, AttributeSnapshot attribute, String indexName)
      implements Operation {
    @Override
    public String describe() {
      return "drop index " + indexName + " on " + name(table);
    }
  }

  /** {@code ADD CONSTRAINT … CHECK}. */
  record AddCheckConstraint(TableSnapshot table, CheckConstraintSnapshot constraint) implements Operation {
    @Override
    public String describe() {
      return "add check constraint " + constraint.name() + " on " + name(table);
    }
  }

  /** {@code DROP CONSTRAINT} of a check. */
  record RemoveCheckConstraint(TableSnapshot table, CheckConstraintSnapshot constraint) implements Operation {
    @Override
    public String describe() {
      return "drop check constraint " + constraint.name() + " on " + name(table);
    }
  }

  /** Runs a custom statement's {@code up} (down: its {@code down}). */
  record AddCustomStatement(TableSnapshot table, CustomStatementSnapshot statement) implements Operation {
    @Override
    public String describe() {
      return "run custom statement " + statement.name() + " of " + name(table);
    }
  }

  /** Runs a custom statement's {@code down} (down: its {@code up}). */
  record RemoveCustomStatement(TableSnapshot table, CustomStatementSnapshot statement) implements Operation {
    @Override
    public String describe() {
      return "undo custom statement " + statement.name() + " of " + name(table);
    }
  }

  /**
   * Gives a table its Citus placement, {@code table.distribution()} (null: a local table): the old one
   * ({@code before}'s) is undone first with {@code undistribute_table}, then {@code create_reference_table} or
   * {@code create_distributed_table} applies the new one. Down undoes it the same way, except for a table created
   * in the same migration ({@code before} null), which rolling back drops anyway.
   *
   * @param table  the table as it is now
   * @param before the table as it was (renamed as it is now, old column names), or null for a new table
   */
  record Distribute(TableSnapshot table, TableSnapshot before) implements Operation {

    /** The placement before, null for a local or new table. */
    public DistributionSnapshot from() {
      return before == null ? null : before.distribution();
    }

    /** The placement after, null for a local table. */
    public DistributionSnapshot to() {
      return table.distribution();
    }

    @Override
    public String describe() {
      DistributionSnapshot to = to();
      return (to == null ? "make table " + name(table) + " local again (undistribute)"
          : (from() == null ? "distribute table " : "redistribute table ") + name(table) + " as " + to);
    }
  }

  /** {@code CREATE EXTENSION IF NOT EXISTS}. Down is written commented out: other objects may use it. */
  record AddExtension(String name) implements Operation {
    @Override
    public TableSnapshot table() {
      return null;
    }

    @Override
    public String describe() {
      return "install extension " + name;
    }
  }

  /**
   * Installs one of ashpg's own SQL functions ({@link io.ashpg.migration.ddl.AshpgFunction}, by name); down removes
   * it again if ashpg created it and nothing uses it.
   */
  record AddFunction(String name) implements Operation {
    @Override
    public TableSnapshot table() {
      return null;
    }

    @Override
    public String describe() {
      return "install function " + name + "()";
    }
  }

  /**
   * One of ashpg's own SQL functions no column default needs any more. Written commented out, like an extension drop:
   * earlier tenant migrations call it and are replayed for every tenant created later.
   */
  record RemoveFunction(String name) implements Operation {
    @Override
    public TableSnapshot table() {
      return null;
    }

    @Override
    public String describe() {
      return "function " + name + "() no longer used (drop written commented out)";
    }
  }

  /** An extension no longer requested: the drop is written commented out, for review. */
  record RemoveExtension(String name) implements Operation {
    @Override
    public TableSnapshot table() {
      return null;
    }

    @Override
    public String describe() {
      return "extension " + name + " no longer requested (drop written commented out)";
    }
  }
}
