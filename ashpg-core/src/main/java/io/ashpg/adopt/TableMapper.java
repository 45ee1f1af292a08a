package io.ashpg.adopt;

import io.ashpg.migration.introspect.CheckCatalog;
import io.ashpg.migration.introspect.ColumnCatalog;
import io.ashpg.migration.introspect.ExclusionCatalog;
import io.ashpg.migration.introspect.ForeignKeyCatalog;
import io.ashpg.migration.introspect.IndexCatalog;
import io.ashpg.migration.introspect.IndexKey;
import io.ashpg.migration.introspect.MatchType;
import io.ashpg.migration.introspect.ReferentialAction;
import io.ashpg.migration.introspect.TableCatalog;
import io.ashpg.resource.IndexField;
import io.ashpg.resource.Names;
import io.ashpg.sql.Identifier;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * One table → one resource class. Built in two steps, because relationships cross tables: the constructor names
 * the resource and its attributes; {@link #planBelongsTo} turns the table's foreign keys into belongs_to
 * relationships once every table is named; {@link #source} writes the class, with a has_many for each belongs_to
 * pointing at this table.
 *
 * <p>What the DSL cannot state is kept as a custom statement with the SQL that recreates it, and reported.
 */
final class TableMapper {

  /** A belongs_to from a foreign key. */
  record BelongsTo(TableMapper source, String name, ForeignKeyCatalog key, TableMapper destination,
      String sourceAttribute, String destinationAttribute, Map<String, String> matchWith) {
  }

  private static final Pattern IDENTITY_INDEX = Pattern.compile("(.+)_index");
  /** Index names the DSL accepts. */
  private static final Pattern INDEX_NAME = Pattern.compile("[A-Za-z0-9_]+");

  /** PostgreSQL's reserved key words that are also plain identifiers: quoted when written into SQL. */
  private static final Set<String> RESERVED = Set.of("all", "analyse", "analyze", "and", "any", "array", "as", "asc",
      "asymmetric", "both", "case", "cast", "check", "collate", "column", "constraint", "create", "current_catalog",
      "current_date", "current_role", "current_time", "current_timestamp", "current_user", "default", "deferrable",
      "desc", "distinct", "do", "else", "end", "except", "false", "fetch", "for", "foreign", "from", "grant", "group",
      "having", "in", "initially", "intersect", "into", "lateral", "leading", "limit", "localtime",
      "localtimestamp", "not", "null", "offset", "on", "only", "or", "order", "placing", "primary", "references",
      "returning", "select", "session_user", "some", "symmetric", "system_user", "table", "then", "to", "trailing",
      "true", "union", "unique", "user", "using", "variadic", "when", "where", "window", "with");

  private final TableCatalog table;
  private final String schema;
  private final String resourceName;
  private final String className;
  private final String repoClass;
  private final boolean uuidOssp;
  private final List<String> warnings;
  /** Attribute name by column name, in column order. */
  private final Map<String, String> attributes = new LinkedHashMap<>();
  private final List<BelongsTo> belongsTo = new ArrayList<>();
  /** Foreign keys no belongs_to expresses: kept as custom statements. */
  private final List<ForeignKeyCatalog> keptKeys = new ArrayList<>();
  private final Set<String> relationshipNames = new HashSet<>();

  TableMapper(TableCatalog table, String schema, String resourceName, String className, String repoClass,
      boolean uuidOssp, List<String> warnings) {
    this.table = table;
    this.schema = schema;
    this.resourceName = resourceName;
    this.className = className;
    this.repoClass = repoClass;
    this.uuidOssp = uuidOssp;
    this.warnings = warnings;
    Set<String> taken = new HashSet<>();
    for (ColumnCatalog c : table.columns()) {
      String name = JavaNames.unique(JavaNames.snake(c.name()), taken, "_");
      taken.add(name);
      attributes.put(c.name(), name);
    }
  }

  String table() {
    return table.name();
  }

  String resourceName() {
    return resourceName;
  }

  String className() {
    return className;
  }

  List<BelongsTo> belongsTo() {
    return belongsTo;
  }

  private String attribute(String column) {
    return attributes.get(column);
  }

  private void warn(String message) {
    warnings.add("table " + table.qualifiedName() + ": " + message);
  }

  /** Turns foreign keys into belongs_to relationships where the DSL can state them. */
  void planBelongsTo(Map<String, TableMapper> bySchemaTable) {
    Set<String> sourceColumns = new HashSet<>();
    for (ForeignKeyCatalog fk : table.foreignKeys()) {
      TableMapper destination = fk.referencedSchema().equals(schema) ? bySchemaTable.get(fk.referencedTable()) : null;
      String why = null;
      if (destination == null) {
        why = "it references " + fk.referencedQualifiedName() + ", which is not adopted with this schema";
      } else if (fk.columns().size() > 2) {
        why = "it has " + fk.columns().size() + " columns; a reference states at most two (matchWith one pair)";
      } else if (fk.onDelete() == ReferentialAction.SET_DEFAULT || fk.onUpdate() == ReferentialAction.SET_DEFAULT) {
        why = "the DSL has no SET DEFAULT action";
      } else if (fk.match() == MatchType.PARTIAL) {
        why = "PostgreSQL does not implement MATCH PARTIAL";
      } else if (!sourceColumns.add(fk.columns().get(0))) {
        why = "its column " + fk.columns().get(0) + " already holds another belongs_to";
      } else if (!fk.validated()) {
        warn("foreign key " + fk.name() + " is NOT VALID; the generated resources validate it");
      }
      if (why != null) {
        warn("foreign key " + fk.name() + " is kept as a custom statement: " + why);
        keptKeys.add(fk);
        continue;
      }
      String sourceAttribute = attribute(fk.columns().get(0));
      String base = sourceAttribute.endsWith("_id") && sourceAttribute.length() > 3
          ? sourceAttribute.substring(0, sourceAttribute.length() - 3) : destination.resourceName;
      Set<String> taken = new HashSet<>(attributes.values());
      taken.addAll(relationshipNames);
      String name = JavaNames.unique(base, taken, "_");
      relationshipNames.add(name);
      Map<String, String> matchWith = new LinkedHashMap<>();
      for (int i = 1; i < fk.columns().size(); i++) {
        matchWith.put(attribute(fk.columns().get(i)), destination.attribute(fk.referencedColumns().get(i)));
      }
      belongsTo.add(new BelongsTo(this, name, fk, destination, sourceAttribute,
          destination.attribute(fk.referencedColumns().get(0)), matchWith));
    }
  }

  /** The resource class, with a has_many for each of {@code incoming}. */
  ResourceSource source(String javaPackage, List<BelongsTo> incoming) {
    List<String> postgres = new ArrayList<>();
    postgres.add(".repo(" + repoClass + ".class)");
    postgres.add(".table(" + JavaNames.literal(table.name()) + ")");
    if (!schema.equals("public")) {
      postgres.add(".schema(" + JavaNames.literal(schema) + ")");
    }
    List<String> body = new ArrayList<>();
    List<String> statements = new ArrayList<>();
    Map<String, BelongsTo> byColumn = new LinkedHashMap<>();
    belongsTo.forEach(b -> byColumn.put(b.key().columns().get(0), b));
    List<String> primaryKey = table.primaryKey() == null ? List.of() : table.primaryKey().columns();
    if (table.primaryKey() == null) {
      warn("it has no primary key; the resource has none either (reads by primary key will not work)");
    } else if (!table.primaryKey().name().equals(Names.primaryKey(table.name()))) {
      warn("primary key " + table.primaryKey().name() + " will be named " + Names.primaryKey(table.name())
          + " by ashpg's migrations");
    }
    // belongs_to attributes come after the declared ones, and a composite primary key follows attribute order:
    // so its columns are declared first, in key order, or all defined by belongs_to, sorted by key position
    long keyDefinable = primaryKey.stream().filter(k -> byColumn.containsKey(k)
        && canDefine(table.column(k).orElseThrow())).count();
    boolean declareKey = primaryKey.size() > 1 && keyDefinable < primaryKey.size();
    List<ColumnCatalog> columns = new ArrayList<>(table.columns());
    if (primaryKey.size() > 1) {
      columns.sort(Comparator.comparingInt(c -> keyPosition(primaryKey, c.name())));
    }
    Set<String> definedByBelongsTo = new HashSet<>();
    for (ColumnCatalog c : columns) {
      BelongsTo b = byColumn.get(c.name());
      if (b != null && canDefine(c) && !(declareKey && primaryKey.contains(c.name()))) {
        definedByBelongsTo.add(c.name());
        continue;
      }
      attribute(c, primaryKey, postgres, statements).ifPresent(body::add);
    }
    identitiesAndIndexes(postgres, body, statements);
    for (CheckCatalog check : table.checks()) {
      postgres.add(check(check));
    }
    List<BelongsTo> ordered = new ArrayList<>(belongsTo);
    ordered.sort(Comparator.comparingInt(b -> keyPosition(primaryKey, b.key().columns().get(0))));
    for (BelongsTo b : ordered) {
      reference(b).ifPresent(postgres::add);
      body.add(belongsTo(b, definedByBelongsTo.contains(b.key().columns().get(0)), primaryKey));
    }
    for (ForeignKeyCatalog fk : keptKeys) {
      statements.add(statement(fk.name(), "ADD CONSTRAINT " + Identifier.quote(fk.name()) + " " + foreignKeySql(fk),
          "DROP CONSTRAINT " + Identifier.quote(fk.name()),
          fk.referencedSchema().equals(schema) ? List.of(fk.referencedTable()) : List.of()));
    }
    for (ExclusionCatalog x : table.exclusions()) {
      warn("exclusion constraint " + x.name() + " is kept as a custom statement: the DSL has no exclusion"
          + " constraints");
      statements.add(statement(x.name(), "ADD CONSTRAINT " + Identifier.quote(x.name()) + " " + x.definition(),
          "DROP CONSTRAINT " + Identifier.quote(x.name()), List.of()));
    }
    postgres.addAll(statements);
    hasMany(incoming, body);
    return new ResourceSource(javaPackage, className, resourceName, "Adopted from table " + table.qualifiedName()
        + ".", postgres, body);
  }

  // ------------------------------------------------------------------------------------------------ attributes

  /** Sort key: primary key columns first in key order, then the others in column order. */
  private int keyPosition(List<String> primaryKey, String column) {
    int key = primaryKey.indexOf(column);
    if (key >= 0) {
      return key;
    }
    int i = 0;
    for (ColumnCatalog c : table.columns()) {
      if (c.name().equals(column)) {
        break;
      }
      i++;
    }
    return primaryKey.size() + i;
  }

  /** Whether the belongs_to can define its column itself: a plain column with nothing else to say about it. */
  private boolean canDefine(ColumnCatalog c) {
    return c.defaultExpression() == null && !c.serial() && c.identity() == ColumnCatalog.Identity.NONE
        && c.generatedExpression() == null && attribute(c.name()).equals(c.name());
  }

  private Optional<String> attribute(ColumnCatalog c, List<String> primaryKey, List<String> postgres,
      List<String> statements) {
    String name = attribute(c.name());
    String literalName = JavaNames.literal(name);
    boolean key = primaryKey.contains(c.name());
    boolean single = key && primaryKey.size() == 1;
    if (c.generatedExpression() != null) {
      warn("column " + c.name() + " is generated (" + c.generatedExpression() + "); the attribute is read-only,"
          + " left out of migrations, and the column is kept as a custom statement");
      postgres.add(0, ".migrationIgnoreAttributes(" + literalName + ")");
      statements.add(0, statement(c.name(), "ADD COLUMN " + Identifier.quote(c.name()) + " " + c.type()
          + " GENERATED ALWAYS AS (" + c.generatedExpression() + ") STORED", "DROP COLUMN "
          + Identifier.quote(c.name()), List.of()));
      return Optional.of(".attribute(" + literalName + ", " + ColumnMapping.type(c.type())
          + ", a -> a" + source(c) + ".generated(true).writable(false))");
    }
    if (single && c.type().equals("uuid") && ColumnMapping.isUuidGenerate(c.defaultExpression(), uuidOssp)
        && name.equals(c.name())) {
      return Optional.of(".uuidPrimaryKey(" + literalName + ")");
    }
    if (single && c.type().equals("bigint") && c.serial() && name.equals(c.name())) {
      return Optional.of(".integerPrimaryKey(" + literalName + ")");
    }
    boolean stamp = c.notNull() && !key && ColumnMapping.usecTimestamp(c.type())
        && ColumnMapping.isNow(c.defaultExpression(), c.type()) && name.equals(c.name());
    if (stamp) {
      return Optional.of((name.equals("updated_at") ? ".updateTimestamp(" : ".createTimestamp(") + literalName + ")");
    }
    StringBuilder options = new StringBuilder(source(c));
    String type = ColumnMapping.type(c.type());
    if (c.identity() != ColumnCatalog.Identity.NONE) {
      if (!c.type().equals("bigint")) {
        warn("identity column " + c.name() + " is " + c.type() + "; ashpg's identity columns are bigint");
      }
      if (c.identity() == ColumnCatalog.Identity.ALWAYS) {
        warn("identity column " + c.name() + " is GENERATED ALWAYS; ashpg's identity columns are GENERATED BY"
            + " DEFAULT");
      }
      type = "Type.INTEGER";
      postgres.add(".migrationType(" + literalName + ", \"identity\")");
    } else if (c.serial() && !c.type().equals("bigint")) {
      type = "Type.custom(" + JavaNames.literal(c.type().equals("integer") ? "serial" : "smallserial") + ")";
    }
    if (key) {
      options.append(ResourceSource.BREAK + ".primaryKey(true)");
    }
    if (c.notNull() && !key) {
      options.append(ResourceSource.BREAK + ".allowNil(false)");
    }
    if (c.serial() || c.identity() != ColumnCatalog.Identity.NONE) {
      options.append(ResourceSource.BREAK + ".generated(true)");
      if (key) {
        options.append(ResourceSource.BREAK + ".writable(false)");
      }
    } else {
      ColumnMapping.defaultValue(c.defaultExpression(), c.type(), uuidOssp)
          .ifPresent(d -> options.append(ResourceSource.BREAK + ".defaultValue(").append(d).append(")"));
    }
    return Optional.of(".attribute(" + literalName + ", " + type
        + (options.isEmpty() ? ")" : ", a -> a" + options + ")"));
  }

  /** {@code .source("Column")} when the attribute name differs from the column. */
  private String source(ColumnCatalog c) {
    return attribute(c.name()).equals(c.name()) ? "" : ".source(" + JavaNames.literal(c.name()) + ")";
  }

  // ---------------------------------------------------------------------------------------------- relationships

  private String belongsTo(BelongsTo b, boolean defines, List<String> primaryKey) {
    String column = b.key().columns().get(0);
    ColumnCatalog c = table.column(column).orElseThrow();
    StringBuilder options = new StringBuilder();
    if (!b.sourceAttribute().equals(b.name() + "_id")) {
      option(options, "sourceAttribute", JavaNames.literal(b.sourceAttribute()));
    }
    if (!b.destinationAttribute().equals("id")) {
      option(options, "destinationAttribute", JavaNames.literal(b.destinationAttribute()));
    }
    if (!defines) {
      options.append(ResourceSource.BREAK + ".defineAttribute(false)");
    } else {
      String type = ColumnMapping.type(c.type());
      if (!type.equals("Type.UUID")) {
        option(options, "attributeType", type);
      }
      if (primaryKey.contains(column)) {
        options.append(ResourceSource.BREAK + ".primaryKey(true)");
      }
      if (c.notNull()) {
        options.append(ResourceSource.BREAK + ".allowNil(false)");
      }
    }
    return ".belongsTo(" + JavaNames.literal(b.name()) + ", " + JavaNames.literal(b.destination().resourceName)
        + (options.isEmpty() ? ")" : ", b -> b" + options + ")");
  }

  /** The {@code reference(...)} of a belongs_to, when its foreign key differs from the default one. */
  private Optional<String> reference(BelongsTo b) {
    ForeignKeyCatalog fk = b.key();
    StringBuilder options = new StringBuilder();
    switch (fk.onDelete()) {
      case CASCADE -> options.append(ResourceSource.BREAK + ".onDelete(OnDelete.DELETE)");
      case SET_NULL -> option(options, "onDelete", fk.onDeleteSetColumns().isEmpty() ? "OnDelete.NILIFY"
          : "OnDelete.nilify(List.of(" + JavaNames.literals(fk.onDeleteSetColumns().stream().map(this::attribute)
              .toList()) + "))");
      case RESTRICT -> options.append(ResourceSource.BREAK + ".onDelete(OnDelete.RESTRICT)");
      default -> { }
    }
    switch (fk.onUpdate()) {
      case CASCADE -> options.append(ResourceSource.BREAK + ".onUpdate(OnUpdate.UPDATE)");
      case SET_NULL -> options.append(ResourceSource.BREAK + ".onUpdate(OnUpdate.NILIFY)");
      case RESTRICT -> options.append(ResourceSource.BREAK + ".onUpdate(OnUpdate.RESTRICT)");
      default -> { }
    }
    if (!fk.name().equals(Names.foreignKey(table.name(), fk.columns().get(0)))) {
      option(options, "name", JavaNames.literal(fk.name()));
    }
    if (fk.deferrable()) {
      options.append(ResourceSource.BREAK).append(fk.initiallyDeferred() ? ".deferrable(Deferrable.INITIALLY_DEFERRED)"
          : ".deferrable(Deferrable.DEFERRABLE)");
    }
    if (!b.matchWith().isEmpty()) {
      options.append(ResourceSource.BREAK + ".matchWith(Map.of(").append(b.matchWith().entrySet().stream()
          .map(e -> JavaNames.literal(e.getKey()) + ", " + JavaNames.literal(e.getValue()))
          .collect(Collectors.joining(", "))).append("))");
    }
    if (fk.match() == MatchType.FULL) {
      options.append(ResourceSource.BREAK + ".matchType(MatchType.FULL)");
    }
    referenceIndex(fk).ifPresent(i -> {
      options.append(ResourceSource.BREAK + ".index(true)");
      if (i.predicate() != null) {
        option(options, "indexWhere", JavaNames.literal(i.predicate()));
      }
    });
    return options.isEmpty() ? Optional.empty()
        : Optional.of(".reference(" + JavaNames.literal(b.name()) + ", ref -> ref" + options + ")");
  }

  /** The index a reference's {@code index(true)} stands for: named and keyed as the generator makes it. */
  private Optional<IndexCatalog> referenceIndex(ForeignKeyCatalog fk) {
    String column = fk.columns().get(0);
    return table.index(Names.referenceIndex(table.name(), List.of(column))).filter(i -> !i.unique()
        && !i.backsConstraint() && i.method().equals("btree") && i.include().isEmpty() && !i.nullsNotDistinct()
        && i.keys().equals(List.of(IndexKey.column(column))));
  }

  private void hasMany(List<BelongsTo> incoming, List<String> body) {
    Set<String> taken = new HashSet<>(attributes.values());
    taken.addAll(relationshipNames);
    for (BelongsTo b : incoming) {
      TableMapper from = b.source();
      long sameTarget = from.belongsTo.stream().filter(o -> o.destination() == this).count();
      String base = JavaNames.plural(from.resourceName) + (sameTarget > 1 ? "_as_" + b.name() : "");
      String name = JavaNames.unique(base, taken, "_");
      taken.add(name);
      StringBuilder options = new StringBuilder();
      if (!b.destinationAttribute().equals("id")) {
        option(options, "sourceAttribute", JavaNames.literal(b.destinationAttribute()));
      }
      if (!b.sourceAttribute().equals(resourceName + "_id")) {
        option(options, "destinationAttribute", JavaNames.literal(b.sourceAttribute()));
      }
      body.add(".hasMany(" + JavaNames.literal(name) + ", " + JavaNames.literal(from.resourceName)
          + (options.isEmpty() ? ")" : ", rel -> rel" + options + ")"));
    }
  }

  // ----------------------------------------------------------------------------------------- indexes and checks

  private void identitiesAndIndexes(List<String> postgres, List<String> body, List<String> statements) {
    Set<String> skipped = new HashSet<>();
    if (table.primaryKey() != null) {
      skipped.add(table.primaryKey().name());
    }
    table.exclusions().forEach(x -> skipped.add(x.name()));
    belongsTo.forEach(b -> referenceIndex(b.key()).ifPresent(i -> skipped.add(i.name())));
    Set<String> identityNames = new HashSet<>();
    for (IndexCatalog index : table.indexes()) {
      if (skipped.contains(index.name())) {
        continue;
      }
      boolean plainColumns = index.method().equals("btree") && index.include().isEmpty()
          && index.keys().stream().allMatch(k -> !k.expression() && k.opclass() == null && k.order() == null);
      if (!index.backsConstraint() && !INDEX_NAME.matcher(index.name()).matches()) {
        warn("index " + index.name() + " is kept as a custom statement: the DSL names indexes with letters,"
            + " digits and underscores only");
        statements.add(customStatement(index.name(), createIndexSql(index), "DROP INDEX "
            + qualified(index.name()), List.of()));
      } else if (index.unique() && plainColumns) {
        identity(index, identityNames, postgres, body, statements);
      } else if (index.backsConstraint()) {
        warn("unique constraint " + index.name() + " is kept as a custom statement");
        statements.add(statement(index.name(), "ADD CONSTRAINT " + Identifier.quote(index.name()) + " UNIQUE "
            + index.keyList(), "DROP CONSTRAINT " + Identifier.quote(index.name()), List.of()));
      } else {
        postgres.add(customIndex(index));
      }
    }
  }

  /**
   * An identity from a unique index over plain columns. A unique constraint (rather than index) is written as a
   * custom statement, and the identity tells the generator not to make an index of its own.
   */
  private void identity(IndexCatalog index, Set<String> identityNames, List<String> postgres, List<String> body,
      List<String> statements) {
    List<String> keys = index.keys().stream().map(k -> attribute(k.value())).toList();
    String prefix = table.name() + "_";
    String fromName = index.name().startsWith(prefix) ? index.name().substring(prefix.length()) : "";
    var matcher = IDENTITY_INDEX.matcher(fromName);
    String name = matcher.matches() && JavaNames.plain(matcher.group(1)) && !index.backsConstraint()
        ? matcher.group(1) : "unique_" + String.join("_", keys);
    name = JavaNames.unique(name, identityNames, "_");
    identityNames.add(name);
    String literal = JavaNames.literal(name);
    if (!index.name().equals(Names.identityIndex(table.name(), name))) {
      postgres.add(".identityIndexName(" + literal + ", " + JavaNames.literal(index.name()) + ")");
    }
    if (index.backsConstraint()) {
      warn("unique constraint " + index.name() + " is kept as a custom statement; identity " + name
          + " stands for it without an index of its own");
      postgres.add(".skipUniqueIndexes(" + literal + ")");
      statements.add(statement(index.name(), "ADD CONSTRAINT " + Identifier.quote(index.name()) + " UNIQUE"
          + (index.nullsNotDistinct() ? " NULLS NOT DISTINCT " : " ") + index.keyList(),
          "DROP CONSTRAINT " + Identifier.quote(index.name()), List.of()));
    } else if (index.predicate() != null) {
      postgres.add(".identityWhereToSql(" + literal + ", " + JavaNames.literal(index.predicate()) + ")");
    }
    if (index.nullsNotDistinct() && !index.backsConstraint()) {
      body.add(".identity(" + literal + ", List.of(" + JavaNames.literals(keys) + "), i -> i.nullsDistinct(false))");
    } else {
      body.add(".identity(" + literal + ", " + JavaNames.literals(keys) + ")");
    }
  }

  private String customIndex(IndexCatalog index) {
    List<IndexField> fields = new ArrayList<>();
    List<String> written = new ArrayList<>();
    boolean directed = index.keys().stream().anyMatch(k -> "DESC".equals(k.order()));
    for (IndexKey k : index.keys()) {
      String text;
      if (k.expression()) {
        text = k.value().startsWith("(") || k.value().matches("[A-Za-z_][A-Za-z0-9_.]*\\(.*\\)") ? k.value()
            : "(" + k.value() + ")";
      } else {
        String column = attribute(k.value());
        // the generator maps an attribute name to its column; with an operator class the field is SQL text
        text = k.opclass() == null ? column : quoteIfNeeded(k.value());
      }
      if (k.opclass() != null) {
        text += " " + k.opclass();
      }
      String order = k.order();
      if (order != null && !order.equals("DESC")) {
        text += " " + order;
      }
      IndexField field = IndexField.of(text);
      if ("DESC".equals(order)) {
        fields.add(IndexField.desc(text));
        written.add("IndexField.desc(" + JavaNames.literal(text) + ")");
      } else {
        fields.add(field);
        written.add(directed ? "IndexField.of(" + JavaNames.literal(text) + ")" : JavaNames.literal(text));
      }
    }
    StringBuilder out = new StringBuilder(".customIndex(i -> i");
    option(out, "fields", String.join(", ", written));
    boolean nameable = fields.stream().allMatch(f -> f.text().matches("[0-9a-zA-Z_]+"));
    if (!nameable || !index.name().equals(Names.customIndex(table.name(), fields))) {
      option(out, "name", JavaNames.literal(index.name()));
    }
    if (index.unique()) {
      out.append(ResourceSource.BREAK + ".unique(true)");
    }
    if (!index.method().equals("btree")) {
      option(out, "using", JavaNames.literal(index.method()));
    }
    if (!index.include().isEmpty()) {
      option(out, "include", JavaNames.literals(index.include().stream().map(this::attribute).toList()));
    }
    if (index.nullsNotDistinct()) {
      out.append(ResourceSource.BREAK + ".nullsDistinct(false)");
    }
    if (index.predicate() != null) {
      option(out, "where", JavaNames.literal(index.predicate()));
    }
    return out.append(")").toString();
  }

  private String check(CheckCatalog check) {
    if (!check.validated()) {
      warn("check constraint " + check.name() + " is NOT VALID; the generated resources validate it");
    }
    List<String> named = new ArrayList<>();
    for (String column : attributes.keySet()) {
      if (Pattern.compile("(?<![A-Za-z0-9_\"])(" + Pattern.quote(column) + "|\"" + Pattern.quote(column)
          + "\")(?![A-Za-z0-9_\"])").matcher(check.expression()).find()) {
        named.add(attribute(column));
      }
    }
    if (named.isEmpty()) {
      named.add(attributes.values().iterator().next());
    }
    String on = named.size() == 1 ? JavaNames.literal(named.get(0)) : "List.of(" + JavaNames.literals(named) + ")";
    return ".checkConstraint(" + on + ", " + JavaNames.literal(check.name()) + ", c -> c" + ResourceSource.BREAK
        + ".check(" + JavaNames.literal(check.expression()) + "))";
  }

  /** Appends the option call {@code .method(arguments)}, where a long call may break. */
  private static void option(StringBuilder options, String method, String arguments) {
    options.append(ResourceSource.BREAK).append('.').append(method).append('(').append(arguments).append(')');
  }

  // ------------------------------------------------------------------------------------------- custom statements

  /** A custom statement altering this table, run after {@code after} tables exist. */
  private String statement(String name, String up, String down, List<String> after) {
    String target = "ALTER TABLE " + qualified(table.name()) + " ";
    return customStatement(name, target + up, target + down, after);
  }

  private static String customStatement(String name, String up, String down, List<String> after) {
    return ".customStatement(" + JavaNames.literal(name) + ", s -> s" + ResourceSource.BREAK + ".up("
        + JavaNames.literal(up) + ")" + ResourceSource.BREAK + ".down(" + JavaNames.literal(down) + ")"
        + (after.isEmpty() ? "" : ResourceSource.BREAK + ".afterTables(" + JavaNames.literals(after) + ")") + ")";
  }

  /** {@code name} in this table's schema, as SQL: bare in {@code public}. */
  private String qualified(String name) {
    return schema.equals("public") ? quoteIfNeeded(name) : Identifier.qualified(schema, name);
  }

  private String createIndexSql(IndexCatalog index) {
    return "CREATE " + (index.unique() ? "UNIQUE " : "") + "INDEX " + Identifier.quote(index.name()) + " ON "
        + qualified(table.name()) + " USING " + index.method() + " " + index.keyList()
        + (index.include().isEmpty() ? "" : " INCLUDE (" + columns(index.include()) + ")")
        + (index.nullsNotDistinct() ? " NULLS NOT DISTINCT" : "")
        + (index.predicate() == null ? "" : " WHERE " + index.predicate());
  }

  private static String foreignKeySql(ForeignKeyCatalog fk) {
    StringBuilder sql = new StringBuilder("FOREIGN KEY (").append(columns(fk.columns())).append(") REFERENCES ")
        .append(Identifier.qualified(fk.referencedSchema(), fk.referencedTable())).append(" (")
        .append(columns(fk.referencedColumns())).append(")");
    if (fk.match() == MatchType.FULL) {
      sql.append(" MATCH FULL");
    }
    if (fk.onDelete() != ReferentialAction.NO_ACTION) {
      sql.append(" ON DELETE ").append(fk.onDelete());
      if (!fk.onDeleteSetColumns().isEmpty()) {
        sql.append(" (").append(columns(fk.onDeleteSetColumns())).append(")");
      }
    }
    if (fk.onUpdate() != ReferentialAction.NO_ACTION) {
      sql.append(" ON UPDATE ").append(fk.onUpdate());
    }
    if (fk.deferrable()) {
      sql.append(fk.initiallyDeferred() ? " DEFERRABLE INITIALLY DEFERRED" : " DEFERRABLE");
    }
    if (!fk.validated()) {
      sql.append(" NOT VALID");
    }
    return sql.toString();
  }

  private static String columns(List<String> columns) {
    return columns.stream().map(TableMapper::quoteIfNeeded).collect(Collectors.joining(", "));
  }

  /** An identifier as people write it in SQL: bare when PostgreSQL would fold it to itself, else quoted. */
  static String quoteIfNeeded(String name) {
    return JavaNames.plain(name) && !RESERVED.contains(name) ? name : Identifier.quote(name);
  }
}
