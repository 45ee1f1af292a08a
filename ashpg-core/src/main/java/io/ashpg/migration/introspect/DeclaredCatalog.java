package io.ashpg.migration.introspect;

import static io.ashpg.sql.Identifier.quote;

import io.ashpg.migration.diff.IndexDefinitions;
import io.ashpg.migration.snapshot.AttributeSnapshot;
import io.ashpg.migration.snapshot.CheckConstraintSnapshot;
import io.ashpg.migration.snapshot.CustomIndexSnapshot;
import io.ashpg.migration.snapshot.Deferrable;
import io.ashpg.migration.snapshot.IdentitySnapshot;
import io.ashpg.migration.snapshot.IndexField;
import io.ashpg.migration.snapshot.ReferenceSnapshot;
import io.ashpg.migration.snapshot.TableSnapshot;
import io.ashpg.sql.Identifier;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * What the snapshots declare, in the catalog model {@link CatalogReader} reads, so the two can be compared.
 *
 * <p>Structure follows the snapshot semantics directly: which columns, which indexes over which keys, constraint
 * and index names ({@code <table>_pkey}, identity index names, resolved custom index names, reference index names,
 * FK names), FK actions, MATCH, deferrability. Which columns an identity, custom index or reference index covers
 * (the tenant column of attribute multitenancy, the base filter in the predicate) is taken from
 * {@link IndexDefinitions}, the declaration's meaning shared with the generator.
 *
 * <p>Free-form SQL (types, defaults, check expressions, index expressions and predicates) is canonicalised by
 * PostgreSQL itself: inside a transaction that is always rolled back, scratch tables with the declared columns,
 * defaults, checks and indexes are created in scratch schemas and read back with {@link CatalogReader}, so the
 * expected texts are exactly what PostgreSQL prints for the declaration. The scratch DDL is written here, not by
 * the generator's renderer, so the generator is never compared with itself.
 *
 * <p>Placement: a table lives in its snapshot schema, or the default schema ({@code public}) when it has none; a
 * context-multitenant table lives in the tenant schema. A foreign key of a tenant table points into the same
 * tenant schema when its target is a tenant table, else into the target's schema or the default schema.
 */
public final class DeclaredCatalog {

  private final String defaultSchema;
  private final String tenantSchema;

  private DeclaredCatalog(String defaultSchema, String tenantSchema) {
    this.defaultSchema = Identifier.validate(defaultSchema, "default schema");
    this.tenantSchema = tenantSchema == null ? null : Identifier.validate(tenantSchema, "tenant schema");
  }

  /** Tables without a schema in {@code public}; no tenant tables allowed. */
  public static DeclaredCatalog inPublic() {
    return new DeclaredCatalog("public", null);
  }

  /** Tables without a schema in {@code defaultSchema}. */
  public DeclaredCatalog withDefaultSchema(String schema) {
    return new DeclaredCatalog(schema, tenantSchema);
  }

  /** Context-multitenant tables in {@code schema}. */
  public DeclaredCatalog withTenantSchema(String schema) {
    return new DeclaredCatalog(defaultSchema, schema);
  }

  /** The schema {@code table} is placed in. */
  public String schemaOf(TableSnapshot table) {
    if (table.isTenant()) {
      if (tenantSchema == null) {
        throw new IllegalArgumentException("table " + table.table() + " is context-multitenant; give the"
            + " tenant schema it is checked in with withTenantSchema(...)");
      }
      return tenantSchema;
    }
    return table.schema() == null ? defaultSchema : table.schema();
  }

  /**
   * The declared catalog of {@code tables} with {@code extensions} requested, one {@link SchemaCatalog} per schema
   * a table is placed in (sorted by schema), plus the default schema.
   *
   * @param connection used for canonicalising SQL texts, in a transaction (or savepoint) that is rolled back
   * @throws IllegalArgumentException naming table and object when a declared SQL text is rejected by PostgreSQL
   */
  public List<SchemaCatalog> build(Connection connection, List<TableSnapshot> tables, Collection<String> extensions)
      throws SQLException {
    Map<String, List<TableSnapshot>> bySchema = new TreeMap<>();
    bySchema.put(defaultSchema, new ArrayList<>());
    for (TableSnapshot t : tables) {
      bySchema.computeIfAbsent(schemaOf(t), s -> new ArrayList<>()).add(t);
    }
    Map<String, Map<String, Scratch>> canonical = canonicalise(connection, bySchema);
    List<SchemaCatalog> out = new ArrayList<>();
    for (Map.Entry<String, List<TableSnapshot>> e : bySchema.entrySet()) {
      Map<String, TableCatalog> built = new LinkedHashMap<>();
      for (TableSnapshot t : e.getValue()) {
        Scratch scratch = canonical.get(e.getKey()).get(t.table());
        if (built.put(t.table(), table(e.getKey(), t, scratch)) != null) {
          throw new IllegalArgumentException("table " + e.getKey() + "." + t.table() + " is declared twice");
        }
      }
      out.add(new SchemaCatalog(e.getKey(), built, List.copyOf(extensions)));
    }
    return out;
  }

  // ------------------------------------------------------------------------------------------- structure

  private TableCatalog table(String schema, TableSnapshot t, Scratch scratch) {
    List<ColumnCatalog> columns = new ArrayList<>();
    for (AttributeSnapshot a : t.attributes()) {
      columns.add(column(a, scratch.catalog().column(a.source()).orElseThrow()));
    }
    PrimaryKeyCatalog pk = null;
    List<IndexCatalog> indexes = new ArrayList<>();
    List<String> pkColumns = t.primaryKey();
    if (!pkColumns.isEmpty()) {
      pk = new PrimaryKeyCatalog(t.table() + "_pkey", pkColumns);
      indexes.add(new IndexCatalog(pk.name(), true, "btree", pkColumns.stream().map(IndexKey::column).toList(),
          List.of(), null, false, true));
    }
    for (IdentitySnapshot i : t.identities()) {
      indexes.add(new IndexCatalog(i.indexName(), true, "btree",
          keys(IndexDefinitions.identityKeys(t, i), scratch, identityScratch(i)), List.of(),
          predicate(scratch, identityScratch(i)), !i.nullsDistinct(), false));
    }
    for (CustomIndexSnapshot i : t.customIndexes()) {
      String name = i.resolvedName(t.table());
      indexes.add(new IndexCatalog(name, i.unique(), method(i), keys(IndexDefinitions.customIndexFields(t, i),
          scratch, customScratch(name)), i.include(), predicate(scratch, customScratch(name)), !i.nullsDistinct(),
          false));
    }
    List<ForeignKeyCatalog> fks = new ArrayList<>();
    for (AttributeSnapshot a : t.attributes()) {
      if (IndexDefinitions.hasReferenceIndex(a)) {
        String name = IndexDefinitions.referenceIndexName(t.table(), t, a);
        indexes.add(new IndexCatalog(name, false, "btree",
            IndexDefinitions.referenceIndexColumns(t, a).stream().map(IndexKey::column).toList(), List.of(),
            predicate(scratch, referenceScratch(a)), false, false));
      }
      if (a.references() != null) {
        fks.add(foreignKey(t, a));
      }
    }
    List<CheckCatalog> checks = new ArrayList<>();
    for (CheckConstraintSnapshot c : t.checkConstraints()) {
      if (c.check() != null) {
        checks.add(new CheckCatalog(c.name(), scratch.check(checkScratch(c)).expression(), true));
      }
    }
    return new TableCatalog(schema, t.table(), columns, pk, indexes, fks, checks, List.of());
  }

  private static ColumnCatalog column(AttributeSnapshot a, ColumnCatalog scratch) {
    String type = a.type().trim();
    boolean identity = type.equals("identity");
    boolean serial = SERIALS.containsKey(type);
    // identity and serial columns are NOT NULL by definition
    boolean notNull = !a.allowNil() || a.primaryKey() || identity || serial;
    return new ColumnCatalog(a.source(), scratch.type(), notNull,
        identity || serial ? null : scratch.defaultExpression(),
        identity ? ColumnCatalog.Identity.BY_DEFAULT : ColumnCatalog.Identity.NONE, serial, null);
  }

  private static String method(CustomIndexSnapshot i) {
    return i.using() == null ? "btree" : i.using().toLowerCase(Locale.ROOT);
  }

  /** Column keys as declared; expression keys as PostgreSQL printed them on the scratch index. */
  private static List<IndexKey> keys(List<IndexField> fields, Scratch scratch, String scratchIndex) {
    List<IndexKey> out = new ArrayList<>();
    for (int k = 0; k < fields.size(); k++) {
      IndexField f = fields.get(k);
      if (f.expression()) {
        out.add(scratch.index(scratchIndex).orElseThrow().keys().get(k));
      } else {
        out.add(new IndexKey(f.value(), false, null, order(f.order())));
      }
    }
    return out;
  }

  private static String predicate(Scratch scratch, String scratchIndex) {
    return scratch.index(scratchIndex).map(IndexCatalog::predicate).orElse(null);
  }

  /** The snapshot's sort order as pg_index records it: ASC NULLS LAST and DESC NULLS FIRST are the defaults. */
  private static String order(String order) {
    if (order == null) {
      return null;
    }
    return switch (order) {
      case "asc", "asc_nulls_last" -> null;
      case "asc_nulls_first" -> "NULLS FIRST";
      case "desc", "desc_nulls_first" -> "DESC";
      case "desc_nulls_last" -> "DESC NULLS LAST";
      default -> throw new IllegalArgumentException("index order '" + order + "' is unknown");
    };
  }

  private ForeignKeyCatalog foreignKey(TableSnapshot t, AttributeSnapshot a) {
    ReferenceSnapshot r = a.references();
    String targetSchema;
    if (t.isTenant() && r.multitenancy().isContext()) {
      targetSchema = schemaOf(t);
    } else {
      targetSchema = r.schema() == null ? defaultSchema : r.schema();
    }
    ReferentialAction onDelete = r.onDelete() == null ? ReferentialAction.NO_ACTION : switch (r.onDelete()) {
      case "delete" -> ReferentialAction.CASCADE;
      case "nilify" -> ReferentialAction.SET_NULL;
      case "restrict" -> ReferentialAction.RESTRICT;
      default -> ReferentialAction.NO_ACTION;
    };
    ReferentialAction onUpdate = r.onUpdate() == null ? ReferentialAction.NO_ACTION : switch (r.onUpdate()) {
      case "update" -> ReferentialAction.CASCADE;
      case "nilify" -> ReferentialAction.SET_NULL;
      case "restrict" -> ReferentialAction.RESTRICT;
      default -> ReferentialAction.NO_ACTION;
    };
    MatchType match = r.matchType() == null ? MatchType.SIMPLE
        : MatchType.valueOf(r.matchType().toUpperCase(Locale.ROOT));
    return new ForeignKeyCatalog(r.name(), IndexDefinitions.fkSourceColumns(a), targetSchema, r.table(),
        IndexDefinitions.fkDestinationColumns(r), onDelete, r.onDeleteNilifyColumns(), onUpdate, match,
        r.deferrable() != Deferrable.NO, r.deferrable() == Deferrable.DEFERRED, true);
  }

  // ------------------------------------------------------------------------------------------- scratch texts

  /** Serial shorthands and the integer type they store. */
  private static final Map<String, String> SERIALS = Map.of("bigserial", "bigint", "serial", "integer",
      "smallserial", "smallint");

  private static String identityScratch(IdentitySnapshot i) {
    return "identity " + i.name();
  }

  private static String customScratch(String name) {
    return "index " + name;
  }

  private static String referenceScratch(AttributeSnapshot a) {
    return "reference " + a.source();
  }

  private static String checkScratch(CheckConstraintSnapshot c) {
    return "check " + c.name();
  }

  /**
   * A declared table as created in its scratch schema: the catalog read back, and the scratch name of each
   * object (objects get short generated names, unique in the schema, so long or clashing names cannot fail).
   */
  private record Scratch(TableCatalog catalog, Map<String, String> names) {
    Optional<IndexCatalog> index(String key) {
      String name = names.get(key);
      return name == null ? Optional.empty() : catalog.index(name);
    }

    CheckCatalog check(String key) {
      return catalog.check(names.get(key)).orElseThrow();
    }
  }

  /**
   * Creates every declared table, with its column types and defaults, its checks and the indexes whose texts need
   * canonicalising, in scratch schemas inside a transaction that is rolled back, and reads them back.
   */
  private static Map<String, Map<String, Scratch>> canonicalise(Connection c,
      Map<String, List<TableSnapshot>> bySchema) throws SQLException {
    boolean autoCommit = c.getAutoCommit();
    Savepoint savepoint = null;
    if (autoCommit) {
      c.setAutoCommit(false);
    } else {
      savepoint = c.setSavepoint();
    }
    try (Statement s = c.createStatement()) {
      Map<String, String> scratchSchemas = new LinkedHashMap<>();
      Map<String, Map<String, Map<String, String>>> names = new LinkedHashMap<>();
      int n = 0;
      String run = Long.toHexString(System.nanoTime());
      for (String schema : bySchema.keySet()) {
        String scratch = "ashpg_declared_" + run + "_" + n++;
        scratchSchemas.put(schema, scratch);
        exec(s, "CREATE SCHEMA " + quote(scratch), schema, null, "scratch schema");
        Map<String, Map<String, String>> tableNames = new LinkedHashMap<>();
        int[] counter = {0};
        for (TableSnapshot t : bySchema.get(schema)) {
          tableNames.put(t.table(), createScratch(s, scratch, schema, t, counter));
        }
        names.put(schema, tableNames);
      }
      List<SchemaCatalog> read = CatalogReader.of(c).read(List.copyOf(scratchSchemas.values()));
      Map<String, Map<String, Scratch>> out = new LinkedHashMap<>();
      int i = 0;
      for (String schema : scratchSchemas.keySet()) {
        SchemaCatalog catalog = read.get(i++);
        Map<String, Scratch> tables = new LinkedHashMap<>();
        names.get(schema).forEach((table, objects) ->
            tables.put(table, new Scratch(catalog.table(table).orElseThrow(), objects)));
        out.put(schema, tables);
      }
      return out;
    } finally {
      if (autoCommit) {
        c.rollback();
        c.setAutoCommit(true);
      } else {
        c.rollback(savepoint);
      }
    }
  }

  private static Map<String, String> createScratch(Statement s, String scratch, String schema, TableSnapshot t,
      int[] counter) throws SQLException {
    Map<String, String> names = new LinkedHashMap<>();
    String table = Identifier.qualified(scratch, t.table());
    List<String> columns = new ArrayList<>();
    for (AttributeSnapshot a : t.attributes()) {
      String col = quote(a.source()) + " " + scratchType(schema, t, a);
      String type = a.type().trim();
      if (a.defaultValue() != null && !type.equals("identity") && !SERIALS.containsKey(type)) {
        col += " DEFAULT " + a.defaultValue();
      }
      columns.add(col);
    }
    exec(s, "CREATE TABLE " + table + " (" + String.join(", ", columns) + ")", schema, t, "columns");
    for (CheckConstraintSnapshot ch : t.checkConstraints()) {
      if (ch.check() != null) {
        String name = "ashpg_object_" + counter[0]++;
        names.put(checkScratch(ch), name);
        exec(s, "ALTER TABLE " + table + " ADD CONSTRAINT " + quote(name) + " CHECK ("
            + IndexDefinitions.checkExpression(ch) + ") NOT VALID", schema, t, "check constraint " + ch.name());
      }
    }
    for (IdentitySnapshot i : t.identities()) {
      scratchIndex(s, table, names, counter, identityScratch(i), "btree", IndexDefinitions.identityKeys(t, i),
          IndexDefinitions.identityWhere(i), schema, t, "identity " + i.name());
    }
    for (CustomIndexSnapshot i : t.customIndexes()) {
      String name = i.resolvedName(t.table());
      scratchIndex(s, table, names, counter, customScratch(name), method(i), IndexDefinitions.customIndexFields(t, i),
          IndexDefinitions.customIndexWhere(t, i), schema, t, "index " + name);
    }
    for (AttributeSnapshot a : t.attributes()) {
      if (IndexDefinitions.hasReferenceIndex(a)) {
        scratchIndex(s, table, names, counter, referenceScratch(a), "btree",
            IndexDefinitions.referenceIndexColumns(t, a).stream().map(IndexField::column).toList(),
            IndexDefinitions.referenceIndexWhere(a), schema, t, "reference index of " + a.source());
      }
    }
    return names;
  }

  /** An index whose expressions or predicate need PostgreSQL's spelling; skipped when it has neither. */
  private static void scratchIndex(Statement s, String table, Map<String, String> names, int[] counter, String key,
      String method, List<IndexField> fields, String where, String schema, TableSnapshot t, String what)
      throws SQLException {
    if (where == null && fields.stream().noneMatch(IndexField::expression)) {
      return;
    }
    Identifier.validate(method, "index method of " + what);
    if (!method.matches("[a-z_][a-z0-9_]*")) {
      throw new IllegalArgumentException(where(schema, t) + what + ": using '" + method
          + "' is not an index method name (e.g. gin, gist, brin, hash)");
    }
    List<String> keys = new ArrayList<>();
    for (IndexField f : fields) {
      String part = f.expression() ? "(" + f.value() + ")" : quote(f.value());
      String order = order(f.order());
      keys.add(order == null ? part : part + " " + order);
    }
    String name = "ashpg_object_" + counter[0]++;
    names.put(key, name);
    String sql = "CREATE INDEX " + quote(name) + " ON " + table + " USING " + method + " ("
        + String.join(", ", keys) + ")" + (where == null ? "" : " WHERE " + where);
    exec(s, sql, schema, t, what);
  }

  /** The storage type of a declared column, with its modifiers, for the scratch table. */
  private static String scratchType(String schema, TableSnapshot t, AttributeSnapshot a) {
    String type = a.type().trim();
    if (type.equals("identity")) {
      return "bigint";
    }
    if (SERIALS.containsKey(type)) {
      return SERIALS.get(type);
    }
    if (type.contains(";") || type.contains("--") || type.contains("/*")) {
      throw new IllegalArgumentException(where(schema, t) + "column " + a.source() + ": type '" + type
          + "' is not a type name");
    }
    if (type.contains("(")) {
      return type;
    }
    int bracket = type.indexOf('[');
    String base = bracket < 0 ? type : type.substring(0, bracket);
    String array = bracket < 0 ? "" : type.substring(bracket);
    if (a.size() != null) {
      base += "(" + a.size() + ")";
    } else if (a.precision() != null) {
      base += "(" + a.precision() + (a.scale() == null ? "" : "," + a.scale()) + ")";
    }
    return base + array;
  }

  private static void exec(Statement s, String sql, String schema, TableSnapshot t, String what)
      throws SQLException {
    try {
      s.execute(sql);
    } catch (SQLException e) {
      throw new IllegalArgumentException(where(schema, t) + what + ": PostgreSQL rejects the declaration ("
          + e.getMessage().strip() + "); the statement was: " + sql, e);
    }
  }

  private static String where(String schema, TableSnapshot t) {
    return t == null ? "schema " + schema + ": " : schema + "." + Objects.requireNonNull(t.table()) + ": ";
  }
}
