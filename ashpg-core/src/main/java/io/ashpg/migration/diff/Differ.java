package io.ashpg.migration.diff;

import io.ashpg.migration.diff.Operation.AddAttribute;
import io.ashpg.migration.diff.Operation.AddCheckConstraint;
import io.ashpg.migration.diff.Operation.AddCustomIndex;
import io.ashpg.migration.diff.Operation.AddCustomStatement;
import io.ashpg.migration.diff.Operation.AddExtension;
import io.ashpg.migration.diff.Operation.AddForeignKey;
import io.ashpg.migration.diff.Operation.AddFunction;
import io.ashpg.migration.diff.Operation.AddPrimaryKey;
import io.ashpg.migration.diff.Operation.AddReferenceIndex;
import io.ashpg.migration.diff.Operation.AddUniqueIndex;
import io.ashpg.migration.diff.Operation.AlterAttribute;
import io.ashpg.migration.diff.Operation.AlterDeferrability;
import io.ashpg.migration.diff.Operation.CreateTable;
import io.ashpg.migration.diff.Operation.Direction;
import io.ashpg.migration.diff.Operation.Distribute;
import io.ashpg.migration.diff.Operation.DropForeignKey;
import io.ashpg.migration.diff.Operation.DropTable;
import io.ashpg.migration.diff.Operation.MoveTableSchema;
import io.ashpg.migration.diff.Operation.RemoveAttribute;
import io.ashpg.migration.diff.Operation.RemoveCheckConstraint;
import io.ashpg.migration.diff.Operation.RemoveCustomIndex;
import io.ashpg.migration.diff.Operation.RemoveCustomStatement;
import io.ashpg.migration.diff.Operation.RemoveExtension;
import io.ashpg.migration.diff.Operation.RemoveFunction;
import io.ashpg.migration.diff.Operation.RemovePrimaryKey;
import io.ashpg.migration.diff.Operation.RemoveReferenceIndex;
import io.ashpg.migration.diff.Operation.RemoveUniqueIndex;
import io.ashpg.migration.diff.Operation.RenameAttribute;
import io.ashpg.migration.diff.Operation.RenameTable;
import io.ashpg.migration.diff.Operation.RenameUniqueIndex;
import io.ashpg.migration.snapshot.AttributeSnapshot;
import io.ashpg.migration.snapshot.CheckConstraintSnapshot;
import io.ashpg.migration.snapshot.CustomIndexSnapshot;
import io.ashpg.migration.snapshot.CustomStatementSnapshot;
import io.ashpg.migration.snapshot.DistributionSnapshot;
import io.ashpg.migration.snapshot.ExtensionsSnapshot;
import io.ashpg.migration.snapshot.IdentitySnapshot;
import io.ashpg.migration.snapshot.ReferenceSnapshot;
import io.ashpg.migration.snapshot.TableKey;
import io.ashpg.migration.snapshot.TableSnapshot;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Compares the stored snapshots with the current ones and lists the operations that take the database from the
 * old state to the new one. The list is in a readable "natural" order (removals of a table's indexes and
 * constraints, column changes, then new indexes and constraints); {@link OperationGraph#order} fixes the real
 * order.
 *
 * <p>Rules (AshPostgres's): a new FK column is an added column plus an added FK; a reference change beyond its
 * index settings drops the old constraint, then adds the new one, while an index-only change leaves the
 * constraint alone; a changed identity (keys, where, nulls distinct, base filter, all tenants, tenant column) is
 * dropped and re-created, and one whose index name alone changed is renamed; a changed custom index or check
 * constraint is dropped and re-created; removed columns are dropped only with {@code dropColumns}, otherwise
 * written as comments. And one rule of PostgreSQL's: a foreign key the diff keeps, but whose referenced key (primary
 * key, unique index) the diff removes, is dropped first and re-created after the key changes.
 */
public final class Differ {

  private final boolean dropColumns;

  /** @param dropColumns drop removed columns; when false their drops are written commented out */
  public Differ(boolean dropColumns) {
    this.dropColumns = dropColumns;
  }

  // ---------------------------------------------------------------------------------------------- tables sets

  /**
   * Diffs a whole set of tables (the global tables of a repo, or its tenant tables): tables in both are diffed,
   * new tables created, tables without a resource any more renamed, moved or dropped as {@code decider} says.
   */
  public List<Operation> diff(Map<TableKey, TableSnapshot> old, Map<TableKey, TableSnapshot> current,
      RenameDecider decider) {
    List<TableKey> orphans = new ArrayList<>(new TreeMap<>(old).keySet());
    orphans.removeIf(current::containsKey);
    List<TableSnapshot> created = orderByReferences(current.values().stream()
        .filter(t -> !old.containsKey(t.key())).toList());

    // every table question (rename, drop) is asked before any column question (see RenameDecider)
    List<TableSnapshot[]> pairs = new ArrayList<>();
    List<TableSnapshot> reallyNew = new ArrayList<>();
    for (TableSnapshot t : created) {
      Optional<TableKey> from = orphans.isEmpty() ? Optional.empty()
          : decider.tableRenamedFrom(t.key(), List.copyOf(orphans));
      if (from.isPresent()) {
        if (!orphans.remove(from.get())) {
          throw new IllegalArgumentException("rename decider answered " + from.get() + " for table " + t.key()
              + ", which is not one of the candidates " + orphans);
        }
        pairs.add(new TableSnapshot[] {old.get(from.get()), t});
      } else {
        reallyNew.add(t);
      }
    }

    // every rename and move first, then the tables' changes: a foreign key dropped from or to a renamed or moved
    // table is dropped after the move and, on rollback, re-added before it is undone, so it is re-added pointing
    // at the table's new place (see retarget); a dropped table's keys likewise
    Map<String, TableSnapshot> moves = new HashMap<>();
    for (TableSnapshot[] pair : pairs) {
      moves.put(Facts.id(pair[0]), pair[1]);
    }
    List<Operation> ops = new ArrayList<>();
    for (TableKey k : orderDependentsFirst(orphans, old)) {
      if (!decider.confirmDrop(k)) {
        throw new AmbiguousRenameException("table " + k + " no longer has a resource and its drop was declined;"
            + " restore the resource, or keep the table unmanaged with a resource declared migrate(false)",
            List.of(k.toString()));
      }
      ops.addAll(dropTable(old.get(k), moves));
    }
    for (TableSnapshot[] pair : pairs) {
      TableSnapshot before = pair[0];
      TableSnapshot t = pair[1];
      if (!Objects.equals(schemaOf(before), schemaOf(t))) {
        ops.add(new MoveTableSchema(before.withSchema(t.schema()), schemaOf(before)));
      }
      if (!before.table().equals(t.table())) {
        ops.add(new RenameTable(t, before.table(), !before.primaryKey().isEmpty()));
      }
    }
    for (TableSnapshot[] pair : pairs) {
      ops.addAll(diffTable(pair[0], pair[1], decider, moves));
    }
    for (TableSnapshot t : reallyNew) {
      ops.addAll(createTable(t));
    }
    for (TableKey k : new TreeMap<>(current).keySet()) {
      if (old.containsKey(k)) {
        ops.addAll(diffTable(old.get(k), current.get(k), decider, moves));
        pairs.add(new TableSnapshot[] {old.get(k), current.get(k)});
      }
    }
    rebindForeignKeys(pairs, ops, moves);
    detachForeignKeys(pairs, ops, moves);
    retypeForeignKeys(pairs, ops, moves);
    return ops;
  }

  /**
   * Foreign keys the diff leaves alone but whose referenced columns change type: PostgreSQL rebuilds such a key while
   * it changes the referenced column and refuses when the key's own column has the other type at that moment (both
   * sides change together when a primary key changes type). Each is dropped before and added again after
   * ({@link Facts} orders them around the type change), in {@code ops}.
   *
   * @param pairs every table in both states, (before, after)
   * @param moves tables renamed or moved in this batch (see {@link #retarget})
   */
  private static void retypeForeignKeys(List<TableSnapshot[]> pairs, List<Operation> ops,
      Map<String, TableSnapshot> moves) {
    java.util.Set<String> retyped = new java.util.HashSet<>();
    java.util.Set<String> touched = new java.util.HashSet<>();
    for (Operation op : ops) {
      if (op instanceof AlterAttribute a && a.changesType()) {
        retyped.add(Facts.id(a.table()) + " " + a.to().source());
      } else if (op instanceof DropForeignKey d) {
        touched.add(Facts.id(d.table()) + " " + d.attribute().references().name());
      }
    }
    if (retyped.isEmpty()) {
      return;
    }
    dropAndAddAgain(pairs, ops, moves, touched, (after, a) -> IndexDefinitions.fkDestinationColumns(a.references())
        .stream().anyMatch(c -> retyped.contains(Facts.destinationId(after, a.references()) + " " + c)));
  }

  /**
   * Foreign keys from or to a table whose Citus placement changes: Citus undistributes only a table no foreign key
   * touches, and distributing a local table that foreign keys tie to others goes through an intermediate "Citus local
   * table", which a table with an identity column cannot be. Each such key the diff leaves alone is dropped before the
   * change and added again after it ({@link Facts} orders them around the {@link Distribute}), in {@code ops}.
   *
   * @param pairs every table in both states, (before, after)
   * @param moves tables renamed or moved in this batch (see {@link #retarget})
   */
  private static void detachForeignKeys(List<TableSnapshot[]> pairs, List<Operation> ops,
      Map<String, TableSnapshot> moves) {
    java.util.Set<String> redistributed = new java.util.HashSet<>();
    java.util.Set<String> touched = new java.util.HashSet<>();
    for (Operation op : ops) {
      if (op instanceof Distribute d && d.before() != null) {
        redistributed.add(Facts.id(d.table()));
      } else if (op instanceof DropForeignKey d) {
        touched.add(Facts.id(d.table()) + " " + d.attribute().references().name());
      } else if (op instanceof AddForeignKey a) {
        touched.add(Facts.id(a.table()) + " " + a.attribute().references().name());
      }
    }
    if (redistributed.isEmpty()) {
      return;
    }
    dropAndAddAgain(pairs, ops, moves, touched, (after, a) -> redistributed.contains(Facts.id(after))
        || redistributed.contains(Facts.destinationId(after, a.references())));
  }

  /**
   * Foreign keys the diff leaves alone although it adds or removes a unique key over the columns they reference (a
   * primary key moving to another column, a unique index dropped while another takes over, a second unique index
   * over the same columns): PostgreSQL ties a foreign key to one of the unique indexes it finds when the key is
   * created and refuses to drop that index under it — also when a rollback drops an index added here, to which a
   * key re-created since may be tied. Each such key is dropped before and added again after ({@link Facts} orders
   * them around the key changes), in {@code ops}.
   *
   * @param pairs every table in both states, (before, after)
   * @param moves tables renamed or moved in this batch (see {@link #retarget})
   */
  private static void rebindForeignKeys(List<TableSnapshot[]> pairs, List<Operation> ops,
      Map<String, TableSnapshot> moves) {
    java.util.Set<Fact> changedKeys = new java.util.HashSet<>();
    java.util.Set<String> touched = new java.util.HashSet<>();
    for (Operation op : ops) {
      Facts.changedKey(op).ifPresent(changedKeys::add);
      if (op instanceof DropForeignKey d) {
        touched.add(Facts.id(d.table()) + " " + d.attribute().references().name());
      }
    }
    if (changedKeys.isEmpty()) {
      return;
    }
    java.util.Set<String> rebound = dropAndAddAgain(pairs, ops, moves, touched,
        (after, a) -> changedKeys.contains(Facts.referencedKey(after, a)));
    // the re-added key has its new deferrability already
    ops.removeIf(op -> op instanceof AlterDeferrability d
        && rebound.contains(Facts.id(d.table()) + " " + d.attribute().references().name()));
  }

  /**
   * Drops (before) and adds again (after) every foreign key that existed before, that no operation in {@code ops}
   * already touches ({@code touched}: "table-id constraint-name") and that {@code needed} selects, in {@code ops}.
   *
   * @return the "table-id constraint-name" of each key dropped and added again
   */
  private static java.util.Set<String> dropAndAddAgain(List<TableSnapshot[]> pairs, List<Operation> ops,
      Map<String, TableSnapshot> moves, java.util.Set<String> touched,
      java.util.function.BiPredicate<TableSnapshot, AttributeSnapshot> needed) {
    java.util.Set<String> rebound = new java.util.HashSet<>();
    for (TableSnapshot[] pair : pairs) {
      TableSnapshot before = asRenamed(pair[0], pair[1]);
      TableSnapshot after = pair[1];
      for (AttributeSnapshot a : after.attributes()) {
        ReferenceSnapshot r = a.references();
        if (r == null) {
          continue;
        }
        String id = Facts.id(after) + " " + r.name();
        if (touched.contains(id) || !needed.test(after, a)) {
          continue;
        }
        before.attributes().stream()
            .filter(o -> o.references() != null && o.references().sameConstraint(r)).findFirst()
            .ifPresent(o -> {
              ops.add(new DropForeignKey(before, retarget(before, o, moves), Direction.BOTH));
              ops.add(new AddForeignKey(after, a));
              rebound.add(id);
            });
      }
    }
    return rebound;
  }

  /** {@code old} with the name, schema and frozen index names it has once renames and moves have run. */
  private static TableSnapshot asRenamed(TableSnapshot old, TableSnapshot neu) {
    return freezeNames(old).withTable(neu.table()).withSchema(neu.schema()).withMultitenancy(old.multitenancy());
  }

  /**
   * Extension changes: install newly requested ones, note (commented) the ones no longer requested; install ashpg's
   * functions newly needed, remove the ones no longer needed.
   */
  public List<Operation> diffExtensions(ExtensionsSnapshot old, ExtensionsSnapshot current) {
    List<Operation> ops = new ArrayList<>();
    List<String> before = old == null ? List.of() : old.installed();
    for (String e : current.installed()) {
      if (!before.contains(e)) {
        ops.add(new AddExtension(e));
      }
    }
    for (String e : before) {
      if (!current.installed().contains(e)) {
        ops.add(new RemoveExtension(e));
      }
    }
    List<String> functionsBefore = old == null ? List.of() : old.functions();
    current.functions().stream().filter(f -> !functionsBefore.contains(f)).forEach(f -> ops.add(new AddFunction(f)));
    functionsBefore.stream().filter(f -> !current.functions().contains(f))
        .forEach(f -> ops.add(new RemoveFunction(f)));
    return ops;
  }

  private static String schemaOf(TableSnapshot t) {
    return t.isTenant() ? null : t.schema();
  }

  /** New tables, referenced ones first (so most FKs can be inline), otherwise by name. */
  private static List<TableSnapshot> orderByReferences(List<TableSnapshot> tables) {
    Map<String, TableSnapshot> byName = new TreeMap<>();
    tables.forEach(t -> byName.put(referenceId(t.key().schema(), t.table()), t));
    List<TableSnapshot> out = new ArrayList<>();
    java.util.Set<String> done = new java.util.HashSet<>();
    java.util.Set<String> visiting = new java.util.HashSet<>();
    for (String k : byName.keySet()) {
      visit(k, byName, done, visiting, out);
    }
    return out;
  }

  private static void visit(String k, Map<String, TableSnapshot> byName, java.util.Set<String> done,
      java.util.Set<String> visiting, List<TableSnapshot> out) {
    if (done.contains(k) || !visiting.add(k)) {
      return; // already placed, or a reference cycle: the FK will be added after both tables
    }
    TableSnapshot t = byName.get(k);
    for (AttributeSnapshot a : t.attributes()) {
      if (a.references() != null) {
        ReferenceSnapshot r = a.references();
        String target = referenceId(t.isTenant() ? null : r.schema(), r.table());
        if (byName.containsKey(target)) {
          visit(target, byName, done, visiting, out);
        }
      }
    }
    visiting.remove(k);
    if (done.add(k)) {
      out.add(t);
    }
  }

  /** Table id for matching references: an unqualified table is in {@code public}, as a reference may say. */
  private static String referenceId(String schema, String table) {
    return (schema == null ? "public" : schema) + "." + table;
  }

  /** Dropped tables, those referencing others first. */
  private static List<TableKey> orderDependentsFirst(List<TableKey> orphans, Map<TableKey, TableSnapshot> old) {
    List<TableSnapshot> tables = orphans.stream().map(old::get).toList();
    List<TableSnapshot> referencedFirst = orderByReferences(tables);
    List<TableKey> out = new ArrayList<>();
    for (int i = referencedFirst.size() - 1; i >= 0; i--) {
      out.add(referencedFirst.get(i).key());
    }
    return out;
  }

  /** @param moves tables renamed or moved in this batch: the dropped table's keys are re-created to their new place */
  private List<Operation> dropTable(TableSnapshot t, Map<String, TableSnapshot> moves) {
    List<Operation> ops = new ArrayList<>();
    List<CustomStatementSnapshot> statements = new ArrayList<>(t.customStatements());
    java.util.Collections.reverse(statements);
    statements.forEach(s -> ops.add(new RemoveCustomStatement(t, s)));
    TableSnapshot frozen = freezeNames(t);
    ops.add(new DropTable(frozen.withAttributes(frozen.attributes().stream()
        .map(a -> a.references() == null ? a : retarget(frozen, a, moves)).toList())));
    return ops;
  }

  /** A new table: CREATE TABLE, then its FKs, indexes, constraints and statements. */
  private List<Operation> createTable(TableSnapshot t) {
    List<Operation> ops = new ArrayList<>();
    ops.add(new CreateTable(t, List.of()));
    if (t.distribution() != null) {
      ops.add(new Distribute(t, null));
    }
    for (AttributeSnapshot a : t.attributes()) {
      if (a.references() != null) {
        ops.add(new AddForeignKey(t, a));
      }
    }
    t.identities().forEach(i -> ops.add(new AddUniqueIndex(t, i)));
    for (AttributeSnapshot a : t.attributes()) {
      if (IndexDefinitions.hasReferenceIndex(a)) {
        ops.add(new AddReferenceIndex(t, a, IndexDefinitions.referenceIndexName(t.table(), t, a)));
      }
    }
    t.checkConstraints().stream().filter(c -> c.check() != null)
        .forEach(c -> ops.add(new AddCheckConstraint(t, c)));
    t.customIndexes().forEach(i -> ops.add(new AddCustomIndex(t, i)));
    t.customStatements().forEach(s -> ops.add(new AddCustomStatement(t, s)));
    return ops;
  }

  /** Custom index names resolved with the table name they were created under (a rename keeps them). */
  private static TableSnapshot freezeNames(TableSnapshot t) {
    return t.withCustomIndexes(t.customIndexes().stream().map(i -> i.withName(i.resolvedName(t.table()))).toList());
  }

  // ---------------------------------------------------------------------------------------------- one table

  /**
   * Diffs one table. With {@code old} null the table is new. A table whose name or schema differs between
   * {@code old} and {@code current} is treated as renamed/moved (the rename operations themselves come from the
   * set-level {@link #diff(Map, Map, RenameDecider)}).
   */
  public List<Operation> diff(TableSnapshot old, TableSnapshot current, RenameDecider decider) {
    if (old == null) {
      return createTable(current);
    }
    return diffTable(old, current, decider, Map.of());
  }

  /**
   * @param moves tables renamed or moved in this batch: old table id ({@link Facts#id}) → the table now
   */
  private List<Operation> diffTable(TableSnapshot oldAsStored, TableSnapshot neu, RenameDecider decider,
      Map<String, TableSnapshot> moves) {
    String oldName = oldAsStored.table();
    // Old objects are dropped under the table's new name and schema, since renames and moves run first.
    TableSnapshot old = asRenamed(oldAsStored, neu);
    TableKey key = neu.key();

    // --- columns: matched by name, then renames among removed/added
    Map<String, AttributeSnapshot> oldCols = new LinkedHashMap<>();
    old.attributes().forEach(a -> oldCols.put(a.source(), a));
    Map<String, AttributeSnapshot> newCols = new LinkedHashMap<>();
    neu.attributes().forEach(a -> newCols.put(a.source(), a));
    List<String> removed = new ArrayList<>(oldCols.keySet());
    removed.removeIf(newCols::containsKey);
    Map<String, String> renames = new LinkedHashMap<>(); // old -> new
    List<AttributeSnapshot> added = new ArrayList<>();
    for (AttributeSnapshot a : neu.attributes()) {
      if (oldCols.containsKey(a.source())) {
        continue;
      }
      Optional<String> from = removed.isEmpty() ? Optional.empty()
          : decider.renamedFrom(key, a.source(), List.copyOf(removed));
      if (from.isPresent()) {
        if (!removed.remove(from.get())) {
          throw new IllegalArgumentException("rename decider answered column '" + from.get() + "' for " + key
              + "." + a.source() + ", which is not one of the removed columns " + removed);
        }
        renames.put(from.get(), a.source());
      } else {
        added.add(a);
      }
    }
    Map<String, String> newToOld = new HashMap<>();
    renames.forEach((o, n) -> newToOld.put(n, o));
    // pairs of (old as renamed, new) for columns present on both sides
    List<AttributeSnapshot[]> pairs = new ArrayList<>();
    for (AttributeSnapshot a : neu.attributes()) {
      String o = newToOld.getOrDefault(a.source(), a.source());
      if (oldCols.containsKey(o)) {
        pairs.add(new AttributeSnapshot[] {oldCols.get(o), a});
      }
    }
    List<AttributeSnapshot> removedAttrs = removed.stream().map(oldCols::get).toList();

    List<Operation> removals = new ArrayList<>();
    List<Operation> middle = new ArrayList<>();
    List<Operation> additions = new ArrayList<>();

    // --- custom statements: undo removed/changed first, add new/changed last
    Map<String, CustomStatementSnapshot> oldStmts = new LinkedHashMap<>();
    old.customStatements().forEach(s -> oldStmts.put(s.name(), s));
    List<Operation> stmtRemovals = new ArrayList<>();
    for (CustomStatementSnapshot s : old.customStatements()) {
      CustomStatementSnapshot now = neu.customStatements().stream().filter(x -> x.name().equals(s.name()))
          .findFirst().orElse(null);
      if (now == null || !now.up().equals(s.up()) || !now.down().equals(s.down())) {
        stmtRemovals.add(0, new RemoveCustomStatement(old, s));
      }
    }
    removals.addAll(stmtRemovals);

    // An index or check whose SQL (predicate, expression, check) names a retyped column is re-created: PostgreSQL
    // keeps such SQL as parsed for the old type (a literal keeps that type's cast), unlike the same object created
    // on the new type.
    java.util.Set<String> retyped = new java.util.HashSet<>();
    for (AttributeSnapshot[] p : pairs) {
      if (!p[0].sameType(p[1])) {
        retyped.add(p[1].source());
      }
    }

    // --- foreign keys
    for (AttributeSnapshot[] p : pairs) {
      ReferenceSnapshot ro = p[0].references();
      ReferenceSnapshot rn = p[1].references();
      boolean renamedCol = !p[0].source().equals(p[1].source());
      boolean typeChanged = !p[0].type().equals(p[1].type());
      if (ro != null && (rn == null || !ro.sameConstraint(rn) || typeChanged)) {
        removals.add(new DropForeignKey(old, retarget(old, p[0], moves), Direction.BOTH));
      }
      if (rn != null && (ro == null || !ro.sameConstraint(rn) || typeChanged)) {
        additions.add(new AddForeignKey(neu, p[1]));
      } else if (rn != null && ro.deferrable() != rn.deferrable()) {
        additions.add(new AlterDeferrability(neu, p[1], ro.deferrable()));
      }
      // FK column index: compared on its effective definition
      boolean hadIndex = IndexDefinitions.hasReferenceIndex(p[0]);
      boolean hasIndex = IndexDefinitions.hasReferenceIndex(p[1]);
      String oldIndexName = hadIndex ? IndexDefinitions.referenceIndexName(oldName, old, p[0]) : null;
      String newIndexName = hasIndex ? IndexDefinitions.referenceIndexName(neu.table(), neu, p[1]) : null;
      boolean sameIndex = hadIndex && hasIndex && !renamedCol && oldIndexName.equals(newIndexName)
          && IndexDefinitions.referenceIndexColumns(old, p[0]).equals(IndexDefinitions.referenceIndexColumns(neu, p[1]))
          && Objects.equals(IndexDefinitions.referenceIndexWhere(p[0]), IndexDefinitions.referenceIndexWhere(p[1]))
          && !sqlOverRetyped(neu, retyped, List.of(), IndexDefinitions.referenceIndexWhere(p[1]));
      if (hadIndex && !sameIndex) {
        removals.add(new RemoveReferenceIndex(old, p[0], oldIndexName));
      }
      if (hasIndex && !sameIndex) {
        additions.add(new AddReferenceIndex(neu, p[1], newIndexName));
      }
    }
    for (AttributeSnapshot a : removedAttrs) {
      if (IndexDefinitions.hasReferenceIndex(a) && dropColumns) {
        removals.add(new RemoveReferenceIndex(old, a, IndexDefinitions.referenceIndexName(oldName, old, a)));
      }
      if (a.references() != null && dropColumns) {
        removals.add(new DropForeignKey(old, retarget(old, a, moves), Direction.BOTH));
      }
    }
    for (AttributeSnapshot a : added) {
      if (a.references() != null) {
        additions.add(new AddForeignKey(neu, a));
      }
      if (IndexDefinitions.hasReferenceIndex(a)) {
        additions.add(new AddReferenceIndex(neu, a, IndexDefinitions.referenceIndexName(neu.table(), neu, a)));
      }
    }

    // --- primary key (old columns seen through renames)
    List<String> oldPk = old.primaryKey().stream().map(c -> renames.getOrDefault(c, c)).toList();
    List<String> newPk = neu.primaryKey();
    if (!oldPk.equals(newPk)) {
      if (!old.primaryKey().isEmpty()) {
        // a table rename renamed the constraint along with it
        removals.add(new RemovePrimaryKey(old, oldPk, neu.table() + "_pkey"));
      }
      if (!newPk.isEmpty()) {
        additions.add(0, new AddPrimaryKey(neu, newPk));
      }
    }

    // --- identities, by name; then an unmatched old and new identity with the same definition are one identity
    // renamed (e.g. the key identity of a composite tenant reference, named after its table): its index is renamed,
    // never dropped and re-created, as a foreign key may depend on it
    List<Operation> identityRenames = new ArrayList<>();
    List<IdentitySnapshot> goneIdentities = new ArrayList<>();
    List<IdentitySnapshot> newIdentities = new ArrayList<>();
    for (IdentitySnapshot io : old.identities()) {
      IdentitySnapshot in = neu.identities().stream().filter(x -> x.name().equals(io.name())).findFirst()
          .orElse(null);
      if (in != null && sameIdentity(old, io, neu, in, renames) && !identityOverRetyped(neu, in, retyped)) {
        if (!Objects.equals(io.indexName(), in.indexName())) {
          identityRenames.add(new RenameUniqueIndex(neu, in, io.indexName()));
        }
        continue;
      }
      goneIdentities.add(io);
    }
    for (IdentitySnapshot in : neu.identities()) {
      IdentitySnapshot io = old.identities().stream().filter(x -> x.name().equals(in.name())).findFirst()
          .orElse(null);
      if (io == null || !sameIdentity(old, io, neu, in, renames) || identityOverRetyped(neu, in, retyped)) {
        newIdentities.add(in);
      }
    }
    for (IdentitySnapshot in : List.copyOf(newIdentities)) {
      IdentitySnapshot io = goneIdentities.stream()
          .filter(x -> neu.identities().stream().noneMatch(n -> n.name().equals(x.name()))
              && old.identities().stream().noneMatch(o -> o.name().equals(in.name()))
              && sameIdentity(old, x, neu, in, renames) && !identityOverRetyped(neu, in, retyped))
          .findFirst().orElse(null);
      if (io != null) {
        goneIdentities.remove(io);
        newIdentities.remove(in);
        if (!Objects.equals(io.indexName(), in.indexName())) {
          identityRenames.add(new RenameUniqueIndex(neu, in, io.indexName()));
        }
      }
    }
    goneIdentities.forEach(io -> removals.add(new RemoveUniqueIndex(old, io)));
    newIdentities.forEach(in -> additions.add(new AddUniqueIndex(neu, in)));

    // --- custom indexes, by resolved name
    for (CustomIndexSnapshot io : old.customIndexes()) {
      CustomIndexSnapshot in = findIndex(neu, io.resolvedName(old.table()));
      if (in == null || !sameCustomIndex(old, io, neu, in) || customIndexOverRetyped(neu, in, retyped)) {
        removals.add(new RemoveCustomIndex(old, io));
      }
    }
    List<Operation> customIndexAdds = new ArrayList<>();
    for (CustomIndexSnapshot in : neu.customIndexes()) {
      CustomIndexSnapshot io = findIndex(old, in.resolvedName(neu.table()));
      if (io == null || !sameCustomIndex(old, io, neu, in) || customIndexOverRetyped(neu, in, retyped)) {
        customIndexAdds.add(new AddCustomIndex(neu, in));
      }
    }

    // --- check constraints, by name
    List<Operation> checkAdds = new ArrayList<>();
    for (CheckConstraintSnapshot co : old.checkConstraints()) {
      CheckConstraintSnapshot cn = neu.checkConstraints().stream().filter(x -> x.name().equals(co.name()))
          .findFirst().orElse(null);
      if (co.check() != null && (cn == null || !sameCheck(co, cn) || checkOverRetyped(neu, cn, retyped))) {
        removals.add(new RemoveCheckConstraint(old, co));
      }
    }
    for (CheckConstraintSnapshot cn : neu.checkConstraints()) {
      CheckConstraintSnapshot co = old.checkConstraints().stream().filter(x -> x.name().equals(cn.name()))
          .findFirst().orElse(null);
      if (cn.check() != null && (co == null || !sameCheck(co, cn) || checkOverRetyped(neu, cn, retyped))) {
        checkAdds.add(new AddCheckConstraint(neu, cn));
      }
    }

    // --- column changes
    renames.forEach((o, n) -> middle.add(new RenameAttribute(neu, o, n)));
    added.forEach(a -> middle.add(new AddAttribute(neu, a)));
    for (AttributeSnapshot[] p : pairs) {
      if (!p[0].sameColumn(p[1])) {
        middle.add(new AlterAttribute(neu, p[0].withSource(p[1].source()), p[1]));
      }
    }
    removedAttrs.forEach(a -> middle.add(new RemoveAttribute(old, a, !dropColumns)));

    List<Operation> stmtAdds = new ArrayList<>();
    for (CustomStatementSnapshot s : neu.customStatements()) {
      CustomStatementSnapshot before = oldStmts.get(s.name());
      if (before == null || !before.up().equals(s.up()) || !before.down().equals(s.down())) {
        stmtAdds.add(new AddCustomStatement(neu, s));
      }
    }

    // --- Citus placement, compared through column renames (Citus renames a distribution column along)
    DistributionSnapshot placedBefore = old.distribution() == null ? null
        : old.distribution().withColumn(renames.getOrDefault(old.distribution().column(), old.distribution().column()));
    List<Operation> placement = DistributionSnapshot.samePlacement(placedBefore, neu.distribution()) ? List.of()
        : List.of(new Distribute(neu, old));
    if (placement.isEmpty() && neu.distribution() != null && neu.distribution().isDistributed()) {
      refuseRetypedDistributionColumn(key, neu.distribution().column(), pairs);
    } else if (!placement.isEmpty()) {
      refuseIdentityColumns(key, old, neu);
    }

    List<Operation> ops = new ArrayList<>(removals);
    ops.addAll(middle);
    ops.addAll(identityRenames);
    ops.addAll(additions);
    ops.addAll(checkAdds);
    ops.addAll(customIndexAdds);
    ops.addAll(placement);
    ops.addAll(stmtAdds);
    return ops;
  }

  /**
   * Citus's undistribute_table refuses a table with an identity column, and a placement change of an existing table
   * needs it in up (from a placement) or in down (back to local).
   */
  private static void refuseIdentityColumns(TableKey table, TableSnapshot old, TableSnapshot neu) {
    for (TableSnapshot t : List.of(old, neu)) {
      for (AttributeSnapshot a : t.attributes()) {
        if (a.type().equals(io.ashpg.resource.PostgresOptions.IDENTITY_MIGRATION_TYPE)) {
          throw new IllegalArgumentException("table " + table + " changes its Citus placement ("
              + (old.distribution() == null ? "local" : old.distribution()) + " to "
              + (neu.distribution() == null ? "local" : neu.distribution()) + "), which needs undistribute_table"
              + " (in the migration or its rollback), but Citus refuses that on a table with an identity column,"
              + " and \"" + a.source() + "\" is one; make it a bigserial column first (remove its"
              + " migrationType(\"identity\")), or change the placement by hand");
        }
      }
    }
  }

  /** Citus refuses to change the type of a distribution column while the table stays distributed. */
  private static void refuseRetypedDistributionColumn(TableKey table, String column, List<AttributeSnapshot[]> pairs) {
    for (AttributeSnapshot[] p : pairs) {
      if (p[1].source().equals(column) && !p[0].type().equals(p[1].type())) {
        throw new IllegalArgumentException("table " + table + " is distributed by \"" + column + "\", whose type"
            + " changes from " + p[0].type() + " to " + p[1].type() + ", which Citus refuses on a distributed table;"
            + " change it in three generations: declare distribution(Distribution.local()) on its resource, then"
            + " change the type, then distribute it again");
      }
    }
  }

  /**
   * {@code a} with its (old) reference pointing where its destination is after this batch's renames and moves. The
   * constraint is dropped after those ran; rolling back re-adds it before they are undone, so it must name the
   * destination's new place — PostgreSQL then carries it along when the rename or move is undone.
   */
  private static AttributeSnapshot retarget(TableSnapshot source, AttributeSnapshot a, Map<String, TableSnapshot> moves) {
    ReferenceSnapshot r = a.references();
    TableSnapshot now = moves.get(Facts.destinationId(source, r));
    if (now == null) {
      return a;
    }
    String schema = r.multitenancy().isContext() && source.isTenant() ? r.schema()
        : now.schema() != null ? now.schema() : r.schema() == null ? null : "public";
    return a.withReferences(r.withDestination(now.table(), schema));
  }

  private static CustomIndexSnapshot findIndex(TableSnapshot t, String name) {
    return t.customIndexes().stream().filter(i -> i.resolvedName(t.table()).equals(name)).findFirst().orElse(null);
  }

  private static boolean sameIdentity(TableSnapshot ot, IdentitySnapshot io, TableSnapshot nt, IdentitySnapshot in,
      Map<String, String> renames) {
    // keys compared through column renames: PostgreSQL renames index columns along with the column
    List<io.ashpg.migration.snapshot.IndexField> oldKeys = IndexDefinitions.identityKeys(ot, io).stream()
        .map(k -> k.expression() ? k : new io.ashpg.migration.snapshot.IndexField(
            renames.getOrDefault(k.value(), k.value()), false, k.order()))
        .toList();
    return oldKeys.equals(IndexDefinitions.identityKeys(nt, in))
        && Objects.equals(IndexDefinitions.identityWhere(io), IndexDefinitions.identityWhere(in))
        && io.nullsDistinct() == in.nullsDistinct() && io.allTenants() == in.allTenants();
  }

  private static boolean sameCustomIndex(TableSnapshot ot, CustomIndexSnapshot io, TableSnapshot nt,
      CustomIndexSnapshot in) {
    return io.sameDdl(in.withName(io.name()), ot.table())
        && IndexDefinitions.customIndexFields(ot, io).equals(IndexDefinitions.customIndexFields(nt, in))
        && Objects.equals(IndexDefinitions.customIndexWhere(ot, io), IndexDefinitions.customIndexWhere(nt, in));
  }

  /** Whether the SQL texts (and expression keys) name a retyped column (see diffTable). */
  private static boolean sqlOverRetyped(TableSnapshot t, java.util.Set<String> retyped,
      List<io.ashpg.migration.snapshot.IndexField> keys, String... sql) {
    if (retyped.isEmpty()) {
      return false;
    }
    List<io.ashpg.migration.snapshot.IndexField> expressions = keys.stream()
        .filter(io.ashpg.migration.snapshot.IndexField::expression).toList();
    return Facts.usedColumns(t, expressions, List.of(), sql).stream().anyMatch(retyped::contains);
  }

  private static boolean identityOverRetyped(TableSnapshot t, IdentitySnapshot i, java.util.Set<String> retyped) {
    return sqlOverRetyped(t, retyped, IndexDefinitions.identityKeys(t, i), IndexDefinitions.identityWhere(i));
  }

  private static boolean customIndexOverRetyped(TableSnapshot t, CustomIndexSnapshot i,
      java.util.Set<String> retyped) {
    return sqlOverRetyped(t, retyped, IndexDefinitions.customIndexFields(t, i), IndexDefinitions.customIndexWhere(t, i));
  }

  private static boolean checkOverRetyped(TableSnapshot t, CheckConstraintSnapshot c, java.util.Set<String> retyped) {
    return c.attributes().stream().anyMatch(retyped::contains)
        || sqlOverRetyped(t, retyped, List.of(), IndexDefinitions.checkExpression(c));
  }

  private static boolean sameCheck(CheckConstraintSnapshot a, CheckConstraintSnapshot b) {
    return Objects.equals(a.check(), b.check()) && Objects.equals(a.baseFilter(), b.baseFilter());
  }
}
