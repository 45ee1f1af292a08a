package io.ashpg.migration.diff;

import static io.ashpg.migration.diff.Fact.Kind.COLUMN_READY;
import static io.ashpg.migration.diff.Fact.Kind.COLUMN_RELEASED;
import static io.ashpg.migration.diff.Fact.Kind.CONSTRAINT_NAME_FREE;
import static io.ashpg.migration.diff.Fact.Kind.DISTRIBUTED;
import static io.ashpg.migration.diff.Fact.Kind.EXTENSIONS_READY;
import static io.ashpg.migration.diff.Fact.Kind.FK_UNBOUND;
import static io.ashpg.migration.diff.Fact.Kind.INDEX_NAME_FREE;
import static io.ashpg.migration.diff.Fact.Kind.KEY_CHANGED;
import static io.ashpg.migration.diff.Fact.Kind.PRIMARY_KEY_REMOVED;
import static io.ashpg.migration.diff.Fact.Kind.REFERENCING_FK_DROPPED;
import static io.ashpg.migration.diff.Fact.Kind.STATEMENTS_UNDONE;
import static io.ashpg.migration.diff.Fact.Kind.TABLE_READY;
import static io.ashpg.migration.diff.Fact.Kind.TABLE_STRUCTURE_CHANGED;
import static io.ashpg.migration.diff.Fact.Kind.UNIQUE_READY;

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
import io.ashpg.migration.diff.Operation.CreateTable;
import io.ashpg.migration.diff.Operation.Distribute;
import io.ashpg.migration.diff.Operation.DropForeignKey;
import io.ashpg.migration.diff.Operation.DropTable;
import io.ashpg.migration.diff.Operation.MoveTableSchema;
import io.ashpg.migration.diff.Operation.RemoveAttribute;
import io.ashpg.migration.diff.Operation.RemoveCheckConstraint;
import io.ashpg.migration.diff.Operation.RemoveCustomIndex;
import io.ashpg.migration.diff.Operation.RemoveCustomStatement;
import io.ashpg.migration.diff.Operation.RemoveExtension;
import io.ashpg.migration.diff.Operation.RemovePrimaryKey;
import io.ashpg.migration.diff.Operation.RemoveReferenceIndex;
import io.ashpg.migration.diff.Operation.RemoveUniqueIndex;
import io.ashpg.migration.diff.Operation.RenameAttribute;
import io.ashpg.migration.diff.Operation.RenameTable;
import io.ashpg.migration.diff.Operation.RenameUniqueIndex;
import io.ashpg.migration.snapshot.AttributeSnapshot;
import io.ashpg.migration.snapshot.CheckConstraintSnapshot;
import io.ashpg.migration.snapshot.CustomIndexSnapshot;
import io.ashpg.migration.snapshot.DistributionSnapshot;
import io.ashpg.migration.snapshot.IdentitySnapshot;
import io.ashpg.migration.snapshot.IndexField;
import io.ashpg.migration.snapshot.ReferenceSnapshot;
import io.ashpg.migration.snapshot.TableSnapshot;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The facts each operation provides and requires (the dependency rules of AshPostgres's generator, stated as
 * data). {@link OperationGraph} turns them into an order.
 */
public final class Facts {

  private Facts() {
  }

  /** Table id used in facts: {@code schema.table}, with {@code public} for an unqualified table. */
  static String id(TableSnapshot t) {
    return id(t.isTenant() ? null : t.schema(), t.table());
  }

  static String id(String schema, String table) {
    return (schema == null ? "public" : schema) + "." + table;
  }

  /**
   * Table id of an FK's destination, as seen from {@code source}: a tenant table referencing a global table
   * gets an id that no tenant-set operation can provide (the global table is migrated separately).
   */
  static String destinationId(TableSnapshot source, ReferenceSnapshot r) {
    if (source.isTenant()) {
      return r.multitenancy().isContext() ? id(null, r.table()) : "global:" + id(r.schema(), r.table());
    }
    return id(r.schema(), r.table());
  }

  private static String indexScope(TableSnapshot t) {
    return t.isTenant() || t.schema() == null ? "public" : t.schema();
  }

  private static String columns(List<String> cols) {
    return String.join(",", new TreeSet<>(cols));
  }

  private static Fact f(Fact.Kind k, String table, String detail) {
    return new Fact(k, table, detail);
  }

  /** Plain column names among index keys, or null when a key is an expression. */
  private static List<String> plainColumns(List<IndexField> fields) {
    List<String> out = new ArrayList<>();
    for (IndexField k : fields) {
      if (k.expression()) {
        return null;
      }
      out.add(k.value());
    }
    return out;
  }

  private static List<String> columnsOf(List<IndexField> fields) {
    return fields.stream().filter(k -> !k.expression()).map(IndexField::value).toList();
  }

  private static final Pattern STRING_LITERAL = Pattern.compile("'(?:[^']|'')*'");
  private static final Pattern IDENTIFIER = Pattern.compile("\"((?:[^\"]|\"\")+)\"|([A-Za-z_][A-Za-z0-9_$]*)");

  /**
   * The columns of {@code t} an index or constraint uses: its plain key columns, its {@code INCLUDE} columns, and
   * the columns its SQL texts (expression keys, predicate, check) name. SQL is not parsed: every identifier outside
   * string literals that is a column of the table counts, which may include a function or keyword spelled like a
   * column — an extra ordering constraint, never a missing one.
   */
  static List<String> usedColumns(TableSnapshot t, List<IndexField> keys, List<String> include, String... sql) {
    TreeSet<String> out = new TreeSet<>(columnsOf(keys));
    out.addAll(include);
    List<String> texts = new ArrayList<>(java.util.Arrays.stream(sql).filter(java.util.Objects::nonNull).toList());
    keys.stream().filter(IndexField::expression).forEach(k -> texts.add(k.value()));
    java.util.Set<String> columns = new java.util.HashSet<>();
    t.attributes().forEach(a -> columns.add(a.source()));
    for (String text : texts) {
      Matcher m = IDENTIFIER.matcher(STRING_LITERAL.matcher(text).replaceAll(" "));
      while (m.find()) {
        String name = m.group(1) != null ? m.group(1).replace("\"\"", "\"")
            : m.group(2).toLowerCase(java.util.Locale.ROOT);
        if (columns.contains(name)) {
          out.add(name);
        }
      }
    }
    return List.copyOf(out);
  }

  private static List<String> usedColumns(TableSnapshot t, IdentitySnapshot i) {
    return usedColumns(t, IndexDefinitions.identityKeys(t, i), List.of(), IndexDefinitions.identityWhere(i));
  }

  private static List<String> usedColumns(TableSnapshot t, CustomIndexSnapshot i) {
    return usedColumns(t, IndexDefinitions.customIndexFields(t, i), i.include(),
        IndexDefinitions.customIndexWhere(t, i));
  }

  private static List<String> usedColumns(TableSnapshot t, CheckConstraintSnapshot c) {
    return usedColumns(t, List.of(), c.attributes(), IndexDefinitions.checkExpression(c));
  }

  private static List<String> referenceIndexColumns(TableSnapshot t, AttributeSnapshot a) {
    return usedColumns(t, IndexDefinitions.referenceIndexColumns(t, a).stream().map(IndexField::column).toList(),
        List.of(), IndexDefinitions.referenceIndexWhere(a));
  }

  /** The unique key (table, sorted columns) {@code op} adds or removes, if it adds or removes one an FK can use. */
  static Optional<Fact> changedKey(Operation op) {
    List<String> cols = keyColumns(op);
    return cols == null ? Optional.empty() : Optional.of(key(id(op.table()), cols));
  }

  /**
   * The columns of the unique key {@code op} adds or removes, if it adds or removes one an FK can use (a primary
   * key's as it is named after column renames, an index's as the index names them); null otherwise.
   */
  static List<String> keyColumns(Operation op) {
    TableSnapshot t = op.table();
    List<String> cols = null;
    if (op instanceof AddPrimaryKey p) {
      cols = p.columns();
    } else if (op instanceof RemovePrimaryKey p) {
      cols = p.columns();
    } else if (op instanceof AddUniqueIndex u && IndexDefinitions.identityWhere(u.identity()) == null) {
      cols = plainColumns(IndexDefinitions.identityKeys(t, u.identity()));
    } else if (op instanceof RemoveUniqueIndex u && IndexDefinitions.identityWhere(u.identity()) == null) {
      cols = plainColumns(IndexDefinitions.identityKeys(t, u.identity()));
    } else if (op instanceof AddCustomIndex c && c.index().unique()
        && IndexDefinitions.customIndexWhere(t, c.index()) == null) {
      cols = plainColumns(IndexDefinitions.customIndexFields(t, c.index()));
    } else if (op instanceof RemoveCustomIndex c && c.index().unique()
        && IndexDefinitions.customIndexWhere(t, c.index()) == null) {
      cols = plainColumns(IndexDefinitions.customIndexFields(t, c.index()));
    }
    return cols;
  }

  /** Whether {@code op} removes a unique key an FK may be using. */
  static boolean removesKey(Operation op) {
    return (op instanceof RemovePrimaryKey || op instanceof RemoveUniqueIndex || op instanceof RemoveCustomIndex)
        && changedKey(op).isPresent();
  }

  /** The key the FK of {@code attribute} (a column of {@code source}) references. */
  static Fact referencedKey(TableSnapshot source, AttributeSnapshot attribute) {
    ReferenceSnapshot r = attribute.references();
    return key(destinationId(source, r), IndexDefinitions.fkDestinationColumns(r));
  }

  private static Fact key(String table, List<String> cols) {
    return f(KEY_CHANGED, table, columns(cols));
  }

  private static Fact unbound(Fact key) {
    return f(FK_UNBOUND, key.table(), key.detail());
  }

  /** Facts {@code op} makes true. */
  public static List<Fact> provides(Operation op) {
    List<Fact> out = new ArrayList<>();
    TableSnapshot t = op.table();
    String id = t == null ? null : id(t);
    if (op instanceof CreateTable c) {
      out.add(f(TABLE_READY, id, ""));
      c.table().attributes().forEach(a -> out.add(f(COLUMN_READY, id, a.source())));
      if (!c.table().primaryKey().isEmpty()) {
        out.add(f(UNIQUE_READY, id, columns(c.table().primaryKey())));
      }
    } else if (op instanceof DropTable d) {
      for (AttributeSnapshot a : d.table().attributes()) {
        if (a.references() != null) {
          String dest = destinationId(t, a.references());
          IndexDefinitions.fkDestinationColumns(a.references())
              .forEach(c -> out.add(f(REFERENCING_FK_DROPPED, dest, c)));
          out.add(unbound(referencedKey(t, a)));
        }
      }
    } else if (op instanceof RenameTable || op instanceof MoveTableSchema) {
      out.add(f(TABLE_READY, id, ""));
    } else if (op instanceof AddAttribute a) {
      out.add(f(COLUMN_READY, id, a.attribute().source()));
    } else if (op instanceof AlterAttribute a) {
      out.add(f(COLUMN_READY, id, a.to().source()));
    } else if (op instanceof RenameAttribute r) {
      out.add(f(COLUMN_READY, id, r.to()));
    } else if (op instanceof AddPrimaryKey p) {
      out.add(f(UNIQUE_READY, id, columns(p.columns())));
    } else if (op instanceof RemovePrimaryKey p) {
      out.add(f(PRIMARY_KEY_REMOVED, id, ""));
      p.columns().forEach(c -> out.add(f(COLUMN_RELEASED, id, c)));
    } else if (op instanceof DropForeignKey d && d.direction() != Operation.Direction.DOWN_ONLY) {
      ReferenceSnapshot r = d.attribute().references();
      String dest = destinationId(t, r);
      IndexDefinitions.fkDestinationColumns(r).forEach(c -> out.add(f(REFERENCING_FK_DROPPED, dest, c)));
      IndexDefinitions.fkSourceColumns(d.attribute()).forEach(c -> out.add(f(COLUMN_RELEASED, id, c)));
      out.add(f(CONSTRAINT_NAME_FREE, id, r.name()));
      out.add(unbound(referencedKey(t, d.attribute())));
    } else if (op instanceof AddUniqueIndex u) {
      List<IndexField> keys = IndexDefinitions.identityKeys(t, u.identity());
      List<String> cols = plainColumns(keys);
      if (cols != null && IndexDefinitions.identityWhere(u.identity()) == null) {
        out.add(f(UNIQUE_READY, id, columns(cols)));
      }
    } else if (op instanceof RemoveUniqueIndex u) {
      out.add(f(INDEX_NAME_FREE, indexScope(t), u.identity().indexName()));
      usedColumns(t, u.identity()).forEach(c -> out.add(f(COLUMN_RELEASED, id, c)));
    } else if (op instanceof RenameUniqueIndex r) {
      out.add(f(INDEX_NAME_FREE, indexScope(t), r.from()));
    } else if (op instanceof AddCustomIndex c) {
      List<String> cols = plainColumns(IndexDefinitions.customIndexFields(t, c.index()));
      if (c.index().unique() && cols != null && IndexDefinitions.customIndexWhere(t, c.index()) == null) {
        out.add(f(UNIQUE_READY, id, columns(cols)));
      }
    } else if (op instanceof RemoveCustomIndex c) {
      out.add(f(INDEX_NAME_FREE, indexScope(t), c.index().resolvedName(t.table())));
      usedColumns(t, c.index()).forEach(x -> out.add(f(COLUMN_RELEASED, id, x)));
    } else if (op instanceof RemoveReferenceIndex r) {
      out.add(f(INDEX_NAME_FREE, indexScope(t), r.indexName()));
      referenceIndexColumns(t, r.attribute()).forEach(c -> out.add(f(COLUMN_RELEASED, id, c)));
    } else if (op instanceof RemoveCheckConstraint c) {
      out.add(f(CONSTRAINT_NAME_FREE, id, c.constraint().name()));
      usedColumns(t, c.constraint()).forEach(a -> out.add(f(COLUMN_RELEASED, id, a)));
    } else if (op instanceof RemoveCustomStatement) {
      out.add(f(STATEMENTS_UNDONE, id, ""));
    } else if (op instanceof Distribute) {
      out.add(f(DISTRIBUTED, id, ""));
    } else if (op instanceof AddExtension || op instanceof RemoveExtension || op instanceof AddFunction) {
      out.add(f(EXTENSIONS_READY, "", ""));
    }
    changedKey(op).ifPresent(out::add);
    if (t != null && structural(op)) {
      out.add(f(TABLE_STRUCTURE_CHANGED, id, ""));
    }
    return out;
  }

  /** Facts that must hold before {@code op} runs. */
  public static List<Fact> requires(Operation op) {
    List<Fact> out = new ArrayList<>();
    TableSnapshot t = op.table();
    if (t == null) {
      return out;
    }
    String id = id(t);
    if (!(op instanceof CreateTable) && !(op instanceof DropTable) && !(op instanceof RemoveCustomStatement)) {
      out.add(f(TABLE_READY, id, ""));
    }
    if (structural(op) && !(op instanceof CreateTable)) {
      out.add(f(STATEMENTS_UNDONE, id, ""));
    }
    if (op instanceof CreateTable || op instanceof AddAttribute || op instanceof AlterAttribute
        || op instanceof AddUniqueIndex || op instanceof AddCustomIndex || op instanceof AddCustomStatement) {
      out.add(f(EXTENSIONS_READY, "", ""));
    }
    changedKey(op).ifPresent(k -> out.add(unbound(k)));
    if (op instanceof DropTable d) {
      for (AttributeSnapshot a : d.table().attributes()) {
        out.add(f(REFERENCING_FK_DROPPED, id, a.source()));
        out.add(f(COLUMN_RELEASED, id, a.source()));
        if (a.references() != null) {
          // after a rename or move of its keys' destination, which its rollback counterpart points at
          out.add(f(TABLE_READY, destinationId(t, a.references()), ""));
        }
      }
    } else if (op instanceof AlterAttribute a) {
      out.add(f(COLUMN_READY, id, a.to().source()));
      if (a.changesType()) {
        // checks, indexes and foreign keys over the column are dropped first, re-created after (Differ)
        out.add(f(COLUMN_RELEASED, id, a.to().source()));
        out.add(f(REFERENCING_FK_DROPPED, id, a.to().source()));
      }
    } else if (op instanceof RemoveAttribute r && !r.commented()) {
      out.add(f(REFERENCING_FK_DROPPED, id, r.attribute().source()));
      out.add(f(COLUMN_RELEASED, id, r.attribute().source()));
    } else if (op instanceof AddPrimaryKey p) {
      out.add(f(PRIMARY_KEY_REMOVED, id, ""));
      p.columns().forEach(c -> out.add(f(COLUMN_READY, id, c)));
    } else if (op instanceof RemovePrimaryKey p) {
      p.columns().forEach(c -> out.add(f(REFERENCING_FK_DROPPED, id, c)));
    } else if (op instanceof RenameAttribute r) {
      // whatever is dropped over the old column name is re-created on rollback before the rename is undone
      out.add(f(REFERENCING_FK_DROPPED, id, r.from()));
      out.add(f(COLUMN_RELEASED, id, r.from()));
    } else if (op instanceof DropForeignKey d && d.direction() != Operation.Direction.DOWN_ONLY) {
      // after a rename or move of its destination, which its rollback counterpart points at (Differ.retarget)
      out.add(f(TABLE_READY, destinationId(t, d.attribute().references()), ""));
    } else if (op instanceof AddForeignKey fk) {
      ReferenceSnapshot r = fk.attribute().references();
      IndexDefinitions.fkSourceColumns(fk.attribute()).forEach(c -> out.add(f(COLUMN_READY, id, c)));
      String dest = destinationId(t, r);
      // Citus: a foreign key joins tables already placed (distributed, reference) as they end up
      out.add(f(DISTRIBUTED, id, ""));
      out.add(f(DISTRIBUTED, dest, ""));
      List<String> destCols = IndexDefinitions.fkDestinationColumns(r);
      out.add(f(TABLE_READY, dest, ""));
      destCols.forEach(c -> out.add(f(COLUMN_READY, dest, c)));
      out.add(f(UNIQUE_READY, dest, columns(destCols)));
      out.add(referencedKey(t, fk.attribute()));
      out.add(f(CONSTRAINT_NAME_FREE, id, r.name()));
    } else if (op instanceof AddUniqueIndex u) {
      usedColumns(t, u.identity()).forEach(c -> out.add(f(COLUMN_READY, id, c)));
      out.add(f(INDEX_NAME_FREE, indexScope(t), u.identity().indexName()));
    } else if (op instanceof RemoveUniqueIndex u) {
      List<String> cols = plainColumns(IndexDefinitions.identityKeys(t, u.identity()));
      if (cols != null) {
        cols.forEach(c -> out.add(f(REFERENCING_FK_DROPPED, id, c)));
      }
    } else if (op instanceof RenameUniqueIndex r) {
      out.add(f(INDEX_NAME_FREE, indexScope(t), r.identity().indexName()));
    } else if (op instanceof AddCustomIndex c) {
      usedColumns(t, c.index()).forEach(x -> out.add(f(COLUMN_READY, id, x)));
      out.add(f(INDEX_NAME_FREE, indexScope(t), c.index().resolvedName(t.table())));
    } else if (op instanceof RemoveCustomIndex c && c.index().unique()) {
      columnsOf(IndexDefinitions.customIndexFields(t, c.index()))
          .forEach(x -> out.add(f(REFERENCING_FK_DROPPED, id, x)));
    } else if (op instanceof AddReferenceIndex r) {
      referenceIndexColumns(t, r.attribute()).forEach(c -> out.add(f(COLUMN_READY, id, c)));
      out.add(f(INDEX_NAME_FREE, indexScope(t), r.indexName()));
    } else if (op instanceof AddCheckConstraint c) {
      usedColumns(t, c.constraint()).forEach(a -> out.add(f(COLUMN_READY, id, a)));
      out.add(f(CONSTRAINT_NAME_FREE, id, c.constraint().name()));
    } else if (op instanceof Distribute d) {
      requireDistributable(d, id, out);
    } else if (op instanceof AddCustomStatement s) {
      out.add(f(TABLE_STRUCTURE_CHANGED, id, ""));
      for (String after : s.statement().afterTables()) {
        String afterId = after.contains(".") ? after : id(t.isTenant() ? null : t.schema(), after);
        out.add(f(TABLE_READY, afterId, ""));
        out.add(f(TABLE_STRUCTURE_CHANGED, afterId, ""));
      }
    }
    return out;
  }

  /**
   * Citus distributes a table by a column it has, with the table it colocates with placed first; and it undoes a
   * placement only on a table no foreign key touches, nor a unique index without the new distribution column: every
   * key, index and constraint the batch drops on the old table is dropped before.
   */
  private static void requireDistributable(Distribute d, String id, List<Fact> out) {
    DistributionSnapshot to = d.to();
    if (to != null && to.isDistributed()) {
      out.add(f(COLUMN_READY, id, to.column()));
      if (to.colocateWith() != null) {
        out.add(f(DISTRIBUTED, id(to.colocateWith().schema(), to.colocateWith().table()), ""));
      }
    }
    if (d.before() != null) {
      for (AttributeSnapshot a : d.before().attributes()) {
        out.add(f(COLUMN_RELEASED, id, a.source()));
        out.add(f(REFERENCING_FK_DROPPED, id, a.source()));
      }
    }
  }

  /** Operations that change the table's structure (everything but custom statements and extensions). */
  static boolean structural(Operation op) {
    return !(op instanceof AddCustomStatement) && !(op instanceof RemoveCustomStatement)
        && !(op instanceof AddExtension) && !(op instanceof RemoveExtension);
  }
}
