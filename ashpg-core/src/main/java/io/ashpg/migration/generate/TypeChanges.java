package io.ashpg.migration.generate;

import io.ashpg.migration.ddl.TypeCasts;
import io.ashpg.migration.ddl.TypeCasts.SqlType;
import io.ashpg.migration.ddl.TypeChangeRefusedException;
import io.ashpg.migration.diff.Conversion;
import io.ashpg.migration.diff.IndexDefinitions;
import io.ashpg.migration.diff.Operation;
import io.ashpg.migration.diff.Operation.AlterAttribute;
import io.ashpg.migration.snapshot.AttributeSnapshot;
import io.ashpg.migration.snapshot.ReferenceSnapshot;
import io.ashpg.migration.snapshot.TableKey;
import io.ashpg.migration.snapshot.TableSnapshot;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The generator's decisions on column type changes, made before anything is written: each change gets the conversion
 * its resource states ({@code convertType}, for a change from exactly the stated type), and a change PostgreSQL could
 * not convert — no cast one way or the other and no stated conversion, or a foreign key whose two columns would end up
 * with types PostgreSQL cannot compare — stops the generation with one error naming the table, column and types.
 */
final class TypeChanges {

  /** Type families whose members PostgreSQL compares with each other in a foreign key (cross-type btree operators). */
  private static final List<Set<String>> COMPARABLE = List.of(Set.of("int2", "int4", "int8"),
      Set.of("text", "varchar"), Set.of("float4", "float8"), Set.of("date", "timestamp", "timestamptz"));

  private TypeChanges() {
  }

  /**
   * {@code ops} with the stated conversions attached to their type changes.
   *
   * @param current every table of the repo as it is declared now (to find the other side of a foreign key)
   * @throws TypeChangeRefusedException for a change PostgreSQL cannot convert in up or in down
   * @throws IllegalArgumentException   for a foreign key whose column types would no longer match
   */
  static List<Operation> apply(List<Operation> ops, List<ColumnConversion> conversions,
      Collection<TableSnapshot> current) {
    List<Operation> out = new ArrayList<>(ops.size());
    List<AlterAttribute> retyped = new ArrayList<>();
    for (Operation op : ops) {
      if (op instanceof AlterAttribute a && a.changesType()) {
        Optional<ColumnConversion> stated = stated(a, conversions);
        AlterAttribute converted = stated.map(c -> a.withConversion(new Conversion(c.conversion().using(),
            c.conversion().reverseUsing().orElse(null)))).orElse(a);
        refuseWithoutCast(converted, conversions);
        retyped.add(converted);
        out.add(converted);
      } else {
        out.add(op);
      }
    }
    if (!retyped.isEmpty()) {
      refuseMismatchedForeignKeys(retyped, current);
    }
    return out;
  }

  private static Optional<ColumnConversion> stated(AlterAttribute a, List<ColumnConversion> conversions) {
    SqlType from = TypeCasts.typeOf(a.from());
    return conversions.stream().filter(c -> c.table().equals(a.table().key()) && c.column().equals(a.to().source())
        && TypeCasts.parse(c.conversion().fromType()).equals(from)).findFirst();
  }

  private static void refuseWithoutCast(AlterAttribute a, List<ColumnConversion> conversions) {
    String from = TypeCasts.typeOf(a.from()).toString();
    String to = TypeCasts.typeOf(a.to()).toString();
    boolean up = a.conversion() == null && !TypeCasts.cast(a.from(), a.to()).exists();
    boolean down = (a.conversion() == null || a.conversion().down() == null)
        && !TypeCasts.cast(a.to(), a.from()).exists();
    if (!up && !down) {
      return;
    }
    String note = conversions.stream().filter(c -> c.table().equals(a.table().key())
        && c.column().equals(a.to().source())).findFirst()
        .map(c -> " (resource " + c.resource() + " states a conversion from " + c.conversion().fromType()
            + ", which is not the column's type before this change, so it was not used)")
        .orElse(down && a.conversion() != null ? " (the conversion stated for it has no expression back for down)"
            : "");
    throw new TypeChangeRefusedException(qualified(a.table().key()), a.to().source(), from, to, !up, note);
  }

  /**
   * A foreign key from or to a retyped column must still join columns PostgreSQL can compare: the same type, or two
   * types of one family it has cross-type operators for (integers, text and varchar, floats, dates and timestamps).
   */
  private static void refuseMismatchedForeignKeys(List<AlterAttribute> retyped, Collection<TableSnapshot> current) {
    for (TableSnapshot t : current) {
      for (AttributeSnapshot a : t.attributes()) {
        ReferenceSnapshot r = a.references();
        if (r == null) {
          continue;
        }
        TableSnapshot dest = current.stream().filter(d -> d.table().equals(r.table())
            && Objects.equals(schema(d.schema()), schema(t.isTenant() && r.schema() == null ? t.schema() : r.schema())))
            .findFirst().orElse(null);
        if (dest == null) {
          continue;
        }
        List<String> sources = IndexDefinitions.fkSourceColumns(a);
        List<String> targets = IndexDefinitions.fkDestinationColumns(r);
        for (int i = 0; i < sources.size() && i < targets.size(); i++) {
          String s = sources.get(i);
          String d = targets.get(i);
          if (!touches(retyped, t, s) && !touches(retyped, dest, d)) {
            continue;
          }
          Optional<AttributeSnapshot> sc = column(t, s);
          Optional<AttributeSnapshot> dc = column(dest, d);
          if (sc.isPresent() && dc.isPresent() && !comparable(TypeCasts.typeOf(sc.get()), TypeCasts.typeOf(dc.get()))) {
            throw new IllegalArgumentException("foreign key " + r.name() + " joins column \"" + s + "\" of table "
                + qualified(t.key()) + " (" + TypeCasts.typeOf(sc.get()) + ") to column \"" + d + "\" of table "
                + qualified(dest.key()) + " (" + TypeCasts.typeOf(dc.get()) + "), and after this change their types"
                + " no longer match, which PostgreSQL refuses for a foreign key; change both columns to the same type in"
                + " this generation (a belongs_to attribute takes its type from the destination's key), or remove the"
                + " reference first");
          }
        }
      }
    }
  }

  private static boolean touches(List<AlterAttribute> retyped, TableSnapshot t, String column) {
    return retyped.stream().anyMatch(a -> a.table().key().equals(t.key()) && a.to().source().equals(column));
  }

  private static Optional<AttributeSnapshot> column(TableSnapshot t, String name) {
    return t.attributes().stream().filter(a -> a.source().equals(name)).findFirst();
  }

  private static boolean comparable(SqlType a, SqlType b) {
    if (a.arrayDims() != b.arrayDims()) {
      return false;
    }
    return a.base().equals(b.base()) || COMPARABLE.stream().anyMatch(f -> f.contains(a.base()) && f.contains(b.base()));
  }

  private static String schema(String s) {
    return s == null ? "public" : s;
  }

  private static String qualified(TableKey key) {
    return schema(key.schema()) + "." + key.table();
  }
}
