package io.ashpg.migration;

import io.ashpg.migration.EvolutionModel.Check;
import io.ashpg.migration.EvolutionModel.Column;
import io.ashpg.migration.EvolutionModel.ColumnType;
import io.ashpg.migration.EvolutionModel.Family;
import io.ashpg.migration.EvolutionModel.Field;
import io.ashpg.migration.EvolutionModel.Identity;
import io.ashpg.migration.EvolutionModel.Index;
import io.ashpg.migration.EvolutionModel.Kind;
import io.ashpg.migration.EvolutionModel.Ref;
import io.ashpg.migration.EvolutionModel.Sql;
import io.ashpg.migration.EvolutionModel.Table;
import io.ashpg.migration.EvolutionModel.Tenancy;
import io.ashpg.resource.AttributeDefault;
import io.ashpg.resource.Deferrable;
import io.ashpg.resource.MatchType;
import io.ashpg.resource.OnDelete;
import io.ashpg.resource.OnUpdate;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.function.BiPredicate;
import java.util.function.Function;

/**
 * Random changes to an {@link EvolutionModel}, each one a change a user could make to their resources and that the
 * generator must turn into a correct migration.
 *
 * <p>Out of scope, on purpose:
 * <ul>
 *   <li>type changes without a PostgreSQL assignment cast ({@code text → bigint}, {@code boolean → integer},
 *       {@code uuid → bigint}): {@code ALTER COLUMN … TYPE} needs a {@code USING} clause the generator cannot know;
 *       what it should do about them is issue 21. A retype here stays inside its {@link Family} and only goes where
 *       PostgreSQL casts by itself;</li>
 *   <li>changes PostgreSQL can only apply in two deployments: a public table that a tenant table references is never
 *       dropped, renamed or moved (public migrations run before tenant ones, so the public {@code DROP TABLE} would
 *       meet the tenant foreign key; and a tenant created later runs every tenant migration against today's public
 *       schema). Such tables are {@linkplain EvolutionModel#pinned pinned}. Changes the generator refuses for the
 *       same reason (a key of such a table tenant keys depend on) are drawn again by the test.</li>
 * </ul>
 * Tables stay empty, so NOT NULL and narrowing changes apply; data-dependent failures are not this test's subject.
 */
final class EvolutionMutator {

  private static final List<String> SCHEMAS = java.util.Arrays.asList(null, "evo_a", "evo_b");
  private static final int MAX_TABLES = 9;
  private static final int MAX_COLUMNS = 8;

  private final Random random;

  EvolutionMutator(Random random) {
    this.random = random;
  }

  /** One named mutation: applies itself to the model, or returns empty when it has nothing to work on. */
  private record Mutation(String name, int weight, Function<EvolutionModel, Optional<String>> apply) {
  }

  private List<Mutation> mutations(EvolutionModel m) {
    int tables = m.tables.size();
    return List.of(
        new Mutation("add table", tables < MAX_TABLES ? 8 : 0, this::addTable),
        new Mutation("drop table", tables > 4 ? 5 : 2, this::dropTable),
        new Mutation("rename table", 3, this::renameTable),
        new Mutation("move table", 3, this::moveTable),
        new Mutation("toggle attribute multitenancy", 2, this::toggleAttributeTenancy),
        new Mutation("add column", 10, this::addColumn),
        new Mutation("drop column", 5, this::dropColumn),
        new Mutation("rename column", 5, this::renameColumn),
        new Mutation("retype column", 6, this::retypeColumn),
        new Mutation("change default", 6, this::changeDefault),
        new Mutation("toggle allowNil", 4, this::toggleAllowNil),
        new Mutation("add reference", 6, this::addReference),
        new Mutation("change reference", 6, this::changeReference),
        new Mutation("rename reference", 2, this::renameReference),
        new Mutation("drop reference", 3, this::dropReference),
        new Mutation("add identity", 4, this::addIdentity),
        new Mutation("change identity", 3, this::changeIdentity),
        new Mutation("rename identity index", 2, this::renameIdentityIndex),
        new Mutation("remove identity", 2, this::removeIdentity),
        new Mutation("add index", 4, this::addIndex),
        new Mutation("change index", 3, this::changeIndex),
        new Mutation("remove index", 2, this::removeIndex),
        new Mutation("add check", 3, this::addCheck),
        new Mutation("change check", 2, this::changeCheck),
        new Mutation("remove check", 2, this::removeCheck),
        new Mutation("change base filter", 2, this::changeBaseFilter));
  }

  /** Applies one random applicable mutation; returns what it did. */
  String mutate(EvolutionModel m) {
    for (int attempt = 0; attempt < 1000; attempt++) {
      List<Mutation> all = mutations(m);
      int total = all.stream().mapToInt(Mutation::weight).sum();
      int pick = random.nextInt(total);
      for (Mutation mutation : all) {
        pick -= mutation.weight();
        if (pick < 0) {
          Optional<String> done = mutation.apply().apply(m);
          if (done.isPresent()) {
            return mutation.name() + ": " + done.get();
          }
          break;
        }
      }
    }
    throw new IllegalStateException("no mutation applies to the model\n" + m);
  }

  // ---------------------------------------------------------------------------------------------- tables

  private Optional<String> addTable(EvolutionModel m) {
    int r = random.nextInt(10);
    Tenancy tenancy = r < 5 ? Tenancy.NONE : r < 8 ? Tenancy.CONTEXT : Tenancy.ATTRIBUTE;
    String schema = tenancy == Tenancy.CONTEXT || random.nextInt(3) > 0 ? null : pick(SCHEMAS);
    Table t = new Table(m.fresh("res_"), m.fresh("tab_"), schema, tenancy, random.nextInt(4) == 0);
    m.tables.add(t);
    int columns = random.nextInt(4);
    for (int i = 0; i < columns; i++) {
      t.columns.add(newColumn(m));
    }
    if (random.nextBoolean()) {
      addReferenceFrom(m, t);
    }
    return Optional.of(t.key() + (tenancy == Tenancy.NONE ? "" : " " + tenancy) + (t.integerKey ? " bigserial" : ""));
  }

  private Optional<String> dropTable(EvolutionModel m) {
    List<Table> candidates = m.tables.stream().filter(t -> movable(m, t)
        && (t.schema == null || t.tenancy == Tenancy.CONTEXT || random.nextBoolean()))
        .toList();
    if (candidates.isEmpty()) {
      return Optional.empty();
    }
    Table t = pick(candidates);
    m.tables.remove(t);
    List<String> gone = new ArrayList<>();
    for (Table other : m.tables) {
      for (Ref ref : List.copyOf(other.refs)) {
        if (ref.destination.equals(t.resource)) {
          removeRef(other, ref);
          gone.add(other.table + "." + ref.column());
        }
      }
    }
    return Optional.of(t.key() + (gone.isEmpty() ? "" : " (and the references " + gone + ")"));
  }

  private Optional<String> renameTable(EvolutionModel m) {
    List<Table> candidates = m.tables.stream().filter(t -> movable(m, t)).toList();
    if (candidates.isEmpty()) {
      return Optional.empty();
    }
    Table t = pick(candidates);
    String from = t.key().toString();
    t.table = m.fresh("tab_");
    return Optional.of(from + " → " + t.key());
  }

  private Optional<String> moveTable(EvolutionModel m) {
    List<Table> candidates = m.tables.stream().filter(t -> movable(m, t) && t.tenancy != Tenancy.CONTEXT).toList();
    if (candidates.isEmpty()) {
      return Optional.empty();
    }
    Table t = pick(candidates);
    String from = t.key().toString();
    List<String> others = new ArrayList<>(SCHEMAS);
    others.remove(t.schema);
    t.schema = pick(others);
    if (random.nextInt(3) == 0) {
      t.table = m.fresh("tab_");
    }
    return Optional.of(from + " → " + t.key());
  }

  /**
   * A plain table becomes attribute-multitenant (gaining the tenant column; its identities and indexes get it first)
   * or the other way round. Composite and tenant keys from or to it are made plain first, as their form depends on
   * both sides' tenancy.
   */
  private Optional<String> toggleAttributeTenancy(EvolutionModel m) {
    List<Table> candidates = m.tables.stream().filter(t -> !t.resource.equals(EvolutionModel.ORG)
        && t.tenancy != Tenancy.CONTEXT).toList();
    if (candidates.isEmpty()) {
      return Optional.empty();
    }
    Table t = pick(candidates);
    for (Table other : m.tables) {
      for (Ref r : other.refs) {
        if (other == t || r.destination.equals(t.resource)) {
          r.plainKey();
        }
      }
    }
    if (t.tenancy == Tenancy.ATTRIBUTE) {
      removeUses(t, EvolutionModel.TENANT_COLUMN);
      t.tenancy = Tenancy.NONE;
    } else {
      t.tenancy = Tenancy.ATTRIBUTE;
      // a GIN index has no operator class for the uuid tenant column
      t.indexes.stream().filter(i -> "gin".equals(i.using)).forEach(i -> i.allTenants = true);
    }
    return Optional.of(t.key() + " " + t.tenancy);
  }

  /** Whether a table may be dropped, renamed or moved (see the class comment on pinned tables). */
  private static boolean movable(EvolutionModel m, Table t) {
    return !t.resource.equals(EvolutionModel.ORG) && !m.pinned.contains(t.resource);
  }

  // ---------------------------------------------------------------------------------------------- columns

  private Column newColumn(EvolutionModel m) {
    Kind kind = pick(List.of(Kind.values()));
    ColumnType type = switch (kind) {
      case NUMERIC -> {
        int precision = 4 + random.nextInt(12);
        yield new ColumnType(kind, 0, precision, random.nextInt(Math.min(precision, 5)));
      }
      case VARCHAR -> new ColumnType(kind, 8 + random.nextInt(100), 0, 0);
      default -> ColumnType.of(kind);
    };
    Column c = new Column(m.freshId(), m.fresh("col_"), type, random.nextInt(4) > 0, null);
    if (random.nextInt(3) == 0) {
      c.dflt = pickOrNull(defaults(type));
    }
    return c;
  }

  private Optional<String> addColumn(EvolutionModel m) {
    List<Table> candidates = m.tables.stream().filter(t -> t.columns.size() < MAX_COLUMNS).toList();
    if (candidates.isEmpty()) {
      return Optional.empty();
    }
    Table t = pick(candidates);
    Column c = newColumn(m);
    t.columns.add(c);
    return Optional.of(t.table + "." + c.name + " " + c.type + (c.allowNil ? "" : " not null")
        + (c.dflt == null ? "" : " default " + c.dflt));
  }

  private Optional<String> dropColumn(EvolutionModel m) {
    return pick(m, t -> t.columns, (t, c) -> droppable(m, t, c)).map(p -> {
      removeColumn(m, p.table(), p.item().name);
      p.table().columns.remove(p.item());
      return p.table().table + "." + p.item().name;
    });
  }

  /** A column may go unless it is the destination side of a composite key (the key would have to go first). */
  private static boolean droppable(EvolutionModel m, Table t, Column c) {
    return referencingMatchWith(m, t, c.name).isEmpty();
  }

  private Optional<String> renameColumn(EvolutionModel m) {
    return pick(m, t -> t.columns).map(p -> {
      Column c = p.item();
      String from = c.name;
      c.name = m.fresh("col_");
      renameColumnEverywhere(m, p.table(), from, c.name);
      return p.table().table + "." + from + " → " + c.name;
    });
  }

  private Optional<String> retypeColumn(EvolutionModel m) {
    Optional<Picked<Column>> picked = pick(m, t -> t.columns,
        (t, c) -> !wider(c.type).isEmpty() && !inMatchWith(m, t, c.name));
    if (picked.isEmpty()) {
      return Optional.empty();
    }
    Table t = picked.get().table();
    Column c = picked.get().item();
    ColumnType from = c.type;
    c.type = pick(wider(from));
    String note = "";
    if (c.dflt != null && !defaults(c.type).contains(c.dflt)) {
      c.dflt = pickOrNull(defaults(c.type));
      note = c.dflt == null ? ", default dropped" : ", default now " + c.dflt;
    } else if (c.dflt != null && random.nextInt(4) == 0) {
      c.dflt = pickOrNull(defaults(c.type));
      note = ", default now " + c.dflt;
    }
    return Optional.of(t.table + "." + c.name + " " + from + " → " + c.type + note);
  }

  /**
   * Types {@code type} can change to with PostgreSQL's own (assignment) cast; the tables are empty, so narrowing
   * ({@code text → varchar(n)}) applies too.
   */
  private List<ColumnType> wider(ColumnType type) {
    List<ColumnType> out = new ArrayList<>();
    switch (type.kind()) {
      case INT4 -> {
        out.add(ColumnType.of(Kind.INT8));
        out.add(new ColumnType(Kind.NUMERIC, 0, 12, 0));
      }
      case INT8 -> out.add(new ColumnType(Kind.NUMERIC, 0, 20, 0));
      case NUMERIC -> {
        out.add(new ColumnType(Kind.NUMERIC, 0, type.precision() + 2, type.scale()));
        if (type.scale() < type.precision()) {
          out.add(new ColumnType(Kind.NUMERIC, 0, type.precision() + 1, type.scale() + 1));
        }
        out.add(ColumnType.of(Kind.FLOAT8));
      }
      case VARCHAR -> {
        out.add(new ColumnType(Kind.VARCHAR, type.size() + 1 + random.nextInt(50), 0, 0));
        out.add(ColumnType.of(Kind.TEXT));
      }
      case TEXT -> out.add(new ColumnType(Kind.VARCHAR, 8 + random.nextInt(100), 0, 0));
      case DATE -> {
        out.add(ColumnType.of(Kind.TIMESTAMP0));
        out.add(ColumnType.of(Kind.TIMESTAMP));
      }
      case TIMESTAMP0 -> {
        out.add(ColumnType.of(Kind.TIMESTAMP));
        out.add(ColumnType.of(Kind.TIMESTAMPTZ));
      }
      case TIMESTAMP -> out.add(ColumnType.of(Kind.TIMESTAMPTZ));
      default -> { }
    }
    return out;
  }

  /** Defaults that are valid for a column of {@code type}. */
  private List<AttributeDefault> defaults(ColumnType type) {
    return switch (type.kind()) {
      case INT4, INT8 -> List.of(AttributeDefault.literal(0L), AttributeDefault.literal(42L),
          AttributeDefault.sql("7"));
      case FLOAT8 -> List.of(AttributeDefault.literal(0L), AttributeDefault.literal(42L),
          AttributeDefault.literal(new BigDecimal("1.5")));
      // the default must fit numeric(p,s): fewer than p - s integer digits
      case NUMERIC -> type.precision() - type.scale() >= 2
          ? List.of(AttributeDefault.literal(0L), AttributeDefault.literal(42L),
              AttributeDefault.literal(new BigDecimal("1.5")))
          : type.precision() - type.scale() == 1
              ? List.of(AttributeDefault.literal(0L), AttributeDefault.literal(new BigDecimal("1.5")))
              : List.of(AttributeDefault.literal(0L));
      case VARCHAR, TEXT -> List.of(AttributeDefault.literal("x"), AttributeDefault.literal("it's"),
          AttributeDefault.sql("'abc'"));
      case DATE -> List.of(AttributeDefault.today());
      case TIMESTAMP0, TIMESTAMP, TIMESTAMPTZ -> List.of(AttributeDefault.now());
      case BOOL -> List.of(AttributeDefault.literal(true), AttributeDefault.literal(false));
      case UUID -> List.of(AttributeDefault.uuidGenerate(), AttributeDefault.uuidV7Generate());
      case JSONB -> List.of(AttributeDefault.literal(Map.of("a", 1L)), AttributeDefault.literal(List.of()));
      case TEXT_ARRAY -> List.of(AttributeDefault.literal(List.of()), AttributeDefault.literal(List.of("a", "b")));
      case INT8_ARRAY -> List.of(AttributeDefault.literal(List.of()), AttributeDefault.literal(List.of(1L, 2L)));
    };
  }

  private Optional<String> changeDefault(EvolutionModel m) {
    Optional<Picked<Column>> picked = pick(m, t -> t.columns);
    if (picked.isEmpty()) {
      return Optional.empty();
    }
    Table t = picked.get().table();
    Column c = picked.get().item();
    List<AttributeDefault> options = new ArrayList<>(defaults(c.type));
    options.remove(c.dflt);
    AttributeDefault from = c.dflt;
    c.dflt = from != null && (options.isEmpty() || random.nextBoolean()) ? null
        : options.isEmpty() ? null : pick(options);
    if (Objects.equals(from, c.dflt)) {
      return Optional.empty();
    }
    return Optional.of(t.table + "." + c.name + " " + from + " → " + c.dflt);
  }

  private Optional<String> toggleAllowNil(EvolutionModel m) {
    List<Table> candidates = m.tables.stream().filter(t -> !t.columns.isEmpty() || !t.refs.isEmpty()).toList();
    if (candidates.isEmpty()) {
      return Optional.empty();
    }
    Table t = pick(candidates);
    if (!t.refs.isEmpty() && (t.columns.isEmpty() || random.nextInt(3) == 0)) {
      Ref r = pick(t.refs);
      r.allowNil = !r.allowNil;
      return Optional.of(t.table + "." + r.column() + " allowNil " + r.allowNil);
    }
    Column c = pick(t.columns);
    c.allowNil = !c.allowNil;
    return Optional.of(t.table + "." + c.name + " allowNil " + c.allowNil);
  }

  // ---------------------------------------------------------------------------------------------- references

  private Optional<String> addReference(EvolutionModel m) {
    Table t = pick(m.tables);
    return addReferenceFrom(m, t);
  }

  private Optional<String> addReferenceFrom(EvolutionModel m, Table t) {
    Table dest = pick(m.tables);
    Ref ref = new Ref(m.freshId(), m.fresh("rel_"), dest.resource);
    ref.allowNil = random.nextInt(4) > 0;
    t.refs.add(ref);
    if (random.nextInt(4) > 0) {
      randomizeOptions(m, t, ref, dest);
    }
    if (t.tenancy == Tenancy.CONTEXT && dest.tenancy != Tenancy.CONTEXT) {
      m.pinned.add(dest.resource);
    }
    return Optional.of(t.table + "." + ref);
  }

  private void randomizeOptions(EvolutionModel m, Table t, Ref ref, Table dest) {
    ref.declared = true;
    ref.matchWith.clear();
    ref.matchType = null;
    ref.matchTenant = false;
    if (t.tenancy == Tenancy.ATTRIBUTE && dest.tenancy == Tenancy.ATTRIBUTE && random.nextInt(3) == 0) {
      ref.matchTenant = true;
    }
    if (compositeAllowed(t, dest) && random.nextInt(4) == 0) {
      makeComposite(m, t, ref, dest);
    }
    int d = random.nextInt(6);
    List<String> sources = ref.sourceColumns();
    ref.onDelete = switch (d) {
      case 0 -> OnDelete.DELETE;
      case 1 -> OnDelete.NILIFY;
      case 2 -> OnDelete.NOTHING;
      case 3 -> OnDelete.RESTRICT;
      case 4 -> OnDelete.nilify(sources.subList(0, 1 + random.nextInt(sources.size())));
      default -> null;
    };
    ref.onUpdate = random.nextBoolean() ? null : pick(List.of(OnUpdate.values()));
    ref.deferrable = random.nextBoolean() ? null : pick(List.of(Deferrable.values()));
    ref.index = random.nextBoolean();
    ref.indexWhere = ref.index && random.nextInt(3) == 0 ? Sql.of("{0} IS NOT NULL", ref.column()) : null;
    ref.name = random.nextInt(4) == 0 ? m.fresh("fk_") : null;
  }

  /** Composite keys ({@code matchWith}) between tables of one kind: plain, context- or attribute-multitenant. */
  private boolean compositeAllowed(Table t, Table dest) {
    if (dest.baseFilter != null) {
      return false; // every unique index of the destination is partial
    }
    return (t.tenancy == Tenancy.ATTRIBUTE && dest.tenancy == Tenancy.ATTRIBUTE)
        || (t.tenancy == Tenancy.NONE && dest.tenancy == Tenancy.NONE)
        || (t.tenancy == Tenancy.CONTEXT && dest.tenancy == Tenancy.CONTEXT);
  }

  /**
   * Makes {@code ref} a composite key (id, X) to (id, X) of the destination (with the tenant column when it matches
   * the tenant): a new source column of X's type, and an identity over those columns on the destination for the key
   * to point at — across all tenants when the key leaves the tenant out.
   */
  private void makeComposite(EvolutionModel m, Table t, Ref ref, Table dest) {
    List<Column> targets = dest.columns.stream().filter(c -> c.type.kind().family != Family.OTHER
        || c.type.kind() == Kind.UUID || c.type.kind() == Kind.BOOL).toList();
    if (targets.isEmpty() || (t == dest && t.columns.size() >= MAX_COLUMNS)) {
      return;
    }
    Column target = pick(targets);
    List<String> keys = List.of("id", target.name);
    boolean allTenants = dest.tenancy == Tenancy.ATTRIBUTE && !ref.matchTenant;
    Set<String> needed = effectiveKeys(dest, keys, allTenants);
    boolean backed = dest.identities.stream().anyMatch(i -> backsKey(dest, i, needed));
    if (!backed && uniqueKeyExists(dest, keys, allTenants)) {
      return; // a unique custom index covers it, which the model does not protect from removal
    }
    Column source = new Column(m.freshId(), m.fresh("col_"), target.type, true, null);
    t.columns.add(source);
    ref.matchWith.put(source.name, target.name);
    ref.matchType = random.nextBoolean() ? null : pick(List.of(MatchType.SIMPLE, MatchType.FULL));
    if (!backed) {
      Identity identity = new Identity(m.fresh("ident_"), keys);
      identity.allTenants = allTenants;
      dest.identities.add(identity);
    }
  }

  /** The columns {@code ref}'s composite key references on {@code dest}. */
  private static Set<String> compositeKey(Ref ref) {
    Set<String> out = new HashSet<>(List.of("id"));
    out.addAll(ref.matchWith.values());
    if (ref.matchTenant) {
      out.add(EvolutionModel.TENANT_COLUMN);
    }
    return out;
  }

  /** Whether identity {@code i} of {@code t} is a unique index over exactly {@code columns}. */
  private static boolean backsKey(Table t, Identity i, Set<String> columns) {
    return i.where == null && t.baseFilter == null && effectiveKeys(t, i.keys, i.allTenants).equals(columns);
  }

  private Optional<String> changeReference(EvolutionModel m) {
    Optional<Picked<Ref>> picked = pick(m, t -> t.refs);
    if (picked.isEmpty()) {
      return Optional.empty();
    }
    Table t = picked.get().table();
    Ref ref = picked.get().item();
    Table dest = m.table(ref.destination).orElseThrow();
    String before = ref.toString();
    if (random.nextInt(5) == 0) {
      ref.declared = false;
      ref.onDelete = null;
      ref.onUpdate = null;
      ref.deferrable = null;
      ref.index = false;
      ref.indexWhere = null;
      ref.name = null;
      ref.matchWith.clear();
      ref.matchType = null;
      ref.matchTenant = false;
    } else {
      // a composite key's extra columns stay as plain columns when the key changes
      randomizeOptions(m, t, ref, dest);
    }
    return Optional.of(t.table + "." + before + " → " + ref);
  }

  private Optional<String> renameReference(EvolutionModel m) {
    return pick(m, t -> t.refs).map(p -> {
      Ref ref = p.item();
      String from = ref.column();
      ref.relationship = m.fresh("rel_");
      renameColumnEverywhere(m, p.table(), from, ref.column());
      return p.table().table + "." + from + " → " + ref.column();
    });
  }

  private Optional<String> dropReference(EvolutionModel m) {
    return pick(m, t -> t.refs).map(p -> {
      removeRef(p.table(), p.item());
      return p.table().table + "." + p.item().column();
    });
  }

  /** Removes a reference and whatever uses its column. */
  private static void removeRef(Table t, Ref ref) {
    t.refs.remove(ref);
    removeUses(t, ref.column());
  }

  // ---------------------------------------------------------------------------------------------- identities

  private Optional<String> addIdentity(EvolutionModel m) {
    Table t = pick(m.tables);
    Identity i = new Identity(m.fresh("ident_"), someOf(t.columnNames(), 1, 3));
    randomizeIdentity(m, t, i);
    t.identities.add(i);
    return Optional.of(t.table + " " + i);
  }

  private void randomizeIdentity(EvolutionModel m, Table t, Identity i) {
    i.nullsDistinct = random.nextInt(3) > 0;
    i.allTenants = t.tenancy == Tenancy.ATTRIBUTE && random.nextInt(3) == 0;
    i.where = random.nextInt(4) == 0 ? Sql.of("{0} IS NOT NULL", pick(t.columnNames())) : null;
    i.indexName = random.nextInt(4) == 0 ? m.fresh("uq_") : null;
  }

  private Optional<String> changeIdentity(EvolutionModel m) {
    Optional<Picked<Identity>> picked = pick(m, t -> t.identities, (t, i) -> !backsComposite(m, t, i));
    if (picked.isEmpty()) {
      return Optional.empty();
    }
    Table t = picked.get().table();
    Identity i = picked.get().item();
    String before = i.toString();
    if (random.nextBoolean()) {
      i.keys = someOf(t.columnNames(), 1, 3);
    }
    String name = i.indexName;
    randomizeIdentity(m, t, i);
    if (random.nextBoolean()) {
      i.indexName = name;
    }
    return Optional.of(t.table + " " + before + " → " + i);
  }

  private Optional<String> renameIdentityIndex(EvolutionModel m) {
    Optional<Picked<Identity>> picked = pick(m, t -> t.identities, (t, i) -> true);
    if (picked.isEmpty()) {
      return Optional.empty();
    }
    Table t = picked.get().table();
    Identity i = picked.get().item();
    String before = i.indexName;
    i.indexName = before == null || random.nextBoolean() ? m.fresh("uq_") : null;
    return Optional.of(t.table + " " + i.name + " index " + before + " → " + i.indexName);
  }

  private Optional<String> removeIdentity(EvolutionModel m) {
    Optional<Picked<Identity>> picked = pick(m, t -> t.identities, (t, i) -> !backsComposite(m, t, i));
    if (picked.isEmpty()) {
      return Optional.empty();
    }
    Table t = picked.get().table();
    Identity i = picked.get().item();
    t.identities.remove(i);
    return Optional.of(t.table + " " + i.name);
  }

  /**
   * Whether a unique index of {@code t} that could back a foreign key (the primary key, a non-partial identity or
   * unique custom index without expressions) covers exactly the columns a unique index over {@code keys} would.
   */
  private static boolean uniqueKeyExists(Table t, List<String> keys, boolean allTenants) {
    if (t.baseFilter != null) {
      return false; // with a base filter, identities are partial
    }
    Set<String> set = effectiveKeys(t, keys, allTenants);
    List<Set<String>> taken = new ArrayList<>();
    taken.add(Set.of("id"));
    if (t.tenancy == Tenancy.ATTRIBUTE) {
      taken.add(Set.of("id", EvolutionModel.TENANT_COLUMN)); // the key composite tenant references point at
    }
    for (Identity i : t.identities) {
      if (i.where == null) {
        taken.add(effectiveKeys(t, i.keys, i.allTenants));
      }
    }
    for (Index i : t.indexes) {
      if (i.unique && i.where == null && !(i.includeBaseFilter && t.baseFilter != null)
          && i.fields.stream().allMatch(f -> f.column() != null)) {
        taken.add(effectiveKeys(t, i.fields.stream().map(Field::column).toList(), i.allTenants));
      }
    }
    return taken.contains(set);
  }

  /** The columns a unique index over {@code keys} covers: the tenant column first under attribute multitenancy. */
  private static Set<String> effectiveKeys(Table t, List<String> keys, boolean allTenants) {
    Set<String> out = new HashSet<>(keys);
    if (t.tenancy == Tenancy.ATTRIBUTE && !allTenants) {
      out.add(EvolutionModel.TENANT_COLUMN);
    }
    return out;
  }

  /** Whether a composite key of some table points at {@code i}'s columns. */
  private static boolean backsComposite(EvolutionModel m, Table t, Identity i) {
    for (Table other : m.tables) {
      for (Ref r : other.refs) {
        if (r.destination.equals(t.resource) && !r.matchWith.isEmpty() && backsKey(t, i, compositeKey(r))) {
          return true;
        }
      }
    }
    return false;
  }

  // ---------------------------------------------------------------------------------------------- indexes

  private Optional<String> addIndex(EvolutionModel m) {
    Table t = pick(m.tables);
    Index i = randomIndex(m, t);
    if (i == null) {
      return Optional.empty();
    }
    t.indexes.add(i);
    return Optional.of(t.table + " " + i);
  }

  private Index randomIndex(EvolutionModel m, Table t) {
    List<Column> gin = t.columns.stream().filter(c -> c.type.kind().ginIndexable()).toList();
    Index i;
    if (!gin.isEmpty() && random.nextInt(4) == 0) {
      i = new Index(List.of(new Field(pick(gin).name, null, false)));
      i.using = "gin";
      // a GIN index has no operator class for the uuid tenant column
      i.allTenants = t.tenancy == Tenancy.ATTRIBUTE;
    } else {
      List<Field> fields = new ArrayList<>();
      List<Column> texts = t.columns.stream().filter(c -> c.type.kind().family == Family.TEXT).toList();
      if (!texts.isEmpty() && random.nextInt(4) == 0) {
        fields.add(new Field(null, Sql.of("lower({0})", pick(texts).name), random.nextBoolean()));
      }
      for (String c : someOf(t.columnNames(), fields.isEmpty() ? 1 : 0, 3)) {
        fields.add(new Field(c, null, random.nextInt(3) == 0));
      }
      i = new Index(fields);
      i.unique = random.nextInt(3) == 0;
      i.nullsDistinct = !i.unique || random.nextInt(3) > 0;
      i.allTenants = t.tenancy == Tenancy.ATTRIBUTE && random.nextInt(3) == 0;
      List<String> rest = new ArrayList<>(t.columnNames());
      fields.forEach(f -> rest.remove(f.column()));
      if (!rest.isEmpty() && random.nextInt(3) == 0) {
        i.include = someOf(rest, 1, 2);
      }
    }
    if (random.nextInt(3) == 0) {
      i.where = whereFor(t);
    }
    boolean expression = i.fields.stream().anyMatch(f -> f.column() == null);
    if (expression || random.nextInt(3) == 0) {
      i.name = m.fresh("ix_");
    }
    i.concurrently = random.nextInt(12) == 0;
    i.includeBaseFilter = random.nextInt(4) > 0;
    if (t.indexNames().contains(i.resolvedName(t.table)) || referenceIndexNames(t).contains(i.resolvedName(t.table))) {
      i.name = m.fresh("ix_");
    }
    return i;
  }

  /** Names of the plain indexes of reference columns, which a custom index's default name could collide with. */
  private static List<String> referenceIndexNames(Table t) {
    List<String> out = new ArrayList<>();
    for (Ref r : t.refs) {
      out.add(t.table + "_" + r.column() + "_index");
      out.add(t.table + "_" + EvolutionModel.TENANT_COLUMN + "_" + r.column() + "_index");
    }
    return out;
  }

  private Sql whereFor(Table t) {
    List<Column> numbers = t.columns.stream().filter(c -> c.type.kind().family == Family.NUMBER).toList();
    if (!numbers.isEmpty() && random.nextBoolean()) {
      return Sql.of("{0} > 0", pick(numbers).name);
    }
    return Sql.of("{0} IS NOT NULL", pick(t.columnNames()));
  }

  private Optional<String> changeIndex(EvolutionModel m) {
    Optional<Picked<Index>> picked = pick(m, t -> t.indexes);
    if (picked.isEmpty()) {
      return Optional.empty();
    }
    Table t = picked.get().table();
    Index old = picked.get().item();
    t.indexes.remove(old);
    Index neu = randomIndex(m, t);
    if (neu == null) {
      t.indexes.add(old);
      return Optional.empty();
    }
    if (old.name != null && random.nextBoolean() && !t.indexNames().contains(old.name)) {
      neu.name = old.name; // same name, new definition: dropped and re-created
    }
    t.indexes.add(neu);
    return Optional.of(t.table + " " + old + " → " + neu);
  }

  private Optional<String> removeIndex(EvolutionModel m) {
    return pick(m, t -> t.indexes).map(p -> {
      p.table().indexes.remove(p.item());
      return p.table().table + " " + p.item();
    });
  }

  // ---------------------------------------------------------------------------------------------- checks

  private Optional<String> addCheck(EvolutionModel m) {
    Table t = pick(m.tables);
    Check c = new Check(m.fresh("ck_"), checkFor(t));
    t.checks.add(c);
    return Optional.of(t.table + " " + c);
  }

  private Sql checkFor(Table t) {
    List<String> all = t.columnNames();
    if (t.columns.isEmpty() || random.nextInt(4) == 0) {
      List<String> two = someOf(all, 1, 2);
      return two.size() == 1 ? Sql.of("{0} IS NOT NULL OR {0} IS NULL", two.get(0))
          : Sql.of("{0} IS NOT NULL OR {1} IS NULL", two.get(0), two.get(1));
    }
    Column c = pick(t.columns);
    return switch (c.type.kind()) {
      case INT4, INT8, NUMERIC, FLOAT8 -> random.nextBoolean() ? Sql.of("{0} > -1000", c.name)
          : Sql.of("{0} <> 13", c.name);
      case VARCHAR, TEXT -> random.nextBoolean() ? Sql.of("length({0}) < 500", c.name) : Sql.of("{0} <> ''", c.name);
      case DATE, TIMESTAMP0, TIMESTAMP, TIMESTAMPTZ -> Sql.of("{0} > '2000-01-01'", c.name);
      case BOOL -> Sql.of("{0} OR NOT {0}", c.name);
      case UUID -> Sql.of("{0} <> '00000000-0000-0000-0000-000000000000'", c.name);
      case JSONB -> Sql.of("jsonb_typeof({0}) <> 'null'", c.name);
      case TEXT_ARRAY, INT8_ARRAY -> Sql.of("cardinality({0}) < 100", c.name);
    };
  }

  private Optional<String> changeCheck(EvolutionModel m) {
    Optional<Picked<Check>> picked = pick(m, t -> t.checks);
    if (picked.isEmpty()) {
      return Optional.empty();
    }
    Table t = picked.get().table();
    Check c = picked.get().item();
    Sql before = c.sql;
    c.sql = checkFor(t);
    if (c.sql.equals(before)) {
      return Optional.empty();
    }
    return Optional.of(t.table + " " + c.name + " " + before + " → " + c.sql);
  }

  private Optional<String> removeCheck(EvolutionModel m) {
    return pick(m, t -> t.checks).map(p -> {
      p.table().checks.remove(p.item());
      return p.table().table + " " + p.item();
    });
  }

  private Optional<String> changeBaseFilter(EvolutionModel m) {
    // a composite key needs a non-partial unique index on its target, and a base filter makes them all partial
    List<Table> candidates = m.tables.stream().filter(t -> m.tables.stream().flatMap(o -> o.refs.stream())
        .noneMatch(r -> r.destination.equals(t.resource) && !r.matchWith.isEmpty())).toList();
    if (candidates.isEmpty()) {
      return Optional.empty();
    }
    Table t = pick(candidates);
    Sql before = t.baseFilter;
    t.baseFilter = before != null && random.nextBoolean() ? null : Sql.of("{0} IS NULL", pick(t.columnNames()));
    if (Objects.equals(before, t.baseFilter)) {
      return Optional.empty();
    }
    return Optional.of(t.table + " " + before + " → " + t.baseFilter);
  }

  // ---------------------------------------------------------------------------------------------- dependents

  /**
   * What goes with a removed column of {@code t}: identities, indexes, checks over it, reference options naming it,
   * and (when it is a composite key's extra column) the key's extra pair.
   */
  private static void removeColumn(EvolutionModel m, Table t, String column) {
    removeUses(t, column);
    for (Table other : m.tables) {
      for (Ref r : other.refs) {
        if (r.destination.equals(t.resource) && r.matchWith.containsValue(column)) {
          throw new IllegalStateException("column " + t.table + "." + column + " is a composite key target");
        }
      }
    }
  }

  private static void removeUses(Table t, String column) {
    if (t.baseFilter != null && t.baseFilter.uses(column)) {
      t.baseFilter = null;
    }
    t.identities.removeIf(i -> i.uses(column));
    t.indexes.removeIf(i -> i.uses(column));
    t.checks.removeIf(c -> c.sql.uses(column));
    for (Ref r : t.refs) {
      if (r.indexWhere != null && r.indexWhere.uses(column)) {
        r.indexWhere = null;
      }
      if (r.matchWith.containsKey(column)) {
        r.plainKey();
      }
    }
  }

  /** Renames a column of {@code t} in every SQL fragment, key list and composite key that names it. */
  private static void renameColumnEverywhere(EvolutionModel m, Table t, String from, String to) {
    for (Identity i : t.identities) {
      i.keys = i.keys.stream().map(k -> k.equals(from) ? to : k).toList();
      if (i.where != null) {
        i.where = i.where.renamed(from, to);
      }
    }
    for (Index i : t.indexes) {
      i.fields = i.fields.stream().map(f -> f.renamed(from, to)).toList();
      i.include = i.include.stream().map(c -> c.equals(from) ? to : c).toList();
      if (i.where != null) {
        i.where = i.where.renamed(from, to);
      }
    }
    for (Check c : t.checks) {
      c.sql = c.sql.renamed(from, to);
    }
    if (t.baseFilter != null) {
      t.baseFilter = t.baseFilter.renamed(from, to);
    }
    for (Ref r : t.refs) {
      if (r.indexWhere != null) {
        r.indexWhere = r.indexWhere.renamed(from, to);
      }
      if (r.matchWith.containsKey(from)) {
        r.matchWith = renameKey(r.matchWith, from, to);
      }
      if (r.onDelete != null && r.onDelete.columns().contains(from)) {
        r.onDelete = OnDelete.nilify(r.onDelete.columns().stream().map(c -> c.equals(from) ? to : c).toList());
      }
    }
    for (Table other : m.tables) {
      for (Ref r : other.refs) {
        if (r.destination.equals(t.resource) && r.matchWith.containsValue(from)) {
          r.matchWith.replaceAll((k, v) -> v.equals(from) ? to : v);
        }
      }
    }
  }

  private static java.util.LinkedHashMap<String, String> renameKey(Map<String, String> map, String from, String to) {
    java.util.LinkedHashMap<String, String> out = new java.util.LinkedHashMap<>();
    map.forEach((k, v) -> out.put(k.equals(from) ? to : k, v));
    return out;
  }

  /** Composite keys pointing at column {@code column} of {@code t}. */
  private static List<Ref> referencingMatchWith(EvolutionModel m, Table t, String column) {
    List<Ref> out = new ArrayList<>();
    for (Table other : m.tables) {
      for (Ref r : other.refs) {
        if (r.destination.equals(t.resource) && r.matchWith.containsValue(column)) {
          out.add(r);
        }
      }
    }
    return out;
  }

  /** Whether the column is either side of a composite key (its type must match the other side's). */
  private static boolean inMatchWith(EvolutionModel m, Table t, String column) {
    return !referencingMatchWith(m, t, column).isEmpty()
        || t.refs.stream().anyMatch(r -> r.matchWith.containsKey(column));
  }

  // ---------------------------------------------------------------------------------------------- randomness

  /** An element of a table's list, with the table. */
  private record Picked<T>(Table table, T item) {
  }

  /** A random element of {@code items} of the tables: a table that has one first, then one of its elements. */
  private <T> Optional<Picked<T>> pick(EvolutionModel m, Function<Table, List<T>> items) {
    return pick(m, items, (t, x) -> true);
  }

  /** Like {@link #pick(EvolutionModel, Function)} among the elements {@code keep} accepts. */
  private <T> Optional<Picked<T>> pick(EvolutionModel m, Function<Table, List<T>> items, BiPredicate<Table, T> keep) {
    List<Table> tables = m.tables.stream().filter(t -> items.apply(t).stream().anyMatch(x -> keep.test(t, x)))
        .toList();
    if (tables.isEmpty()) {
      return Optional.empty();
    }
    Table t = pick(tables);
    return Optional.of(new Picked<>(t, pick(items.apply(t).stream().filter(x -> keep.test(t, x)).toList())));
  }

  private <T> T pick(List<T> list) {
    return list.get(random.nextInt(list.size()));
  }

  private <T> T pickOrNull(List<T> list) {
    return list.isEmpty() ? null : pick(list);
  }

  /** Between {@code min} and {@code max} distinct elements of {@code list}, in random order. */
  private List<String> someOf(List<String> list, int min, int max) {
    List<String> shuffled = new ArrayList<>(list);
    java.util.Collections.shuffle(shuffled, random);
    int n = Math.min(shuffled.size(), min + random.nextInt(max - min + 1));
    return List.copyOf(shuffled.subList(0, n));
  }
}
