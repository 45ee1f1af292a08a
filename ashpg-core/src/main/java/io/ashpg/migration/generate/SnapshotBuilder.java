package io.ashpg.migration.generate;

import io.ashpg.migration.ddl.AshpgFunction;
import io.ashpg.migration.snapshot.TableKey;
import io.ashpg.migration.snapshot.TableSnapshot;
import io.ashpg.repo.Repo;
import io.ashpg.resource.Domain;
import io.ashpg.resource.Multitenancy;
import io.ashpg.resource.Resource;
import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Resources → snapshots: the first step of the generator pipeline. For every repo of a {@link Domain} it builds one
 * {@link TableSnapshot} per table — a resource's table, each context table of a polymorphic resource, tenant
 * tables for context multitenancy — merges the resources that share a table, and adds the unique indexes composite
 * tenant foreign keys need, and on a Citus repo each table's distribution ({@link CitusDistributions}). Resources
 * with {@code migrate(false)} produce no table but are listed as unmanaged.
 *
 * <p>A context-multitenant resource with {@code global(true)} yields one tenant snapshot (multitenancy global);
 * {@link MigrationGenerator} also puts it into the public set.
 *
 * <pre>{@code
 * List<RepoSnapshots> repos = new SnapshotBuilder(PrimaryKeyChooser.fromHints(hints)).build(domain);
 * }</pre>
 */
public final class SnapshotBuilder {

  private static final System.Logger LOG = System.getLogger(SnapshotBuilder.class.getName());

  private final PrimaryKeyChooser chooser;

  /** A builder for which differing primary keys on a shared table are an error. */
  public SnapshotBuilder() {
    this(PrimaryKeyChooser.none());
  }

  /** A builder that asks {@code chooser} when resources sharing a table declare different primary keys. */
  public SnapshotBuilder(PrimaryKeyChooser chooser) {
    this.chooser = Objects.requireNonNull(chooser, "chooser");
  }

  /**
   * The snapshots of every repo of {@code domain}, in the domain's repo order.
   *
   * @throws io.ashpg.resource.DefinitionException     resources conflict on a shared table, a generated name is
   *                                                   longer than 63 bytes, or Citus would refuse a table of a
   *                                                   Citus repo
   * @throws AmbiguousPrimaryKeyException              resources on one table have different primary keys and the
   *                                                   chooser did not decide
   */
  public List<RepoSnapshots> build(Domain domain) {
    List<RepoSnapshots> out = new ArrayList<>();
    for (Repo repo : domain.repos()) {
      out.add(build(domain, repo));
    }
    return out;
  }

  private RepoSnapshots build(Domain domain, Repo repo) {
    List<String> warnings = new ArrayList<>();
    List<TenantKeyIndexes.Need> needs = new ArrayList<>();
    ResourceTableBuilder tables = new ResourceTableBuilder(domain, warnings, needs);
    Map<TableSlot, List<TableMerger.Part>> parts = new LinkedHashMap<>();
    Map<TableSlot, List<Resource>> owners = new LinkedHashMap<>();
    Set<TableKey> unmanaged = new LinkedHashSet<>();
    List<ColumnConversion> conversions = new ArrayList<>();
    for (Resource resource : domain.resources(repo)) {
      boolean tenant = resource.multitenancy().map(m -> m.strategy() == Multitenancy.Strategy.CONTEXT)
          .orElse(false);
      for (String table : domain.tables(resource)) {
        TableKey key = new TableKey(tenant ? null : resource.postgres().schema().orElse(null), table);
        if (!resource.postgres().migrate()) {
          unmanaged.add(key);
          continue;
        }
        TableSnapshot snapshot = tables.build(resource, table);
        conversions.addAll(ColumnConversion.of(resource, key));
        if (snapshot.attributes().isEmpty()) {
          LOG.log(Level.INFO, "resource " + resource.name() + " has no columns; no table " + key + " generated");
          continue;
        }
        parts.computeIfAbsent(new TableSlot(tenant, key), k -> new ArrayList<>())
            .add(new TableMerger.Part(resource.name(), snapshot));
        owners.computeIfAbsent(new TableSlot(tenant, key), k -> new ArrayList<>()).add(resource);
      }
    }
    Map<TableSlot, TableSnapshot> merged = new LinkedHashMap<>();
    parts.forEach((slot, list) -> merged.put(slot, TableMerger.merge(slot, list, chooser)));
    TenantKeyIndexes.ensure(merged, needs);
    if (repo.citus()) {
      CitusDistributions.apply(repo, merged, owners);
    }
    if (!repo.migrateExtensions()) {
      warnUninstalledFunctions(repo, merged.values(), warnings);
    }
    return new RepoSnapshots(repo.name(), List.copyOf(merged.values()),
        repo.migrateExtensions() ? repo.installedExtensions() : null, List.copyOf(unmanaged), warnings,
        repo.createSchemasInMigrations(), conversions);
  }

  /** ashpg installs its functions through the extensions migration, which a repo may switch off. */
  private static void warnUninstalledFunctions(Repo repo, java.util.Collection<TableSnapshot> tables,
      List<String> warnings) {
    for (AshpgFunction f : AshpgFunction.values()) {
      tables.stream().filter(t -> t.attributes().stream().anyMatch(a -> f.usedBy(a.defaultValue()))).findFirst()
          .ifPresent(t -> warnings.add("table " + t.key() + " has a default calling " + f.sqlName() + "(), which"
              + " ashpg installs through the extensions migration, but " + repo.getClass().getSimpleName()
              + ".migrateExtensions() is false: create the function yourself"
              + (f == AshpgFunction.UUID_GENERATE_V7 ? ", or set minPgVersion() to 18 for the built-in uuidv7()"
                  : "")));
    }
  }
}
