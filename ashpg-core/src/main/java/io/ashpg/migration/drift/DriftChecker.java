package io.ashpg.migration.drift;

import io.ashpg.migration.introspect.CatalogComparison;
import io.ashpg.migration.introspect.CatalogDifference;
import io.ashpg.migration.introspect.CatalogReader;
import io.ashpg.migration.introspect.DeclaredCatalog;
import io.ashpg.migration.introspect.SchemaCatalog;
import io.ashpg.migration.run.MigrationException;
import io.ashpg.migration.run.MigrationFile;
import io.ashpg.migration.run.MigrationSource;
import io.ashpg.migration.run.MigrationStatus;
import io.ashpg.migration.run.MigrationTarget;
import io.ashpg.migration.run.Migrator;
import io.ashpg.migration.run.MigratorOptions;
import io.ashpg.migration.run.TenantMigrator;
import io.ashpg.migration.run.TenantStatus;
import io.ashpg.migration.snapshot.ExtensionsSnapshot;
import io.ashpg.migration.snapshot.SnapshotStore;
import io.ashpg.migration.snapshot.StoredSnapshot;
import io.ashpg.migration.snapshot.TableSnapshot;
import java.lang.System.Logger.Level;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.regex.Pattern;
import javax.sql.DataSource;

/**
 * Compares a live database with what its snapshots say it must be at its applied migrations — the public schema,
 * and with tenants every tenant schema (or a random sample of them) — and reports every difference: a table, column,
 * index or constraint missing, not declared, or different field by field (see {@link CatalogComparison}).
 *
 * <p>"At its applied migrations": the generator writes a run's snapshots after its migrations, with a greater
 * version, so the snapshots older than a schema's first pending migration are those its applied migrations built.
 * A schema that is behind is therefore compared with that older state and reported as pending, not as drifted. The
 * snapshots of a table dropped or renamed by a pending migration are gone from the folder; such a table, still in
 * the database, is not reported when a pending migration names it.
 *
 * <p>Cost: the versions of every tenant are read as {@link TenantMigrator#fleetStatus()} reads them (a few round
 * trips for any fleet); the expected catalog is built once per distinct applied state (scratch tables in a
 * transaction that is rolled back, so the database user needs the right to create schemas), not once per tenant; the
 * tenants' catalogs are read {@value #SCHEMAS_PER_READ} schemas per {@link CatalogReader} round (five catalog queries).
 *
 * <pre>{@code
 * DriftReport report = DriftChecker.create(MigrationTarget.of(repo), Path.of("resource_snapshots")).check();
 * if (report.drifted()) { report.lines(20).forEach(System.err::println); }
 * }</pre>
 */
public final class DriftChecker {

  private static final System.Logger LOG = System.getLogger("io.ashpg.migration");

  /** Tenant schemas whose catalogs are read in one {@link CatalogReader} round. */
  static final int SCHEMAS_PER_READ = 250;

  /** Where the expected tenant catalog is built before it is placed in each tenant schema. */
  private static final String TENANT_PLACEHOLDER = "ashpg_drift_tenant";

  private final DataSource dataSource;
  private final DriftOptions options;

  private DriftChecker(DataSource dataSource, DriftOptions options) {
    this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
    this.options = Objects.requireNonNull(options, "options");
  }

  /** A check of the database behind {@code dataSource}. */
  public static DriftChecker create(DataSource dataSource, DriftOptions options) {
    return new DriftChecker(dataSource, options);
  }

  /**
   * A check of the database, migrations and tenants {@code target} describes (as {@code Migrations} migrates
   * them), against the snapshots under {@code snapshots}. Tenant schemas are checked when the target lists tenants
   * and has tenant migrations.
   */
  public static DriftChecker create(MigrationTarget target, Path snapshots) {
    DriftOptions o = DriftOptions.of(target.repoName(), snapshots, List.of(target.migrationsLocation()));
    if (target.tenantLister() != null
        && !MigrationSource.of(List.of(target.tenantMigrationsLocation())).load().isEmpty()) {
      o = o.withTenants(List.of(target.tenantMigrationsLocation()), target.tenantLister());
    }
    return new DriftChecker(target.connections(), o);
  }

  /** This check with other options (keeping the database). */
  public DriftChecker withOptions(DriftOptions options) {
    return new DriftChecker(dataSource, options);
  }

  /** The options. */
  public DriftOptions options() {
    return options;
  }

  /**
   * Runs the check. Reads only; changes nothing.
   *
   * @throws MigrationException when the migrations or the database cannot be read
   * @throws IllegalArgumentException naming the table and object when a snapshot declares SQL PostgreSQL rejects
   */
  public DriftReport check() {
    long start = System.nanoTime();
    SnapshotStore store = new SnapshotStore(options.snapshots());
    Path repoDir = options.snapshots().resolve(options.repoName());
    if (!Files.isDirectory(repoDir)) {
      throw new MigrationException("no snapshots of repo " + options.repoName() + " in " + repoDir
          + ": the drift check compares the database with them; give the snapshot folder the generator writes"
          + " (src/main/ashpg/resource_snapshots by default)");
    }
    MigrationStatus publicStatus = Migrator.create(dataSource, migratorOptions(options.locations(), false)).status();
    TenantStatus fleet = options.tenantLocations().isEmpty() ? null
        : TenantMigrator.create(dataSource, migratorOptions(options.tenantLocations(), true), options.tenants())
            .fleetStatus();
    List<SchemaDrift> schemas = new ArrayList<>();
    int checked = 1;
    List<MigrationStatus> chosen = fleet == null ? List.of() : sample(fleet.tenants());
    try (Connection c = dataSource.getConnection()) {
      schemas.addAll(compare(c, store, publicStatus, chosen));
      checked += chosen.size();
    } catch (SQLException e) {
      throw new MigrationException("drift check of repo " + options.repoName() + " failed: " + e.getMessage(), e);
    }
    DriftReport report = new DriftReport(options.repoName(),
        schemas.stream().filter(s -> s.status() != SchemaDrift.Status.IN_SYNC).toList(), checked,
        fleet == null ? 0 : fleet.tenants().size(), chosen.size(), fleet == null ? List.of() : fleet.invalidNames(),
        options.ignore().globs(), schemas.stream().mapToInt(SchemaDrift::ignored).sum(),
        Duration.ofNanos(System.nanoTime() - start));
    LOG.log(Level.DEBUG, () -> "drift check: " + report.summary());
    return report;
  }

  private MigratorOptions migratorOptions(List<String> locations, boolean tenants) {
    MigratorOptions.Builder b = MigratorOptions.builder().repoName(options.repoName()).locations(locations)
        .quiet(true);
    if (tenants) {
      b.onlyTenants(options.onlyTenants()).exceptTenants(options.exceptTenants())
          .parallelism(options.parallelism()).poolSize(options.parallelism());
    } else if (!options.defaultSchema().equals("public")) {
      b.prefix(options.defaultSchema());
    }
    return b.build();
  }

  /** The tenants to compare: all, or {@code sample} of them picked at random, in the lister's order. */
  private List<MigrationStatus> sample(List<MigrationStatus> tenants) {
    int size = options.sample();
    if (size == 0 || size >= tenants.size()) {
      return tenants;
    }
    List<Integer> picks = new ArrayList<>();
    for (int i = 0; i < tenants.size(); i++) {
      picks.add(i);
    }
    Collections.shuffle(picks, new Random(options.seed()));
    return picks.subList(0, size).stream().sorted().map(tenants::get).toList();
  }

  /**
   * The public schema (and the other schemas global tables live in) and every tenant of {@code tenants}, by
   * schema. Tenants are grouped by the state their applied migrations built; the expected catalog of each group is
   * built once and placed in each tenant, the first group's in the same scratch round as the public one (building
   * is the costly part: scratch tables created and read back). Actual catalogs are read
   * {@value #SCHEMAS_PER_READ} tenant schemas at a time.
   */
  private List<SchemaDrift> compare(Connection c, SnapshotStore store, MigrationStatus publicStatus,
      List<MigrationStatus> tenants) throws SQLException {
    Map<String, List<MigrationStatus>> byBound = new LinkedHashMap<>();
    for (MigrationStatus s : tenants) {
      byBound.computeIfAbsent(String.valueOf(bound(s)), b -> new ArrayList<>()).add(s);
    }
    String publicBound = bound(publicStatus);
    // extensions.json has no history: it is what the latest migrations install, so it counts only at head
    List<String> extensions = publicBound != null ? List.of()
        : store.extensions(options.repoName()).map(ExtensionsSnapshot::installed).orElse(List.of());
    List<TableSnapshot> declared = new ArrayList<>(snapshots(store, false, publicBound));
    List<List<MigrationStatus>> groups = List.copyOf(byBound.values());
    if (!groups.isEmpty()) {
      declared.addAll(snapshots(store, true, bound(groups.get(0).get(0))));
    }
    List<SchemaCatalog> built = placement().build(c, declared, extensions);
    List<SchemaCatalog> publicExpected = built.stream().filter(s -> !s.schema().equals(TENANT_PLACEHOLDER))
        .toList();
    List<SchemaCatalog> publicActual = CatalogReader.of(c)
        .read(publicExpected.stream().map(SchemaCatalog::schema).toList());
    List<SchemaDrift> out = new ArrayList<>();
    out.add(result(publicStatus, false, publicBound,
        CatalogComparison.strict().compare(publicExpected, publicActual)));
    Map<String, SchemaDrift> byTenant = new LinkedHashMap<>();
    for (int g = 0; g < groups.size(); g++) {
      List<MigrationStatus> group = groups.get(g);
      String bound = bound(group.get(0));
      List<SchemaCatalog> tenantBuilt = g == 0 ? built
          : placement().build(c, snapshots(store, true, bound), List.of());
      compareTenants(c, tenantCatalog(tenantBuilt), group, bound, byTenant);
    }
    tenants.forEach(s -> out.add(byTenant.get(s.schema())));
    return out;
  }

  /** Where the declared tables are placed: tenant tables in the placeholder, the others as configured. */
  private DeclaredCatalog placement() {
    return DeclaredCatalog.inPublic().withDefaultSchema(options.defaultSchema()).withTenantSchema(TENANT_PLACEHOLDER);
  }

  /** The tenant tables of a build, without extensions (database-wide: the public schema's check covers them). */
  private static SchemaCatalog tenantCatalog(List<SchemaCatalog> built) {
    return built.stream().filter(s -> s.schema().equals(TENANT_PLACEHOLDER)).findFirst()
        .map(s -> new SchemaCatalog(TENANT_PLACEHOLDER, s.tables(), List.of()))
        .orElse(new SchemaCatalog(TENANT_PLACEHOLDER, Map.of(), List.of()));
  }

  private void compareTenants(Connection c, SchemaCatalog expected, List<MigrationStatus> group, String bound,
      Map<String, SchemaDrift> out) throws SQLException {
    CatalogReader reader = CatalogReader.of(c);
    CatalogComparison comparison = CatalogComparison.strict();
    for (int from = 0; from < group.size(); from += SCHEMAS_PER_READ) {
      List<MigrationStatus> slice = group.subList(from, Math.min(from + SCHEMAS_PER_READ, group.size()));
      List<SchemaCatalog> actual = reader.read(slice.stream().map(MigrationStatus::schema).toList());
      for (int i = 0; i < slice.size(); i++) {
        MigrationStatus s = slice.get(i);
        out.put(s.schema(), result(s, true, bound, comparison.compare(expected.inSchema(s.schema()), actual.get(i))));
      }
    }
  }

  /** The version of the first pending migration, as a snapshot version; null when nothing is pending. */
  private static String bound(MigrationStatus status) {
    return status.pending().isEmpty() ? null : String.format("%014d", status.pending().get(0).version());
  }

  private List<TableSnapshot> snapshots(SnapshotStore store, boolean tenant, String bound) {
    return store.before(options.repoName(), tenant, bound).stream().map(StoredSnapshot::snapshot).toList();
  }

  private SchemaDrift result(MigrationStatus status, boolean tenant, String bound,
      List<CatalogDifference> differences) {
    List<CatalogDifference> kept = new ArrayList<>();
    int ignored = 0;
    for (CatalogDifference d : differences) {
      if (options.ignore().ignores(d) || unmanaged(d)) {
        ignored++;
      } else if (!goneInPending(d, status)) {
        kept.add(d);
      }
    }
    Long applied = status.applied().isEmpty() ? null : status.applied().get(status.applied().size() - 1).version();
    return new SchemaDrift(status.schema(), tenant, applied,
        status.pending().stream().map(MigrationFile::version).toList(),
        bound == null ? "latest" : "before " + bound, kept, ignored);
  }

  /** An unmanaged table ({@code migrate(false)}): it exists, and has no snapshot. */
  private boolean unmanaged(CatalogDifference d) {
    return d.kind() == CatalogDifference.Kind.UNEXPECTED && d.object().equals("table")
        && (options.unmanaged().contains(d.table()) || options.unmanaged().contains(d.schema() + "." + d.table()));
  }

  /**
   * A table the database has and no snapshot declares, while a pending migration names it: dropped or renamed by
   * that migration (whose snapshots are gone), so not drift.
   */
  private static boolean goneInPending(CatalogDifference d, MigrationStatus status) {
    if (d.kind() != CatalogDifference.Kind.UNEXPECTED || !d.object().equals("table") || status.pending().isEmpty()) {
      return false;
    }
    Pattern name = Pattern.compile("(?<![\\w$])" + Pattern.quote(d.table()) + "(?![\\w$])");
    return status.pending().stream().flatMap(f -> f.upStatements().stream())
        .anyMatch(statement -> name.matcher(statement).find());
  }
}
