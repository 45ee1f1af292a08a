package io.ashpg.adopt;

import io.ashpg.migration.introspect.CatalogReader;
import io.ashpg.migration.introspect.SchemaCatalog;
import io.ashpg.migration.introspect.TableCatalog;
import io.ashpg.sql.Identifier;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * Adopts an existing schema: reads it with {@link CatalogReader} and writes one resource class per table in the
 * project's DSL style, an Api listing them and a Repo installing the database's extensions. Identities come from
 * unique indexes, belongs_to relationships (with their {@code reference} options) from foreign keys, has_many
 * relationships from the other side, check constraints, custom (partial, expression) indexes and defaults from the
 * catalog; what the DSL cannot state is kept as a custom statement and listed in {@link Adoption#warnings()}.
 *
 * <pre>{@code
 * Adoption adoption = SchemaAdopter.of("com.acme.blog").adopt(connection);
 * adoption.write(Path.of("src/main/java"), false);
 * }</pre>
 *
 * <p>Immutable; the {@code with…} methods return modified copies.
 */
public final class SchemaAdopter {

  private final String javaPackage;
  private final String schema;
  private final String apiName;
  private final String repoName;

  private SchemaAdopter(String javaPackage, String schema, String apiName, String repoName) {
    this.javaPackage = javaPackage;
    this.schema = schema;
    this.apiName = apiName;
    this.repoName = repoName;
  }

  /**
   * An adopter writing into {@code javaPackage}, reading schema {@code public}; the Api is named after the package's
   * last part ({@code com.acme.blog} → {@code Blog}), the Repo after the Api ({@code BlogRepo}).
   *
   * @throws IllegalArgumentException when {@code javaPackage} is not a Java package name
   */
  public static SchemaAdopter of(String javaPackage) {
    if (!JavaNames.validPackage(javaPackage)) {
      throw new IllegalArgumentException("'" + javaPackage + "' is not a Java package name; give one such as"
          + " com.acme.blog");
    }
    String last = javaPackage.substring(javaPackage.lastIndexOf('.') + 1);
    String api = JavaNames.className(JavaNames.snake(last));
    return new SchemaAdopter(javaPackage, "public", api, api + "Repo");
  }

  /** Reads {@code schema} instead of {@code public}. */
  public SchemaAdopter withSchema(String schema) {
    return new SchemaAdopter(javaPackage, Identifier.validate(schema, "schema to adopt"), apiName, repoName);
  }

  /** Names the Api class {@code name}. */
  public SchemaAdopter withApiName(String name) {
    return new SchemaAdopter(javaPackage, schema, className(name, "Api"), repoName);
  }

  /** Names the Repo class {@code name} (its snake_case form is the repo name snapshots and migrations go under). */
  public SchemaAdopter withRepoName(String name) {
    return new SchemaAdopter(javaPackage, schema, apiName, className(name, "Repo"));
  }

  private static String className(String name, String what) {
    if (!JavaNames.validClassName(name)) {
      throw new IllegalArgumentException("'" + name + "' cannot be the " + what + " class name: give a Java class"
          + " name that is no keyword and not one of the DSL's types (Resource, Type, Api, Repo, …)");
    }
    return name;
  }

  /** Connects to the database at {@code url}, reads the schema and adopts it. */
  public Adoption adopt(String url, String user, String password) throws SQLException {
    PGSimpleDataSource source = new PGSimpleDataSource();
    source.setURL(Objects.requireNonNull(url, "url"));
    source.setUser(user);
    source.setPassword(password);
    try (Connection connection = source.getConnection()) {
      return adopt(connection);
    }
  }

  /** Reads the schema through {@code connection} and adopts it. */
  public Adoption adopt(Connection connection) throws SQLException {
    return adopt(CatalogReader.of(connection).read(schema));
  }

  /**
   * Adopts {@code catalog}.
   *
   * @throws IllegalArgumentException when the schema has no tables, or the Api and Repo names are the same
   */
  public Adoption adopt(SchemaCatalog catalog) {
    Objects.requireNonNull(catalog, "catalog");
    if (catalog.tables().isEmpty()) {
      throw new IllegalArgumentException("schema " + catalog.schema() + " has no tables: nothing to adopt (check"
          + " the schema name and the database the connection reaches)");
    }
    if (apiName.equals(repoName)) {
      throw new IllegalArgumentException("the Api and the Repo are both named " + apiName + "; give them different"
          + " names");
    }
    List<String> extensions = catalog.extensions().stream().filter(e -> !e.equals("plpgsql")).toList();
    boolean uuidOssp = extensions.contains("uuid-ossp");
    List<String> warnings = new ArrayList<>();
    Set<String> classNames = new HashSet<>(Set.of(apiName, repoName));
    Set<String> resourceNames = new HashSet<>();
    Map<String, TableMapper> tables = new LinkedHashMap<>();
    for (TableCatalog table : catalog.tables().values()) {
      String snake = JavaNames.snake(table.name());
      String resource = JavaNames.unique(JavaNames.singular(snake), resourceNames, "_");
      resourceNames.add(resource);
      String className = JavaNames.unique(JavaNames.className(resource), classNames, "");
      classNames.add(className.toLowerCase(Locale.ROOT));
      classNames.add(className);
      tables.put(table.name(), new TableMapper(table, catalog.schema(), resource, className, repoName, uuidOssp,
          warnings));
    }
    tables.values().forEach(t -> t.planBelongsTo(tables));
    List<SourceFile> files = new ArrayList<>();
    for (TableMapper t : tables.values()) {
      List<TableMapper.BelongsTo> incoming = tables.values().stream().flatMap(s -> s.belongsTo().stream())
          .filter(b -> b.destination() == t).toList();
      files.add(file(t.className(), t.source(javaPackage, incoming).render()));
    }
    files.add(file(apiName, api(tables.values().stream().map(TableMapper::className).toList(), catalog.schema())));
    files.add(file(repoName, repo(extensions)));
    return new Adoption(javaPackage + "." + apiName, javaPackage + "." + repoName, files, warnings);
  }

  private SourceFile file(String className, String content) {
    return new SourceFile(javaPackage + "." + className, javaPackage.replace('.', '/') + "/" + className + ".java",
        content);
  }

  private String api(List<String> classes, String schemaName) {
    StringBuilder list = new StringBuilder("    return List.of(");
    int width = list.length();
    for (int i = 0; i < classes.size(); i++) {
      String item = classes.get(i) + ".RESOURCE" + (i < classes.size() - 1 ? "," : ");");
      if (i > 0 && width + 1 + item.length() > 120) {
        list.append("\n        ");
        width = 8;
      } else if (i > 0) {
        list.append(' ');
        width++;
      }
      list.append(item);
      width += item.length();
    }
    return "package " + javaPackage + ";\n\n"
        + "import io.ashpg.resource.Api;\n"
        + "import io.ashpg.resource.Resource;\n"
        + "import java.util.List;\n\n"
        + "/** The resources adopted from schema " + schemaName + ". */\n"
        + "public final class " + apiName + " implements Api {\n\n"
        + "  @Override\n"
        + "  public List<Resource> resources() {\n"
        + list + "\n"
        + "  }\n"
        + "}\n";
  }

  private String repo(List<String> extensions) {
    String head = "package " + javaPackage + ";\n\n"
        + "import io.ashpg.repo.Repo;\n";
    if (extensions.isEmpty()) {
      return head + "\n/** The database the adopted resources live in. */\n"
          + "public final class " + repoName + " extends Repo {\n}\n";
    }
    return head + "import java.util.List;\n\n"
        + "/** The database the adopted resources live in, with the extensions it has installed. */\n"
        + "public final class " + repoName + " extends Repo {\n\n"
        + "  @Override\n"
        + "  public List<String> installedExtensions() {\n"
        + "    return List.of(" + JavaNames.literals(extensions) + ");\n"
        + "  }\n"
        + "}\n";
  }
}
