package io.ashpg.migration.diff;

import io.ashpg.migration.diff.Operation.DropTable;
import io.ashpg.migration.diff.Operation.MoveTableSchema;
import io.ashpg.migration.diff.Operation.RemoveCustomIndex;
import io.ashpg.migration.diff.Operation.RemovePrimaryKey;
import io.ashpg.migration.diff.Operation.RemoveUniqueIndex;
import io.ashpg.migration.diff.Operation.RenameAttribute;
import io.ashpg.migration.diff.Operation.RenameTable;
import io.ashpg.migration.snapshot.AttributeSnapshot;
import io.ashpg.migration.snapshot.ReferenceSnapshot;
import io.ashpg.migration.snapshot.TableSnapshot;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Foreign keys of tenant tables that a public migration would pull the referenced key out from under.
 *
 * <p>A tenant table may reference a global table; PostgreSQL then ties the foreign key in every tenant schema to the
 * unique index of the global table it found when the key was created, and refuses to drop that index, its primary
 * key constraint or its table while the foreign key exists (2BP01). Within one set of tables the {@link Differ}
 * drops such keys first and re-creates them after, but here the two sides are in different migrations: public
 * migrations run before tenant migrations (and are rolled back after them) and do not know the tenant schemas, so
 * no order of the generated files can drop the tenant keys in time. What every stored tenant foreign key depends on
 * is still in place when the public migration runs — even one that the tenant migration of the same generation drops
 * or re-points — so all of them count.
 */
public final class TenantKeyDependents {

  private TenantKeyDependents() {
  }

  /**
   * One tenant foreign key on a global key that the public migration removes.
   *
   * @param globalTable       the referenced global table, {@code schema.table} as the foreign key names it
   * @param removal           what the public migration removes ({@code primary key posts_pkey (id) of global table
   *                          public.posts}, {@code global table public.posts})
   * @param tenantTable       the tenant table holding the foreign key
   * @param constraint        the foreign key's constraint name
   * @param columns           its columns
   * @param referencedColumns the columns of {@code globalTable} it references
   */
  public record Dependent(String globalTable, String removal, String tenantTable, String constraint,
      List<String> columns, List<String> referencedColumns) {

    public Dependent {
      columns = List.copyOf(columns);
      referencedColumns = List.copyOf(referencedColumns);
    }

    /** {@code tenant table revisions: revisions_post_id_fkey (post_id) → public.posts (id)}. */
    public String describe() {
      return "tenant table " + tenantTable + ": " + constraint + " (" + String.join(", ", columns) + ") → "
          + globalTable + " (" + String.join(", ", referencedColumns) + ")";
    }
  }

  /** A key or table {@code globalOps} removes; {@code columns} null for a dropped table (every key goes). */
  private record Removal(String table, Set<String> columns, String description) {
  }

  /**
   * The foreign keys of {@code storedTenant} (the tenant tables as the database has them before this generation)
   * that depend on a key or table that {@code globalOps} (the public migration's operations) removes, in the order
   * of {@code storedTenant}.
   */
  public static List<Dependent> find(Collection<TableSnapshot> storedTenant, List<Operation> globalOps) {
    List<Removal> removals = removals(globalOps);
    List<Dependent> out = new ArrayList<>();
    if (removals.isEmpty()) {
      return out;
    }
    for (TableSnapshot t : storedTenant) {
      for (AttributeSnapshot a : t.attributes()) {
        ReferenceSnapshot r = a.references();
        if (r == null || r.multitenancy().isContext()) {
          continue; // no key, or one to the tenant schema's own copy of a tenant table
        }
        String target = Facts.id(r.schema(), r.table());
        List<String> referenced = IndexDefinitions.fkDestinationColumns(r);
        for (Removal removal : removals) {
          if (removal.table().equals(target)
              && (removal.columns() == null || removal.columns().equals(new TreeSet<>(referenced)))) {
            out.add(new Dependent(target, removal.description(), t.table(), r.name(),
                IndexDefinitions.fkSourceColumns(a), referenced));
          }
        }
      }
    }
    return out;
  }

  /** Keys and tables {@code ops} removes, named as the stored snapshots (and so the tenant keys) name them. */
  private static List<Removal> removals(List<Operation> ops) {
    Map<String, String> storedIds = storedIds(ops);
    Map<String, Map<String, String>> columnRenames = new HashMap<>(); // table id → new column → old column
    for (Operation op : ops) {
      if (op instanceof RenameAttribute r) {
        columnRenames.computeIfAbsent(Facts.id(r.table()), k -> new HashMap<>()).put(r.to(), r.from());
      }
    }
    List<Removal> out = new ArrayList<>();
    for (Operation op : ops) {
      if (op instanceof DropTable d) {
        String id = Facts.id(d.table());
        out.add(new Removal(id, null, "global table " + id));
      } else if (Facts.removesKey(op)) {
        String id = Facts.id(op.table());
        List<String> columns = Facts.keyColumns(op);
        if (op instanceof RemovePrimaryKey) {
          // the primary key's columns are named as after this migration's column renames
          Map<String, String> renamed = columnRenames.getOrDefault(id, Map.of());
          columns = columns.stream().map(c -> renamed.getOrDefault(c, c)).toList();
        }
        String stored = storedIds.getOrDefault(id, id);
        out.add(new Removal(stored, new TreeSet<>(columns), describe(op, columns) + " of global table " + stored));
      }
    }
    return out;
  }

  /** Table ids after this migration's renames and schema moves → the ids the stored snapshots have. */
  private static Map<String, String> storedIds(List<Operation> ops) {
    Map<String, String> moved = new HashMap<>();
    for (Operation op : ops) {
      if (op instanceof MoveTableSchema m) {
        // a moved table keeps its old name until a rename in the same migration
        moved.put(Facts.id(m.table()), Facts.id(m.table().withSchema(m.fromSchema())));
      }
    }
    Map<String, String> out = new HashMap<>(moved);
    for (Operation op : ops) {
      if (op instanceof RenameTable r) {
        String beforeRename = Facts.id(r.table().withTable(r.from()));
        out.put(Facts.id(r.table()), moved.getOrDefault(beforeRename, beforeRename));
      }
    }
    return out;
  }

  private static String describe(Operation op, List<String> columns) {
    String cols = " (" + String.join(", ", columns) + ")";
    if (op instanceof RemovePrimaryKey p) {
      return "primary key " + p.constraintName() + cols;
    }
    if (op instanceof RemoveUniqueIndex u) {
      return "unique index " + u.identity().indexName() + cols + " of identity " + u.identity().name();
    }
    RemoveCustomIndex c = (RemoveCustomIndex) op;
    return "unique index " + c.index().resolvedName(c.table().table()) + cols;
  }
}
