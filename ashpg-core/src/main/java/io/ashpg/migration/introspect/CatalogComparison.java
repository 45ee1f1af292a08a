package io.ashpg.migration.introspect;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Compares an expected catalog (usually {@link DeclaredCatalog}) with an actual one ({@link CatalogReader}) field by
 * field and lists every difference, each naming schema, table, object and field. Tables, columns, indexes and
 * constraints are matched by name; column order is not compared (generated migrations append columns).
 *
 * <p>Objects the snapshots cannot know about (created by custom statements, or tables of unmanaged resources) are
 * declared with {@link #ignoringTable} and {@link #ignoringObject}: they are then not reported as unexpected. An
 * extension is reported only when declared and missing: the generator never drops extensions (it writes the drop
 * commented out), so installed extensions beyond the declared ones are normal.
 *
 * <p>Immutable; the {@code ignoring…} methods return modified copies.
 */
public final class CatalogComparison {

  private final Set<String> ignoredTables;
  private final Set<String> ignoredObjects;

  private CatalogComparison(Set<String> ignoredTables, Set<String> ignoredObjects) {
    this.ignoredTables = Set.copyOf(ignoredTables);
    this.ignoredObjects = Set.copyOf(ignoredObjects);
  }

  /** A comparison that reports every difference. */
  public static CatalogComparison strict() {
    return new CatalogComparison(Set.of(), Set.of());
  }

  /** Does not report table {@code schema.table} as unexpected (it is still compared when expected). */
  public CatalogComparison ignoringTable(String schema, String table) {
    Set<String> t = new HashSet<>(ignoredTables);
    t.add(key(schema, table, null));
    return new CatalogComparison(t, ignoredObjects);
  }

  /**
   * Does not report the column, index or constraint {@code name} of {@code schema.table} as unexpected (it is still
   * compared when expected).
   */
  public CatalogComparison ignoringObject(String schema, String table, String name) {
    Set<String> o = new HashSet<>(ignoredObjects);
    o.add(key(schema, table, Objects.requireNonNull(name, "name")));
    return new CatalogComparison(ignoredTables, o);
  }

  private static String key(String schema, String table, String name) {
    return Objects.requireNonNull(schema, "schema") + "\u0000" + Objects.requireNonNull(table, "table")
        + (name == null ? "" : "\u0000" + name);
  }

  /**
   * Every difference between the schemas {@code expected} and {@code actual}; a schema on one side only is compared
   * with an empty one.
   */
  public List<CatalogDifference> compare(Collection<SchemaCatalog> expected, Collection<SchemaCatalog> actual) {
    Map<String, SchemaCatalog> e = bySchema(expected);
    Map<String, SchemaCatalog> a = bySchema(actual);
    List<CatalogDifference> out = new ArrayList<>();
    Set<String> schemas = new TreeSet<>(e.keySet());
    schemas.addAll(a.keySet());
    // extensions are database-wide: a schema read on one side only still sees the database's extensions
    List<String> installed = actual.stream().flatMap(s -> s.extensions().stream()).distinct().toList();
    Set<String> extensionsReported = new HashSet<>();
    for (String schema : schemas) {
      SchemaCatalog es = e.getOrDefault(schema, new SchemaCatalog(schema, Map.of(), List.of()));
      SchemaCatalog as = a.getOrDefault(schema, new SchemaCatalog(schema, Map.of(), installed));
      for (CatalogDifference d : compare(es, as)) {
        // a missing extension is reported once, not once per schema
        if (d.table() != null || extensionsReported.add(d.object())) {
          out.add(d);
        }
      }
    }
    return out;
  }

  /** Every difference between two catalogs of the same schema. */
  public List<CatalogDifference> compare(SchemaCatalog expected, SchemaCatalog actual) {
    List<CatalogDifference> out = new ArrayList<>();
    String schema = expected.schema();
    for (String ext : expected.extensions()) {
      if (!actual.extensions().contains(ext)) {
        out.add(new CatalogDifference(CatalogDifference.Kind.MISSING, schema, null, "extension " + ext, null,
            null, null));
      }
    }
    Set<String> names = new TreeSet<>(expected.tables().keySet());
    names.addAll(actual.tables().keySet());
    for (String name : names) {
      TableCatalog e = expected.tables().get(name);
      TableCatalog a = actual.tables().get(name);
      if (a == null) {
        out.add(new CatalogDifference(CatalogDifference.Kind.MISSING, schema, name, "table", null, null, null));
      } else if (e == null) {
        if (!ignoredTables.contains(key(schema, name, null))) {
          out.add(new CatalogDifference(CatalogDifference.Kind.UNEXPECTED, schema, name, "table", null, null, null));
        }
      } else {
        out.addAll(compare(e, a));
      }
    }
    return out;
  }

  /** Every difference between two catalogs of the same table. */
  public List<CatalogDifference> compare(TableCatalog expected, TableCatalog actual) {
    Table t = new Table(expected.schema(), expected.name(), new ArrayList<>());
    t.objects("column", expected.columns(), actual.columns(), ColumnCatalog::name, c -> c.type(), (e, a, f) -> {
      f.field("type", e.type(), a.type());
      f.field("not null", e.notNull(), a.notNull());
      f.field("default", e.defaultExpression(), a.defaultExpression());
      f.field("identity", e.identity(), a.identity());
      f.field("serial", e.serial(), a.serial());
      f.field("generated expression", e.generatedExpression(), a.generatedExpression());
    });
    t.objects("primary key", optional(expected.primaryKey()), optional(actual.primaryKey()), p -> "",
        p -> p.name() + " " + list(p.columns()), (e, a, f) -> {
          f.field("name", e.name(), a.name());
          f.field("columns", list(e.columns()), list(a.columns()));
        });
    t.objects("index", expected.indexes(), actual.indexes(), IndexCatalog::name, CatalogComparison::describe,
        (e, a, f) -> {
          f.field("unique", e.unique(), a.unique());
          f.field("method", e.method(), a.method());
          f.field("keys", e.keyList(), a.keyList());
          f.field("include", list(e.include()), list(a.include()));
          f.field("predicate", e.predicate(), a.predicate());
          f.field("nulls not distinct", e.nullsNotDistinct(), a.nullsNotDistinct());
          f.field("backs a constraint", e.backsConstraint(), a.backsConstraint());
        });
    t.objects("foreign key", expected.foreignKeys(), actual.foreignKeys(), ForeignKeyCatalog::name,
        CatalogComparison::describe, (e, a, f) -> {
          f.field("columns", list(e.columns()), list(a.columns()));
          f.field("referenced table", e.referencedQualifiedName(), a.referencedQualifiedName());
          f.field("referenced columns", list(e.referencedColumns()), list(a.referencedColumns()));
          f.field("on delete", e.onDelete(), a.onDelete());
          f.field("on delete columns", list(e.onDeleteSetColumns()), list(a.onDeleteSetColumns()));
          f.field("on update", e.onUpdate(), a.onUpdate());
          f.field("match", e.match(), a.match());
          f.field("deferrable", e.deferrable(), a.deferrable());
          f.field("initially deferred", e.initiallyDeferred(), a.initiallyDeferred());
          f.field("validated", e.validated(), a.validated());
        });
    t.objects("check constraint", expected.checks(), actual.checks(), CheckCatalog::name, CheckCatalog::expression,
        (e, a, f) -> {
          f.field("expression", e.expression(), a.expression());
          f.field("validated", e.validated(), a.validated());
        });
    t.objects("exclusion constraint", expected.exclusions(), actual.exclusions(), ExclusionCatalog::name,
        ExclusionCatalog::definition, (e, a, f) -> f.field("definition", e.definition(), a.definition()));
    return t.out();
  }

  private static <T> List<T> optional(T value) {
    return value == null ? List.of() : List.of(value);
  }

  private static String list(List<String> items) {
    return items.stream().collect(Collectors.joining(", ", "(", ")"));
  }

  /** A short description of an index: {@code UNIQUE btree ("a", "b") WHERE …}. */
  static String describe(IndexCatalog i) {
    return (i.unique() ? "UNIQUE " : "") + i.method() + " " + i.keyList()
        + (i.include().isEmpty() ? "" : " INCLUDE " + list(i.include()))
        + (i.nullsNotDistinct() ? " NULLS NOT DISTINCT" : "")
        + (i.predicate() == null ? "" : " WHERE " + i.predicate());
  }

  /** A short description of a foreign key: {@code (a) REFERENCES public.t(id) ON DELETE CASCADE}. */
  static String describe(ForeignKeyCatalog f) {
    return list(f.columns()) + " REFERENCES " + f.referencedQualifiedName() + list(f.referencedColumns())
        + (f.onDelete() == ReferentialAction.NO_ACTION ? "" : " ON DELETE " + f.onDelete())
        + (f.onUpdate() == ReferentialAction.NO_ACTION ? "" : " ON UPDATE " + f.onUpdate());
  }

  private static Map<String, SchemaCatalog> bySchema(Collection<SchemaCatalog> schemas) {
    Map<String, SchemaCatalog> out = new LinkedHashMap<>();
    for (SchemaCatalog s : schemas) {
      if (out.put(s.schema(), s) != null) {
        throw new IllegalArgumentException("schema " + s.schema() + " is given twice");
      }
    }
    return out;
  }

  /** Compares the fields of one object pair. */
  private interface Fields<T> {
    void compare(T expected, T actual, FieldSink sink);
  }

  /** Receives field pairs; records a difference when they are not equal. */
  private interface FieldSink {
    void field(String field, Object expected, Object actual);
  }

  /** Collects the differences of one table. */
  private final class Table {
    private final String schema;
    private final String name;
    private final List<CatalogDifference> out;

    Table(String schema, String name, List<CatalogDifference> out) {
      this.schema = schema;
      this.name = name;
      this.out = out;
    }

    List<CatalogDifference> out() {
      return out;
    }

    <T> void objects(String kind, List<T> expected, List<T> actual, Function<T, String> nameOf,
        Function<T, String> describe, Fields<T> fields) {
      Map<String, T> e = new LinkedHashMap<>();
      expected.forEach(x -> e.put(nameOf.apply(x), x));
      Map<String, T> a = new LinkedHashMap<>();
      actual.forEach(x -> a.put(nameOf.apply(x), x));
      Set<String> names = new java.util.LinkedHashSet<>(e.keySet());
      names.addAll(a.keySet());
      for (String n : names) {
        String object = n.isEmpty() ? kind : kind + " " + n;
        T ex = e.get(n);
        T ac = a.get(n);
        if (ac == null) {
          out.add(new CatalogDifference(CatalogDifference.Kind.MISSING, schema, name, object, null,
              describe.apply(ex), null));
        } else if (ex == null) {
          if (!ignoredObjects.contains(key(schema, name, n))) {
            out.add(new CatalogDifference(CatalogDifference.Kind.UNEXPECTED, schema, name, object, null, null,
                describe.apply(ac)));
          }
        } else {
          fields.compare(ex, ac, (field, ev, av) -> {
            if (!Objects.equals(ev, av)) {
              out.add(new CatalogDifference(CatalogDifference.Kind.DIFFERENT, schema, name, object, field,
                  show(ev), show(av)));
            }
          });
        }
      }
    }
  }

  private static String show(Object value) {
    return value == null ? "none" : value.toString();
  }
}
