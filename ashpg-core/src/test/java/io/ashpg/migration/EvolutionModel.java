package io.ashpg.migration;

import io.ashpg.fixtures.PlainRepo;
import io.ashpg.resource.AttributeDefault;
import io.ashpg.resource.Deferrable;
import io.ashpg.resource.IndexField;
import io.ashpg.resource.MatchType;
import io.ashpg.resource.Multitenancy;
import io.ashpg.resource.OnDelete;
import io.ashpg.resource.OnUpdate;
import io.ashpg.resource.Resource;
import io.ashpg.resource.Type;
import io.ashpg.migration.snapshot.TableKey;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * The resources of a random schema evolution as plain, mutable data: {@link EvolutionMutator} changes it step by
 * step, {@link #resources()} turns it into real {@code Resource.define(...)} definitions, which the generator sees
 * exactly as a user's resources.
 *
 * <p>Every object has a name that is never reused ({@link #fresh}), so dropping one thing and adding another in the
 * same step never looks like a change of the same column or table. Columns and references carry a stable id so the
 * rename hints of a step can be computed by comparing the model before and after it ({@link #hints}). SQL fragments
 * (checks, predicates, index expressions) are {@link Sql} templates over column names, so a column rename carries
 * over to them as it must in a user's resource.
 */
final class EvolutionModel {

  /** The resource every attribute-multitenant table belongs to; never dropped, renamed or moved. */
  static final String ORG = "org";
  /** The tenant column of attribute-multitenant tables (the source attribute of their {@code org} belongs_to). */
  static final String TENANT_COLUMN = "org_id";

  enum Tenancy { NONE, CONTEXT, ATTRIBUTE }

  /** Column type families: a retype stays inside its family, where PostgreSQL has an assignment cast. */
  enum Family { NUMBER, TEXT, TIME, OTHER }

  enum Kind {
    INT4(Family.NUMBER), INT8(Family.NUMBER), NUMERIC(Family.NUMBER), FLOAT8(Family.NUMBER),
    VARCHAR(Family.TEXT), TEXT(Family.TEXT),
    DATE(Family.TIME), TIMESTAMP0(Family.TIME), TIMESTAMP(Family.TIME), TIMESTAMPTZ(Family.TIME),
    BOOL(Family.OTHER), UUID(Family.OTHER), JSONB(Family.OTHER), TEXT_ARRAY(Family.OTHER), INT8_ARRAY(Family.OTHER);

    final Family family;

    Kind(Family family) {
      this.family = family;
    }

    /** Types a GIN index applies to without extensions. */
    boolean ginIndexable() {
      return this == JSONB || this == TEXT_ARRAY || this == INT8_ARRAY;
    }

    /** Types that have a default btree operator class (everything here but nothing exotic). */
    boolean btreeIndexable() {
      return true;
    }
  }

  /**
   * A column type.
   *
   * @param size      varchar length
   * @param precision numeric precision
   * @param scale     numeric scale
   */
  record ColumnType(Kind kind, int size, int precision, int scale) {
    static ColumnType of(Kind kind) {
      return new ColumnType(kind, 0, 0, 0);
    }

    /** The attribute type of the DSL. */
    Type dsl() {
      return switch (kind) {
        case INT4, INT8 -> Type.INTEGER;
        case NUMERIC -> Type.decimal(precision, scale);
        case FLOAT8 -> Type.FLOAT;
        case VARCHAR, TEXT -> Type.STRING;
        case DATE -> Type.DATE;
        case TIMESTAMP0 -> Type.UTC_DATETIME;
        case TIMESTAMP -> Type.UTC_DATETIME_USEC;
        case TIMESTAMPTZ -> Type.TIMESTAMPTZ;
        case BOOL -> Type.BOOLEAN;
        case UUID -> Type.UUID;
        case JSONB -> Type.MAP;
        case TEXT_ARRAY -> Type.arrayOf(Type.STRING);
        case INT8_ARRAY -> Type.arrayOf(Type.INTEGER);
      };
    }

    /** The {@code migrationType} override the DSL needs for this type, if any. */
    Optional<String> migrationType() {
      return switch (kind) {
        case INT4 -> Optional.of("integer");
        case VARCHAR -> Optional.of("varchar(" + size + ")");
        default -> Optional.empty();
      };
    }

    @Override
    public String toString() {
      return switch (kind) {
        case NUMERIC -> "numeric(" + precision + "," + scale + ")";
        case VARCHAR -> "varchar(" + size + ")";
        default -> kind.name().toLowerCase(java.util.Locale.ROOT);
      };
    }
  }

  /**
   * SQL over columns: {@code {0}}, {@code {1}}… stand for {@code columns}, so renames carry over.
   *
   * @param template the SQL with placeholders
   * @param columns  the columns, in placeholder order
   */
  record Sql(String template, List<String> columns) {
    Sql {
      columns = List.copyOf(columns);
    }

    static Sql of(String template, String... columns) {
      return new Sql(template, List.of(columns));
    }

    String render() {
      String out = template;
      for (int i = 0; i < columns.size(); i++) {
        out = out.replace("{" + i + "}", columns.get(i));
      }
      return out;
    }

    boolean uses(String column) {
      return columns.contains(column);
    }

    Sql renamed(String from, String to) {
      return new Sql(template, columns.stream().map(c -> c.equals(from) ? to : c).toList());
    }

    @Override
    public String toString() {
      return render();
    }
  }

  /** A plain attribute. */
  static final class Column {
    final int id;
    String name;
    ColumnType type;
    boolean allowNil;
    /** Null: no default. */
    AttributeDefault dflt;

    Column(int id, String name, ColumnType type, boolean allowNil, AttributeDefault dflt) {
      this.id = id;
      this.name = name;
      this.type = type;
      this.allowNil = allowNil;
      this.dflt = dflt;
    }

    Column copy() {
      return new Column(id, name, type, allowNil, dflt);
    }
  }

  /** A belongs_to relationship, with its column {@code <relationship>_id} and its {@code reference(...)} options. */
  static final class Ref {
    final int id;
    String relationship;
    String destination;
    boolean allowNil;
    /** Whether a {@code reference(...)} section is declared at all. */
    boolean declared;
    OnDelete onDelete;
    OnUpdate onUpdate;
    Deferrable deferrable;
    boolean index;
    Sql indexWhere;
    String name;
    /** Extra source column → destination column pairs of a composite key; the destination has an identity on them. */
    Map<String, String> matchWith = new LinkedHashMap<>();
    MatchType matchType;
    boolean matchTenant;

    Ref(int id, String relationship, String destination) {
      this.id = id;
      this.relationship = relationship;
      this.destination = destination;
    }

    String column() {
      return relationship + "_id";
    }

    Ref copy() {
      Ref r = new Ref(id, relationship, destination);
      r.allowNil = allowNil;
      r.declared = declared;
      r.onDelete = onDelete;
      r.onUpdate = onUpdate;
      r.deferrable = deferrable;
      r.index = index;
      r.indexWhere = indexWhere;
      r.name = name;
      r.matchWith = new LinkedHashMap<>(matchWith);
      r.matchType = matchType;
      r.matchTenant = matchTenant;
      return r;
    }

    /** Every column of the key on the source side. */
    List<String> sourceColumns() {
      return Stream.concat(Stream.of(column()), matchWith.keySet().stream()).toList();
    }

    /** Makes the key plain (no {@code matchWith}, match type or tenant match); nilify columns outside it go. */
    void plainKey() {
      matchWith.clear();
      matchType = null;
      matchTenant = false;
      if (onDelete != null && !sourceColumns().containsAll(onDelete.columns())) {
        onDelete = OnDelete.NILIFY;
      }
    }

    @Override
    public String toString() {
      StringBuilder sb = new StringBuilder(relationship).append(" -> ").append(destination);
      if (!allowNil) {
        sb.append(" not null");
      }
      if (declared) {
        sb.append(" reference(");
        List<String> parts = new ArrayList<>();
        if (onDelete != null) {
          parts.add("onDelete=" + onDelete.kind() + (onDelete.columns().isEmpty() ? "" : onDelete.columns()));
        }
        if (onUpdate != null) {
          parts.add("onUpdate=" + onUpdate);
        }
        if (deferrable != null) {
          parts.add("deferrable=" + deferrable);
        }
        if (index) {
          parts.add("index");
        }
        if (indexWhere != null) {
          parts.add("indexWhere=" + indexWhere);
        }
        if (name != null) {
          parts.add("name=" + name);
        }
        if (!matchWith.isEmpty()) {
          parts.add("matchWith=" + matchWith);
        }
        if (matchType != null) {
          parts.add("match=" + matchType);
        }
        if (matchTenant) {
          parts.add("matchTenant");
        }
        sb.append(String.join(", ", parts)).append(')');
      }
      return sb.toString();
    }
  }

  /** An identity (unique index). */
  static final class Identity {
    final String name;
    List<String> keys;
    boolean nullsDistinct = true;
    boolean allTenants;
    Sql where;
    /** The {@code identityIndexName} override, or null. */
    String indexName;

    Identity(String name, List<String> keys) {
      this.name = name;
      this.keys = List.copyOf(keys);
    }

    Identity copy() {
      Identity i = new Identity(name, keys);
      i.nullsDistinct = nullsDistinct;
      i.allTenants = allTenants;
      i.where = where;
      i.indexName = indexName;
      return i;
    }

    boolean uses(String column) {
      return keys.contains(column) || (where != null && where.uses(column));
    }

    @Override
    public String toString() {
      return name + keys + (nullsDistinct ? "" : " nulls not distinct") + (allTenants ? " all tenants" : "")
          + (where == null ? "" : " where " + where) + (indexName == null ? "" : " index " + indexName);
    }
  }

  /**
   * One field of a custom index: a column or an expression.
   *
   * @param column     the column, or null for an expression
   * @param expression the expression, or null for a column
   * @param desc       descending
   */
  record Field(String column, Sql expression, boolean desc) {
    boolean uses(String c) {
      return c.equals(column) || (expression != null && expression.uses(c));
    }

    Field renamed(String from, String to) {
      return new Field(from.equals(column) ? to : column, expression == null ? null : expression.renamed(from, to),
          desc);
    }

    IndexField dsl() {
      String text = column != null ? column : expression.render();
      return desc ? IndexField.desc(text) : IndexField.of(text);
    }

    @Override
    public String toString() {
      return (column != null ? column : expression.render()) + (desc ? " desc" : "");
    }
  }

  /** A custom index. */
  static final class Index {
    List<Field> fields;
    /** Null: the default name {@code <table>_<fields>_index}. */
    String name;
    boolean unique;
    Sql where;
    List<String> include = List.of();
    String using;
    boolean nullsDistinct = true;
    boolean allTenants;
    boolean concurrently;
    boolean includeBaseFilter = true;

    Index(List<Field> fields) {
      this.fields = List.copyOf(fields);
    }

    Index copy() {
      Index i = new Index(fields);
      i.name = name;
      i.unique = unique;
      i.where = where;
      i.include = include;
      i.using = using;
      i.nullsDistinct = nullsDistinct;
      i.allTenants = allTenants;
      i.concurrently = concurrently;
      i.includeBaseFilter = includeBaseFilter;
      return i;
    }

    boolean uses(String column) {
      return fields.stream().anyMatch(f -> f.uses(column)) || include.contains(column)
          || (where != null && where.uses(column));
    }

    /** The name the index gets on {@code table}. */
    String resolvedName(String table) {
      if (name != null) {
        return name;
      }
      return table + "_" + String.join("_", fields.stream().map(Field::column).toList()) + "_index";
    }

    @Override
    public String toString() {
      return (name == null ? "" : name + " ") + (unique ? "unique " : "") + (using == null ? "" : "using " + using + " ")
          + fields + (include.isEmpty() ? "" : " include " + include) + (where == null ? "" : " where " + where)
          + (nullsDistinct ? "" : " nulls not distinct") + (allTenants ? " all tenants" : "")
          + (concurrently ? " concurrently" : "") + (includeBaseFilter ? "" : " without base filter");
    }
  }

  /** A check constraint. */
  static final class Check {
    final String name;
    Sql sql;

    Check(String name, Sql sql) {
      this.name = name;
      this.sql = sql;
    }

    Check copy() {
      return new Check(name, sql);
    }

    @Override
    public String toString() {
      return name + " " + sql;
    }
  }

  /** One resource and its table. */
  static final class Table {
    final String resource;
    String table;
    String schema;
    Tenancy tenancy;
    final boolean integerKey;
    List<Column> columns = new ArrayList<>();
    List<Ref> refs = new ArrayList<>();
    List<Identity> identities = new ArrayList<>();
    List<Index> indexes = new ArrayList<>();
    List<Check> checks = new ArrayList<>();
    /** {@code baseFilterSql}, or null: ANDed into identities' and custom indexes' predicates, ORed into checks. */
    Sql baseFilter;

    Table(String resource, String table, String schema, Tenancy tenancy, boolean integerKey) {
      this.resource = resource;
      this.table = table;
      this.schema = schema;
      this.tenancy = tenancy;
      this.integerKey = integerKey;
    }

    Table copy() {
      Table t = new Table(resource, table, schema, tenancy, integerKey);
      columns.forEach(c -> t.columns.add(c.copy()));
      refs.forEach(r -> t.refs.add(r.copy()));
      identities.forEach(i -> t.identities.add(i.copy()));
      indexes.forEach(i -> t.indexes.add(i.copy()));
      checks.forEach(c -> t.checks.add(c.copy()));
      t.baseFilter = baseFilter;
      return t;
    }

    /** The key the generator files the table under (tenant tables have no schema). */
    TableKey key() {
      return new TableKey(tenancy == Tenancy.CONTEXT ? null : schema, table);
    }

    Optional<Column> column(String name) {
      return columns.stream().filter(c -> c.name.equals(name)).findFirst();
    }

    /** Every column name: the key, the plain columns, the reference columns, the tenant column. */
    List<String> columnNames() {
      List<String> out = new ArrayList<>();
      out.add("id");
      columns.forEach(c -> out.add(c.name));
      refs.forEach(r -> out.add(r.column()));
      if (tenancy == Tenancy.ATTRIBUTE) {
        out.add(TENANT_COLUMN);
      }
      return out;
    }

    /** The index names the table's objects resolve to (identities, custom indexes), to keep names unique. */
    List<String> indexNames() {
      List<String> out = new ArrayList<>();
      identities.forEach(i -> out.add(i.indexName != null ? i.indexName : table + "_" + i.name + "_index"));
      indexes.forEach(i -> out.add(i.resolvedName(table)));
      return out;
    }

    @Override
    public String toString() {
      StringBuilder sb = new StringBuilder(resource).append(" ").append(key())
          .append(tenancy == Tenancy.NONE ? "" : " " + tenancy).append(integerKey ? " bigserial id" : "");
      columns.forEach(c -> sb.append("\n    column ").append(c.name).append(' ').append(c.type)
          .append(c.allowNil ? "" : " not null").append(c.dflt == null ? "" : " default " + c.dflt));
      refs.forEach(r -> sb.append("\n    belongs_to ").append(r));
      identities.forEach(i -> sb.append("\n    identity ").append(i));
      indexes.forEach(i -> sb.append("\n    index ").append(i));
      checks.forEach(c -> sb.append("\n    check ").append(c));
      if (baseFilter != null) {
        sb.append("\n    base filter ").append(baseFilter);
      }
      return sb.toString();
    }
  }

  final List<Table> tables = new ArrayList<>();
  /**
   * Resources of public tables a tenant table has referenced: never dropped, renamed or moved (see
   * {@link EvolutionMutator}).
   */
  final Set<String> pinned = new TreeSet<>();
  private int counter;

  /** The starting point: the tenant owner ({@value #ORG}) only. */
  static EvolutionModel initial() {
    EvolutionModel m = new EvolutionModel();
    m.tables.add(new Table(ORG, "orgs", null, Tenancy.NONE, false));
    return m;
  }

  /** A name never used before in this evolution. */
  String fresh(String prefix) {
    return prefix + (++counter);
  }

  /** A fresh id for a column or reference. */
  int freshId() {
    return ++counter;
  }

  EvolutionModel copy() {
    EvolutionModel m = new EvolutionModel();
    m.counter = counter;
    m.pinned.addAll(pinned);
    tables.forEach(t -> m.tables.add(t.copy()));
    return m;
  }

  Optional<Table> table(String resource) {
    return tables.stream().filter(t -> t.resource.equals(resource)).findFirst();
  }

  /** The resources of this model, as a user writes them. */
  List<Resource> resources() {
    return tables.stream().map(this::resource).toList();
  }

  private Resource resource(Table t) {
    return Resource.define(t.resource, r -> {
      r.postgres(pg -> {
        pg.repo(PlainRepo.class).table(t.table);
        if (t.schema != null) {
          pg.schema(t.schema);
        }
        t.columns.forEach(c -> c.type.migrationType().ifPresent(type -> pg.migrationType(c.name, type)));
        for (Identity i : t.identities) {
          if (i.indexName != null) {
            pg.identityIndexName(i.name, i.indexName);
          }
          if (i.where != null) {
            pg.identityWhereToSql(i.name, i.where.render());
          }
        }
        for (Ref ref : t.refs) {
          if (ref.declared) {
            pg.reference(ref.relationship, o -> {
              if (ref.onDelete != null) {
                o.onDelete(ref.onDelete);
              }
              if (ref.onUpdate != null) {
                o.onUpdate(ref.onUpdate);
              }
              if (ref.deferrable != null) {
                o.deferrable(ref.deferrable);
              }
              if (ref.name != null) {
                o.name(ref.name);
              }
              if (ref.index) {
                o.index(true);
              }
              if (ref.indexWhere != null) {
                o.indexWhere(ref.indexWhere.render());
              }
              if (!ref.matchWith.isEmpty()) {
                o.matchWith(ref.matchWith);
              }
              if (ref.matchType != null) {
                o.matchType(ref.matchType);
              }
              if (ref.matchTenant) {
                o.matchTenant(true);
              }
            });
          }
        }
        for (Index i : t.indexes) {
          pg.customIndex(b -> {
            b.fields(i.fields.stream().map(Field::dsl).toArray(IndexField[]::new));
            if (i.name != null) {
              b.name(i.name);
            }
            if (i.unique) {
              b.unique(true);
            }
            if (i.where != null) {
              b.where(i.where.render());
            }
            if (!i.include.isEmpty()) {
              b.include(i.include.toArray(String[]::new));
            }
            if (i.using != null) {
              b.using(i.using);
            }
            if (!i.nullsDistinct) {
              b.nullsDistinct(false);
            }
            if (i.allTenants) {
              b.allTenants(true);
            }
            if (i.concurrently) {
              b.concurrently(true);
            }
            if (!i.includeBaseFilter) {
              b.includeBaseFilter(false);
            }
          });
        }
        for (Check c : t.checks) {
          pg.checkConstraint(c.sql.columns().get(0), c.name, b -> b.check(c.sql.render()));
        }
        if (t.baseFilter != null) {
          pg.baseFilterSql(t.baseFilter.render());
        }
      });
      switch (t.tenancy) {
        case CONTEXT -> r.multitenancy(m -> m.strategy(Multitenancy.Strategy.CONTEXT));
        case ATTRIBUTE -> r.multitenancy(m -> m.strategy(Multitenancy.Strategy.ATTRIBUTE).attribute(TENANT_COLUMN));
        default -> { }
      }
      if (t.integerKey) {
        r.integerPrimaryKey("id");
      } else {
        r.uuidPrimaryKey("id");
      }
      for (Column c : t.columns) {
        r.attribute(c.name, c.type.dsl(), a -> {
          a.allowNil(c.allowNil);
          if (c.dflt != null) {
            a.defaultValue(c.dflt);
          }
        });
      }
      for (Identity i : t.identities) {
        r.identity(i.name, i.keys, b -> b.nullsDistinct(i.nullsDistinct).allTenants(i.allTenants));
      }
      for (Ref ref : t.refs) {
        boolean integer = table(ref.destination).map(d -> d.integerKey).orElse(false);
        r.belongsTo(ref.relationship, ref.destination, b -> b.allowNil(ref.allowNil)
            .attributeType(integer ? Type.INTEGER : Type.UUID));
      }
      if (t.tenancy == Tenancy.ATTRIBUTE) {
        r.belongsTo(ORG, ORG, b -> b.allowNil(false));
      }
    });
  }

  /** The whole model, one table per paragraph, for failure messages. */
  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder();
    tables.forEach(t -> sb.append("  ").append(t).append('\n'));
    return sb.toString();
  }

  /**
   * The rename hints that take the generator from {@code before} to {@code after}: table renames and moves, dropped
   * tables, column renames and dropped columns (the latter always confirmed, so an added column in the same table
   * is never taken for a rename).
   */
  static List<String> hints(EvolutionModel before, EvolutionModel after) {
    List<String> hints = new ArrayList<>();
    for (Table old : before.tables) {
      Optional<Table> now = after.table(old.resource);
      if (now.isEmpty()) {
        hints.add(old.key() + ":-");
        continue;
      }
      Table t = now.get();
      if (!old.key().equals(t.key())) {
        hints.add(old.key() + ":" + t.key());
      }
      String key = t.key().toString();
      if (old.tenancy == Tenancy.ATTRIBUTE && t.tenancy != Tenancy.ATTRIBUTE) {
        hints.add(key + "." + TENANT_COLUMN + ":-");
      }
      for (Column c : old.columns) {
        Optional<Column> c2 = t.columns.stream().filter(x -> x.id == c.id).findFirst();
        if (c2.isEmpty()) {
          hints.add(key + "." + c.name + ":-");
        } else if (!c2.get().name.equals(c.name)) {
          hints.add(key + "." + c.name + ":" + c2.get().name);
        }
      }
      for (Ref r : old.refs) {
        Optional<Ref> r2 = t.refs.stream().filter(x -> x.id == r.id).findFirst();
        if (r2.isEmpty()) {
          hints.add(key + "." + r.column() + ":-");
        } else if (!r2.get().column().equals(r.column())) {
          hints.add(key + "." + r.column() + ":" + r2.get().column());
        }
      }
    }
    return hints;
  }
}
