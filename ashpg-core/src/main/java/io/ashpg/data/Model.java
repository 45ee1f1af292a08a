package io.ashpg.data;

import io.ashpg.error.ConstraintErrorMapper;
import io.ashpg.error.InvalidQueryException;
import io.ashpg.resource.Attribute;
import io.ashpg.resource.Resource;
import io.ashpg.sql.Identifier;
import io.ashpg.sql.PgTypes;
import io.ashpg.sql.RawSql;
import io.ashpg.sql.RenderContext;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Everything the renderers and readers need about one resource stored in one table, computed once: attributes by
 * name, quoted columns, the escaped base filter, installed extensions, the constraint error mapper and row layouts.
 */
final class Model {
  final Resource resource;
  final TableTarget target;
  final String qualifiedTable;
  final List<Attribute> attributes;
  final List<Attribute> primaryKey;
  final String baseFilter;
  final ConstraintErrorMapper errors;
  private final Map<String, Attribute> byName = new LinkedHashMap<>();
  private final Map<String, String> quotedColumns = new LinkedHashMap<>();
  private final Set<String> extensions;
  private final String repoName;
  private final Map<List<String>, Columns> layouts = new ConcurrentHashMap<>();
  /** {@code t0."a", t0."b", …} per layout of {@link #layouts} (by identity, so bounded by them). */
  private final Map<Columns, String> selectLists = new ConcurrentHashMap<>();
  final Columns allColumns;
  /** How errors name a read of this resource (made once: every read passes it). */
  final String readDescription;
  /**
   * The statement text of {@link DataLayer#get} on this table, once rendered (null before): it does not depend on
   * the id. Racing first calls may both render it; they render the same text.
   */
  volatile String getText;
  /** Resolves relationship destinations for expressions; null for models built without a data layer (tests). */
  final DataLayer layer;

  Model(Resource resource, TableTarget target, Set<String> extensions, String repoName, ConstraintErrorMapper errors) {
    this(resource, target, extensions, repoName, errors, null);
  }

  Model(Resource resource, TableTarget target, Set<String> extensions, String repoName, ConstraintErrorMapper errors,
        DataLayer layer) {
    this.layer = layer;
    this.resource = resource;
    this.target = target;
    this.qualifiedTable = target.qualified();
    this.attributes = resource.attributes();
    this.primaryKey = resource.primaryKey();
    this.extensions = extensions;
    this.repoName = repoName;
    this.errors = errors;
    for (Attribute a : attributes) {
      byName.put(a.name(), a);
      quotedColumns.put(a.name(), Identifier.quote(Identifier.validate(a.source(),
          "column of attribute " + a.name() + " of resource " + resource.name())));
    }
    this.baseFilter = resource.postgres().baseFilterSql()
        .map(sql -> RawSql.escapeLiteral(sql, "baseFilterSql of resource " + resource.name()))
        .orElse(null);
    this.allColumns = new Columns(attributes);
    this.readDescription = "read of " + resource.name();
    layouts.put(List.of(), allColumns);
  }

  String name() {
    return resource.name();
  }

  Attribute attribute(String name) {
    Attribute a = byName.get(name);
    if (a == null) {
      throw new InvalidQueryException("resource " + resource.name() + " has no attribute '" + name + "'", null);
    }
    return a;
  }

  /** The quoted column of an attribute, e.g. {@code "inserted_at"}. */
  String column(String attribute) {
    attribute(attribute);
    return quotedColumns.get(attribute);
  }

  /** {@code alias."column"}, or just the column without an alias. */
  String column(String alias, String attribute) {
    return alias == null ? column(attribute) : alias + "." + column(attribute);
  }

  /**
   * The attribute columns of {@code columns} under the alias {@code t0}: {@code t0."a", t0."b", …}. Rendered once per
   * layout of this model; other layouts (with aggregates or calculations: made per query) are rendered each time.
   */
  String selectList(Columns columns) {
    String cached = selectLists.get(columns);
    if (cached != null) {
      return cached;
    }
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < columns.attributeCount(); i++) {
      if (i > 0) {
        out.append(", ");
      }
      out.append(column(QueryRenderer.ALIAS, columns.name(i)));
    }
    String list = out.toString();
    if (layouts.containsValue(columns)) {
      selectLists.put(columns, list);
    }
    return list;
  }

  /** The cast to write after a parameter of this attribute, or null. */
  String castFor(Attribute a) {
    String storage = resource.postgres().storageTypes().get(a.name());
    if (storage != null) {
      return PgTypes.validate(storage);
    }
    return PgTypes.needsCast(a.type()) ? PgTypes.exact(a.type()) : null;
  }

  /**
   * The attributes read for {@code select}: all of them when it is empty, else the selected ones plus the primary
   * key, in declaration order (so the SQL text does not depend on the order the caller listed them in).
   */
  Columns columns(List<String> select) {
    if (select.isEmpty()) {
      return allColumns;
    }
    return layouts.computeIfAbsent(List.copyOf(select), s -> {
      List<Attribute> chosen = new ArrayList<>();
      for (Attribute a : attributes) {
        if (a.primaryKey() || s.contains(a.name())) {
          chosen.add(a);
        }
      }
      return new Columns(chosen);
    });
  }

  /**
   * The rendering context for expressions on this table under {@code alias} (null: unqualified columns), without
   * tenant, aggregates or calculations (see {@link QueryScope} for queries).
   */
  RenderContext context(String alias) {
    return new QueryScope(this, alias, java.util.Optional.empty(), 0, java.util.Map.of(), java.util.Map.of());
  }

  /** How errors name this resource. */
  String describe() {
    return "resource " + resource.name() + (repoName == null ? "" : " (repo " + repoName + ")");
  }

  boolean extensionInstalled(String extension) {
    return extensions.contains(extension);
  }
}
