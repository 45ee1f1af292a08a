package io.ashpg.migration.generate;

import io.ashpg.migration.snapshot.TableKey;
import io.ashpg.migration.snapshot.TableSnapshot;
import java.util.List;
import java.util.Objects;

/**
 * The current state of one repo, as built from its resources (see {@link SnapshotBuilder}).
 *
 * @param repo             the repo's snake_case name ({@code blog_repo})
 * @param tables           every table, global and context-multitenant alike
 * @param extensions       requested PostgreSQL extensions, or null when the repo does not manage extensions
 * @param unmanagedTables  tables of resources with {@code migrate(false)}: they exist but are not generated, so a
 *                         stored snapshot of theirs is never proposed for drop or rename (global and tenant sets)
 * @param warnings         what could not be expressed (e.g. a default computed in Java), for the caller to show
 * @param createSchemas    whether the migrations create the schemas of tables with a {@code schema} option
 *                         ({@code Repo.createSchemasInMigrations()}); off, those schemas must exist already
 * @param conversions      the resources' stated conversions of column type changes ({@code convertType})
 */
public record RepoSnapshots(String repo, List<TableSnapshot> tables, List<String> extensions,
    List<TableKey> unmanagedTables, List<String> warnings, boolean createSchemas, List<ColumnConversion> conversions) {

  public RepoSnapshots {
    Objects.requireNonNull(repo, "repo");
    tables = List.copyOf(tables);
    extensions = extensions == null ? null : List.copyOf(extensions);
    unmanagedTables = unmanagedTables == null ? List.of() : List.copyOf(unmanagedTables);
    warnings = warnings == null ? List.of() : List.copyOf(warnings);
    conversions = conversions == null ? List.of() : List.copyOf(conversions);
  }

  /** Without stated type conversions. */
  public RepoSnapshots(String repo, List<TableSnapshot> tables, List<String> extensions,
      List<TableKey> unmanagedTables, List<String> warnings, boolean createSchemas) {
    this(repo, tables, extensions, unmanagedTables, warnings, createSchemas, List.of());
  }

  /** The same repo with {@code c} as its stated type conversions. */
  public RepoSnapshots withConversions(List<ColumnConversion> c) {
    return new RepoSnapshots(repo, tables, extensions, unmanagedTables, warnings, createSchemas, c);
  }

  /** Tables and extensions only: nothing unmanaged, no warnings, schemas created. */
  public RepoSnapshots(String repo, List<TableSnapshot> tables, List<String> extensions) {
    this(repo, tables, extensions, List.of(), List.of(), true);
  }
}
