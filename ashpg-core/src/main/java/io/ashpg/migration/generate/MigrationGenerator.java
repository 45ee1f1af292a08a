package io.ashpg.migration.generate;

import io.ashpg.migration.ddl.AshpgFunction;
import io.ashpg.migration.ddl.MigrationFile;
import io.ashpg.migration.ddl.MigrationWriter;
import io.ashpg.migration.ddl.RenderContext;
import io.ashpg.migration.safety.StepWarnings;
import io.ashpg.migration.diff.Differ;
import io.ashpg.migration.diff.HintRenameDecider;
import io.ashpg.migration.diff.Operation;
import io.ashpg.migration.diff.Operation.AddCustomStatement;
import io.ashpg.migration.diff.Operation.AddUniqueIndex;
import io.ashpg.migration.diff.Operation.CreateTable;
import io.ashpg.migration.diff.Operation.Distribute;
import io.ashpg.migration.diff.Operation.MoveTableSchema;
import io.ashpg.migration.diff.Operation.RemoveAttribute;
import io.ashpg.migration.diff.Operation.RemoveCustomStatement;
import io.ashpg.migration.diff.Operation.RemoveFunction;
import io.ashpg.migration.diff.Operation.RenameTable;
import io.ashpg.migration.diff.OperationGraph;
import io.ashpg.migration.diff.RenameDecider;
import io.ashpg.migration.diff.TenantKeyDependents;
import io.ashpg.migration.run.LockFile;
import io.ashpg.migration.snapshot.ExtensionsSnapshot;
import io.ashpg.migration.snapshot.MultitenancySnapshot;
import io.ashpg.migration.snapshot.SnapshotJson;
import io.ashpg.migration.snapshot.SnapshotStore;
import io.ashpg.migration.snapshot.StoredSnapshot;
import io.ashpg.migration.snapshot.TableKey;
import io.ashpg.migration.snapshot.TableSnapshot;
import io.ashpg.migration.snapshot.VersionClock;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.System.Logger.Level;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The generator pipeline after "resources → snapshots": per repo, load the latest stored snapshots, diff them
 * against the current ones, order the operations, render migrations, and write migration files plus new
 * snapshots. Everything is computed first; files are written only when the whole run succeeded, so an error
 * (an ambiguous rename, a malformed snapshot, a dependency cycle, a global key that tenant foreign keys still use —
 * {@link GlobalKeyInUseException}) leaves the disk untouched.
 *
 * <p>With {@link GeneratorOptions#dev() dev} the files are dev files, diffed against the newest snapshots dev or
 * not. Without it, dev files left by earlier dev runs are squashed: the diff ignores dev snapshots (so the new
 * migration holds the whole change since the last committed state), and before anything is written the applied
 * dev migrations are rolled back through the generator's {@link DevRollback} and every dev file is deleted (see
 * {@link DevMigrations}). Dry runs and checks never roll back or delete anything.
 *
 * <p>A generation that writes locks the file {@value #LOCK_FILE} under the snapshot root from reading the stored
 * snapshots to writing the new ones, so a second generator on the same project, in this or another process, waits
 * for the first (saying so after a second) and then diffs against what the first wrote.
 */
public final class MigrationGenerator {

  private static final System.Logger LOG = System.getLogger(MigrationGenerator.class.getName());
  /**
   * The lock file a generation that writes holds under the snapshot root, from reading the stored snapshots to
   * writing the new ones: two generators at once (an IDE and a shell) would otherwise both write the same change as
   * two migrations. It stays there, empty; whether it is committed makes no difference.
   */
  public static final String LOCK_FILE = ".generate.lock";
  /** How long a generator waits for another one before saying that it waits. */
  private static final Duration LOCK_PATIENCE = Duration.ofSeconds(1);

  private final VersionClock clock;
  private final DevRollback devRollback;

  /**
   * A generator taking versions from {@code clock} (use {@link VersionClock#system()} outside tests). It refuses to
   * squash dev migrations until given a {@link #withDevRollback DevRollback}.
   */
  public MigrationGenerator(VersionClock clock) {
    this(clock, DevRollback.refuse());
  }

  private MigrationGenerator(VersionClock clock, DevRollback devRollback) {
    this.clock = clock;
    this.devRollback = devRollback;
  }

  /** This generator rolling back applied dev migrations with {@code rollback} before a normal run squashes them. */
  public MigrationGenerator withDevRollback(DevRollback rollback) {
    return new MigrationGenerator(clock, Objects.requireNonNull(rollback, "rollback"));
  }

  /**
   * Generates with renames decided by {@code options.renames()} hints; questions they do not answer are errors
   * ({@link RenameDecider#strict()}).
   */
  public GenerationResult generate(List<RepoSnapshots> repos, GeneratorOptions options) {
    return generate(repos, options, RenameDecider.strict());
  }

  /**
   * Generates migrations straight from resources: builds the snapshots of {@code domain} with
   * {@link SnapshotBuilder} and diffs them against the stored ones. Errors in the resources (conflicts on a shared
   * table, an undecided primary key) are thrown before anything is written.
   *
   * @param decider    answers the rename questions the options' {@link GeneratorOptions#renames() hints} leave
   *                   open (e.g. an interactive prompt, {@link RenameDecider#strict()} or
   *                   {@link io.ashpg.migration.diff.NeverRename}); see
   *                   {@link #generate(List, GeneratorOptions, RenameDecider)}
   * @param primaryKey decides the primary key of a table whose resources declare different ones
   */
  public GenerationResult generate(io.ashpg.resource.Domain domain, GeneratorOptions options, RenameDecider decider,
      PrimaryKeyChooser primaryKey) {
    List<RepoSnapshots> repos = new SnapshotBuilder(primaryKey).build(domain);
    List<String> warnings = new ArrayList<>(repos.stream().flatMap(r -> r.warnings().stream()).toList());
    warnings.addAll(misplacedFolders(domain, options));
    warnings.forEach(w -> log(options, Level.WARNING, w));
    GeneratorOptions withRepoSettings = options.withSafeRepos(domain.repos().stream()
        .filter(io.ashpg.repo.Repo::safeMigrations).map(io.ashpg.repo.Repo::name).toList());
    return generate(repos, withRepoSettings, decider).withWarnings(warnings);
  }

  /**
   * Generates migrations for {@code repos}; unless it is a dry run or a check, with the snapshot root locked against
   * other generators.
   *
   * <p>Rename questions go to the options' {@link GeneratorOptions#renames() rename hints} first; {@code decider} is
   * asked only what no hint answers, and never about a column or table a hint already claimed (the hints wrap it as
   * a {@link HintRenameDecider} with {@code decider} as fallback). So a hint always wins over the decider, and a
   * decider such as {@link io.ashpg.migration.diff.NeverRename} cannot turn a hinted rename into a drop. A malformed
   * hint is an {@link IllegalArgumentException} before anything is read or written.
   *
   * @param decider answers what the hints leave open (e.g. an interactive prompt)
   */
  @SuppressWarnings("try") // the lock is only held, never used
  public GenerationResult generate(List<RepoSnapshots> repos, GeneratorOptions options, RenameDecider decider) {
    Objects.requireNonNull(decider, "decider");
    RenameDecider renames = options.renames().isEmpty() ? decider : new HintRenameDecider(options.renames(), decider);
    if (options.name() != null && options.name().endsWith(DevMigrations.SUFFIX)) {
      // the next normal run would take such a file for a dev migration, roll it back and delete it
      throw new IllegalArgumentException("migration name '" + options.name() + "' ends in '" + DevMigrations.SUFFIX
          + "', which marks dev migrations; choose another name");
    }
    if (options.dryRun() || options.checkMigrated()) {
      return diffAndWrite(repos, options, renames);
    }
    Path root = options.snapshotPath();
    try (LockFile lock = LockFile.acquire(root.resolve(LOCK_FILE), LOCK_PATIENCE, () -> LOG.log(Level.INFO,
        "waiting for another migration generator to finish with " + root + " (it holds " + LOCK_FILE
            + "; an interactive one may be waiting for an answer)"))) {
      return diffAndWrite(repos, options, renames);
    }
  }

  /** The generation itself: with the snapshot root locked, or unlocked for dry runs and checks (they write nothing). */
  private GenerationResult diffAndWrite(List<RepoSnapshots> repos, GeneratorOptions options,
      RenameDecider renames) {
    SnapshotStore store = new SnapshotStore(options.snapshotPath());
    Differ differ = new Differ(options.dropColumns());
    List<GeneratedFile> files = new ArrayList<>();
    List<Path> deleted = new ArrayList<>();
    List<PendingChange> pending = new ArrayList<>();
    boolean destructive = false;
    boolean commented = false;
    List<String> madeLocal = new ArrayList<>();
    boolean dev = options.dev();
    List<DevMigrations> squash = new ArrayList<>();
    // zero-downtime warnings: steps that block a table holding data, or break code still running (issue 17)
    List<String> stepWarnings = new ArrayList<>();

    for (RepoSnapshots repo : repos) {
      observeExistingVersions(store, options, repo.repo());
      DevMigrations devFiles = DevMigrations.find(options, repo.repo());
      if (!dev && !devFiles.isEmpty()) {
        squash.add(devFiles);
        if (options.checkMigrated()) {
          pending.add(new PendingChange(repo.repo(), false, "dev migrations", List.of(devFiles.files().size()
              + " dev file(s) not squashed yet; generate without dev (-Dashpg.dev) to roll them back and squash"
              + " them")));
        }
      }
      Map<TableKey, TableSnapshot> currentGlobal = new TreeMap<>();
      Map<TableKey, TableSnapshot> currentTenant = new TreeMap<>();
      for (TableSnapshot t : repo.tables()) {
        if (t.repo() != null && !t.repo().equals(repo.repo())) {
          throw new IllegalArgumentException("table " + t.key() + " belongs to repo " + t.repo()
              + " but was passed with repo " + repo.repo() + "; pass each table with its own repo");
        }
        TableSnapshot own = t.repo() == null ? withRepo(t, repo.repo()) : t;
        put(own.isTenant() ? currentTenant : currentGlobal, own);
        if (own.isTenant() && Boolean.TRUE.equals(own.multitenancy().global())) {
          // a context-multitenant resource usable without a tenant also lives in the public schema
          put(currentGlobal, globalCopy(own));
        }
      }
      Map<TableKey, StoredSnapshot> storedGlobal = byKey(store.latestOfAll(repo.repo(), false, dev));
      Map<TableKey, StoredSnapshot> storedTenant = byKey(store.latestOfAll(repo.repo(), true, dev));
      // every stored tenant table still exists, the unmanaged ones too, with the foreign keys its snapshot lists
      List<TableSnapshot> tenantTablesNow = List.copyOf(snapshots(storedTenant).values());
      // tables of migrate(false) resources still exist: never propose them for drop or rename
      storedGlobal.keySet().removeIf(k -> repo.unmanagedTables().contains(k) && !currentGlobal.containsKey(k));
      storedTenant.keySet().removeIf(k -> repo.unmanagedTables().contains(k) && !currentTenant.containsKey(k));

      List<Operation> globalOps = new ArrayList<>();
      ExtensionsSnapshot requested = repo.extensions() == null ? null : new ExtensionsSnapshot(repo.extensions(),
          neededFunctions(repo.extensions(), currentGlobal, currentTenant));
      ExtensionsSnapshot storedExtensions = store.extensions(repo.repo(), dev).orElse(null);
      // extensions get a migration of their own, ahead of the resources' one, as AshPostgres does: installing one
      // often needs a superuser, so operators may want to run or review it separately. A function no longer needed
      // is noted (commented out) after the resources' changes instead.
      List<Operation> extensionOps = new ArrayList<>(requested == null ? List.of()
          : differ.diffExtensions(storedExtensions, requested));
      List<Operation> functionRemovals = extensionOps.stream().filter(RemoveFunction.class::isInstance).toList();
      extensionOps.removeAll(functionRemovals);
      globalOps.addAll(differ.diff(snapshots(storedGlobal), currentGlobal, renames));
      List<Operation> tenantOps = new ArrayList<>();
      for (Operation op : differ.diff(snapshots(storedTenant), currentTenant, renames)) {
        // global custom statements of tenant tables run once, in the public migrations
        boolean global = (op instanceof AddCustomStatement a && a.statement().global())
            || (op instanceof RemoveCustomStatement r && r.statement().global());
        (global ? globalOps : tenantOps).add(op);
      }
      // type changes get their stated conversions; one PostgreSQL could not convert is refused before writing anything
      List<TableSnapshot> declared = Stream.concat(currentGlobal.values().stream(), currentTenant.values().stream())
          .toList();
      globalOps = new ArrayList<>(TypeChanges.apply(globalOps, repo.conversions(), declared));
      tenantOps = new ArrayList<>(TypeChanges.apply(tenantOps, repo.conversions(), declared));
      TypeChanges.refuseRetypedTenantKeys(globalOps, tenantTablesNow);
      // tenant foreign keys on a key the public migration drops would make it fail: refuse before writing anything
      List<TenantKeyDependents.Dependent> inTheWay = TenantKeyDependents.find(tenantTablesNow, globalOps);
      if (!inTheWay.isEmpty()) {
        throw new GlobalKeyInUseException(repo.repo(), inTheWay);
      }
      boolean safe = options.safeFor(repo.repo());
      if (options.concurrentIndexes() || safe) {
        globalOps = concurrentIdentityIndexes(globalOps);
        tenantOps = concurrentIdentityIndexes(tenantOps);
      }
      List<Operation> globalOrdered = new ArrayList<>(OperationGraph.order(globalOps));
      globalOrdered.addAll(functionRemovals);
      List<Operation> tenantOrdered = OperationGraph.order(tenantOps);

      // pending changes per table
      pending.addAll(pendingOf(repo.repo(), false, globalOrdered));
      pending.addAll(pendingOf(repo.repo(), true, tenantOrdered));
      destructive |= globalOrdered.stream().anyMatch(Operation::destructive)
          || tenantOrdered.stream().anyMatch(Operation::destructive);
      commented |= Stream.concat(globalOrdered.stream(), tenantOrdered.stream())
          .anyMatch(op -> op instanceof RemoveAttribute r && r.commented());
      globalOrdered.stream().filter(op -> op instanceof Distribute d && d.to() == null)
          .forEach(op -> madeLocal.add(op.table().key().toString()));

      pending.addAll(pendingOf(repo.repo(), false, extensionOps));

      // migration files
      if (!extensionOps.isEmpty() || !globalOrdered.isEmpty()) {
        Path dir = options.migrationDir(repo.repo());
        String name = options.name() != null ? options.name() : MigrationWriter.defaultName(dir);
        MigrationWriter writer = new MigrationWriter(RenderContext.GLOBAL.withCreateSchemas(repo.createSchemas()),
            safe);
        List<MigrationFile> written = new ArrayList<>();
        if (!extensionOps.isEmpty()) {
          written.addAll(writer.write(extensionOps, name + "_extensions", clock));
        }
        if (!globalOrdered.isEmpty()) {
          written.addAll(writer.write(globalOrdered, name, clock));
        }
        for (MigrationFile f : written) {
          files.add(new GeneratedFile(dir.resolve(fileName(f, dev)), f.text(), GeneratedFile.Kind.MIGRATION));
        }
        stepWarnings.addAll(StepWarnings.of(written, f -> fileName(f, dev)));
      }
      if (!tenantOrdered.isEmpty()) {
        Path dir = options.tenantMigrationDir(repo.repo());
        String name = options.name() != null ? options.name() : MigrationWriter.defaultName(dir);
        List<MigrationFile> written =
            new MigrationWriter(RenderContext.TENANT, safe).write(tenantOrdered, name, clock);
        for (MigrationFile f : written) {
          files.add(new GeneratedFile(dir.resolve(fileName(f, dev)), f.text(), GeneratedFile.Kind.TENANT_MIGRATION));
        }
        stepWarnings.addAll(StepWarnings.of(written, f -> "tenant " + fileName(f, dev)));
      }

      // snapshots: new versions of changed tables; folders of tables that went away
      String snapshotVersion = null;
      List<TableSnapshot> changed = new ArrayList<>();
      Set<String> snapshotOnly = new HashSet<>();
      collectChanged(currentGlobal, storedGlobal, changed);
      collectChanged(currentTenant, storedTenant, changed);
      for (TableSnapshot t : changed) {
        if (snapshotVersion == null) {
          snapshotVersion = clock.next();
        }
        files.add(new GeneratedFile(dev ? store.devPathFor(t, snapshotVersion) : store.pathFor(t, snapshotVersion),
            SnapshotJson.write(t), GeneratedFile.Kind.SNAPSHOT));
        String table = t.key().toString();
        boolean hasOps = pending.stream().anyMatch(p -> p.repo().equals(repo.repo())
            && p.tenant() == t.isTenant() && p.table().equals(table));
        if (!hasOps && snapshotOnly.add((t.isTenant() ? "tenant:" : "") + table)) {
          pending.add(new PendingChange(repo.repo(), t.isTenant(), table,
              List.of("snapshot out of date (no DDL change)")));
        }
      }
      List<Path> gone = new ArrayList<>(goneAway(storedGlobal, currentGlobal));
      gone.addAll(goneAway(storedTenant, currentTenant));
      if (dev) {
        // the committed snapshots stay for the squash; a marker hides the table from later dev runs
        String version = snapshotVersion != null ? snapshotVersion : gone.isEmpty() ? null : clock.next();
        gone.forEach(dir -> files.add(new GeneratedFile(SnapshotStore.devDroppedPath(dir, version),
            "dropped by a dev migration; deleted when the dev migrations are squashed\n",
            GeneratedFile.Kind.SNAPSHOT)));
      } else {
        deleted.addAll(gone);
      }
      if (requested != null && !requested.equals(storedExtensions)) {
        files.add(new GeneratedFile(dev ? store.devExtensionsFile(repo.repo()) : store.extensionsFile(repo.repo()),
            SnapshotJson.write(requested), GeneratedFile.Kind.EXTENSIONS));
        if (pending.stream().noneMatch(p -> p.repo().equals(repo.repo()) && p.table().equals("extensions"))) {
          pending.add(new PendingChange(repo.repo(), false, "extensions", List.of("extensions.json out of date")));
        }
      }
    }

    List<Path> devDeleted = squash.stream().flatMap(d -> d.files().stream()).toList();
    if (pending.isEmpty() && devDeleted.isEmpty()) {
      log(options, Level.INFO, GenerationResult.NO_CHANGES);
      return new GenerationResult(List.of(), List.of(), List.of(), false, false, false, GenerationResult.NO_CHANGES);
    }
    long migrations = files.stream().filter(f -> f.kind() == GeneratedFile.Kind.MIGRATION
        || f.kind() == GeneratedFile.Kind.TENANT_MIGRATION).count();
    if (options.checkMigrated()) {
      String msg = "Pending changes: " + pending.size() + " table(s) differ from their snapshots; generate migrations";
      return new GenerationResult(files, deleted, pending, destructive, commented, false, msg, List.of(), devDeleted);
    }
    String msg = (pending.isEmpty() ? GenerationResult.NO_CHANGES : migrations + " migration file(s) generated")
        + (devDeleted.isEmpty() ? "" : "; " + devDeleted.size() + " dev file(s) squashed");
    if (options.dryRun()) {
      if (!devDeleted.isEmpty()) {
        log(options, Level.INFO, "would roll back the applied dev migrations, then delete the dev files");
      }
      devDeleted.forEach(p -> log(options, Level.INFO, "would delete dev file " + p));
      for (GeneratedFile f : files) {
        log(options, Level.INFO, f.path() + "\n" + f.content());
      }
      return new GenerationResult(files, deleted, pending, destructive, commented, false, msg + " (dry run)",
          stepWarnings, devDeleted);
    }
    // the dev migrations are rolled back before anything is deleted: a failure leaves every file in place
    for (DevMigrations d : squash) {
      devRollback.rollBack(d);
    }
    for (DevMigrations d : squash) {
      d.delete().forEach(p -> log(options, Level.INFO, "deleted dev file " + p));
    }
    if (pending.isEmpty()) {
      log(options, Level.INFO, msg);
      return new GenerationResult(List.of(), List.of(), List.of(), false, false, true, msg, List.of(), devDeleted);
    }
    write(files, deleted, options);
    if (destructive) {
      log(options, Level.WARNING, "this migration includes destructive operations (dropped tables or columns);"
          + " review it carefully before migrating");
    }
    if (commented) {
      log(options, Level.WARNING, "there are migration steps commented out and in need of manual review");
    }
    if (!madeLocal.isEmpty()) {
      // a default placement follows the foreign keys: one removed can turn a reference table back into a local one
      log(options, Level.WARNING, "Citus: table(s) " + String.join(", ", madeLocal) + " become local again"
          + " (undistribute_table copies every row back to the coordinator); to keep one placed, declare"
          + " distribution(Distribution.referenceTable()) or distributedBy(...) on its resource");
    }
    stepWarnings.forEach(w -> log(options, Level.WARNING, w));
    log(options, Level.INFO, "Please always review the generated migrations for correctness.");
    return new GenerationResult(files, deleted, pending, destructive, commented, true, msg, stepWarnings, devDeleted);
  }

  /**
   * Repos that override {@code migrationsPath()} or {@code tenantMigrationsPath()} while the options write their
   * files elsewhere: the migrator, reading the repo's paths, would never see them.
   */
  private static List<String> misplacedFolders(io.ashpg.resource.Domain domain, GeneratorOptions options) {
    List<String> out = new ArrayList<>();
    for (io.ashpg.repo.Repo repo : domain.repos()) {
      String defaultRoot = "db/" + repo.name() + "/";
      for (boolean tenant : new boolean[] {false, true}) {
        String path = tenant ? repo.tenantMigrationsPath() : repo.migrationsPath();
        Path dir = tenant ? options.tenantMigrationDir(repo.name()) : options.migrationDir(repo.name());
        if (!path.equals(defaultRoot + (tenant ? "tenant_migrations" : "migrations")) && !dir.endsWith(path)) {
          out.add(repo.getClass().getSimpleName() + "." + (tenant ? "tenantMigrationsPath" : "migrationsPath")
              + "() is \"" + path + "\", but the " + (tenant ? "tenant " : "") + "migrations are written to " + dir
              + ", where the migrator does not look; build the options with withRepoPaths(<resources folder>,"
              + " domain.repos())");
        }
      }
    }
    return out;
  }

  /**
   * {@link GeneratorOptions#concurrentIndexes()}: identities' unique indexes on tables that exist already are built
   * CONCURRENTLY, so adding one does not block writes to a table holding data. A table created in the same run is
   * empty and its index is built with it.
   */
  private static List<Operation> concurrentIdentityIndexes(List<Operation> ops) {
    Set<TableKey> created = new HashSet<>();
    ops.stream().filter(CreateTable.class::isInstance).forEach(op -> created.add(op.table().key()));
    return ops.stream().map(op -> op instanceof AddUniqueIndex u && !created.contains(u.table().key())
        ? u.withConcurrently() : op).toList();
  }

  /** The file name of a rendered migration; dev runs mark it {@code <version>_<name>_dev.sql}. */
  private static String fileName(MigrationFile f, boolean dev) {
    return dev ? f.version() + "_" + f.name() + DevMigrations.SUFFIX + ".sql" : f.fileName();
  }

  /**
   * ashpg's own functions that column defaults of the repo call (e.g. {@code uuid_generate_v7()} below PostgreSQL
   * 18), unless an installed extension provides them.
   */
  private static List<String> neededFunctions(List<String> extensions, Map<TableKey, TableSnapshot> global,
      Map<TableKey, TableSnapshot> tenant) {
    List<String> out = new ArrayList<>();
    for (AshpgFunction f : AshpgFunction.values()) {
      if ((usedBy(f.sqlName(), global) || usedBy(f.sqlName(), tenant)) && !extensions.contains(f.providedBy())) {
        out.add(f.sqlName());
      }
    }
    return out;
  }

  /** Whether a column default of {@code tables} calls ashpg's function {@code name}. */
  private static boolean usedBy(String name, Map<TableKey, TableSnapshot> tables) {
    AshpgFunction f = AshpgFunction.named(name).orElse(null);
    return f != null && tables.values().stream().flatMap(t -> t.attributes().stream())
        .anyMatch(a -> f.usedBy(a.defaultValue()));
  }

  private static TableSnapshot withRepo(TableSnapshot t, String repo) {
    return new TableSnapshot(t.table(), t.schema(), repo, t.attributes(), t.identities(), t.customIndexes(),
        t.checkConstraints(), t.customStatements(), t.multitenancy(), t.baseFilter(), t.hasCreateAction(),
        t.createTableOptions(), t.distribution());
  }

  /**
   * The public-schema copy of a context-multitenant table usable without a tenant: no multitenancy, no tenant
   * statements, and no foreign keys to tables that exist only per tenant (they are not in the public schema).
   */
  private static TableSnapshot globalCopy(TableSnapshot t) {
    return t.withMultitenancy(MultitenancySnapshot.NONE).withCustomStatements(List.of())
        .withAttributes(t.attributes().stream().map(a -> a.references() != null
            && a.references().multitenancy().isContext()
            && !Boolean.TRUE.equals(a.references().multitenancy().global()) ? a.withReferences(null) : a).toList());
  }

  private static void put(Map<TableKey, TableSnapshot> map, TableSnapshot t) {
    if (map.putIfAbsent(t.key(), t) != null) {
      throw new IllegalArgumentException("table " + t.key() + " of repo " + t.repo()
          + " was given twice; merge the resources sharing a table into one snapshot first");
    }
  }

  private static Map<TableKey, StoredSnapshot> byKey(List<StoredSnapshot> stored) {
    Map<TableKey, StoredSnapshot> out = new TreeMap<>();
    for (StoredSnapshot s : stored) {
      StoredSnapshot before = out.putIfAbsent(s.snapshot().key(), s);
      if (before != null) {
        throw new IllegalStateException("snapshots " + before.file() + " and " + s.file()
            + " both describe table " + s.snapshot().key() + "; delete the folder that is stale");
      }
    }
    return out;
  }

  private static Map<TableKey, TableSnapshot> snapshots(Map<TableKey, StoredSnapshot> stored) {
    Map<TableKey, TableSnapshot> out = new TreeMap<>();
    stored.forEach((k, v) -> out.put(k, v.snapshot()));
    return out;
  }

  private static void collectChanged(Map<TableKey, TableSnapshot> current, Map<TableKey, StoredSnapshot> stored,
      List<TableSnapshot> out) {
    for (TableSnapshot t : current.values()) {
      StoredSnapshot s = stored.get(t.key());
      if (s == null || !SnapshotJson.contentOf(s.snapshot()).equals(SnapshotJson.contentOf(t))) {
        out.add(t);
      }
    }
  }

  /** Folders of stored tables without a current snapshot: dropped, renamed or moved. */
  private static List<Path> goneAway(Map<TableKey, StoredSnapshot> stored, Map<TableKey, TableSnapshot> current) {
    List<Path> out = new ArrayList<>();
    for (Map.Entry<TableKey, StoredSnapshot> e : stored.entrySet()) {
      if (!current.containsKey(e.getKey())) {
        Path dir = e.getValue().file().getParent();
        out.add(dir);
      }
    }
    return out.stream().distinct().toList();
  }

  private static List<PendingChange> pendingOf(String repo, boolean tenant, List<Operation> ops) {
    Map<String, List<String>> byTable = new LinkedHashMap<>();
    for (Operation op : ops) {
      String table = op.table() == null ? "extensions"
          : op instanceof RenameTable r ? r.table().key().toString()
          : op instanceof MoveTableSchema m ? m.table().key().toString()
          : op.table().key().toString();
      byTable.computeIfAbsent(table, k -> new ArrayList<>()).add(op.describe());
    }
    List<PendingChange> out = new ArrayList<>();
    byTable.forEach((t, changes) -> out.add(new PendingChange(repo, tenant, t, changes)));
    return out;
  }

  private void observeExistingVersions(SnapshotStore store, GeneratorOptions options, String repo) {
    for (boolean tenant : new boolean[] {false, true}) {
      for (StoredSnapshot s : store.latestOfAll(repo, tenant, true)) {
        clock.observe(s.version());
      }
    }
    // dev drop markers too: a table re-created later must get a newer snapshot than its marker
    store.devFiles(repo).forEach(p -> clock.observe(p.getFileName().toString().substring(0, 14)));
    for (Path dir : List.of(options.migrationDir(repo), options.tenantMigrationDir(repo))) {
      if (!Files.isDirectory(dir)) {
        continue;
      }
      try (Stream<Path> files = Files.list(dir)) {
        files.map(p -> p.getFileName().toString()).filter(n -> n.length() > 14)
            .forEach(n -> clock.observe(n.substring(0, 14)));
      } catch (IOException e) {
        throw new UncheckedIOException("cannot list migration folder " + dir + ": " + e.getMessage(), e);
      }
    }
  }

  private static void write(List<GeneratedFile> files, List<Path> deleted, GeneratorOptions options) {
    try {
      for (Path dir : deleted) {
        if (Files.isDirectory(dir)) {
          try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
              Files.delete(p);
            }
          }
          log(options, Level.INFO, "deleted snapshots " + dir);
        }
      }
      for (GeneratedFile f : files) {
        Files.createDirectories(f.path().getParent());
        Files.writeString(f.path(), f.content(), StandardCharsets.UTF_8);
        log(options, Level.INFO, "wrote " + f.path());
      }
    } catch (IOException e) {
      throw new UncheckedIOException("writing generated files failed: " + e.getMessage(), e);
    }
  }

  private static void log(GeneratorOptions options, Level level, String message) {
    if (!options.quiet() || level.getSeverity() >= Level.ERROR.getSeverity()) {
      LOG.log(level, message);
    }
  }
}
