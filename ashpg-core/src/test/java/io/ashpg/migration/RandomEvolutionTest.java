package io.ashpg.migration;

import static org.assertj.core.api.Assertions.assertThat;

import io.ashpg.migration.diff.HintRenameDecider;
import io.ashpg.migration.generate.GeneratedFile;
import io.ashpg.migration.generate.GenerationResult;
import io.ashpg.migration.generate.GlobalKeyInUseException;
import io.ashpg.migration.generate.GeneratorOptions;
import io.ashpg.migration.generate.MigrationGenerator;
import io.ashpg.migration.generate.PrimaryKeyChooser;
import io.ashpg.migration.generate.RepoSnapshots;
import io.ashpg.migration.generate.SnapshotBuilder;
import io.ashpg.migration.introspect.CatalogComparison;
import io.ashpg.migration.introspect.CatalogDifference;
import io.ashpg.migration.introspect.CatalogReader;
import io.ashpg.migration.introspect.DeclaredCatalog;
import io.ashpg.migration.introspect.SchemaCatalog;
import io.ashpg.migration.run.MigrationException;
import io.ashpg.migration.run.MigrationResult;
import io.ashpg.migration.run.Migrator;
import io.ashpg.migration.run.MigratorOptions;
import io.ashpg.migration.snapshot.TableSnapshot;
import io.ashpg.resource.DefinitionException;
import io.ashpg.resource.Domain;
import io.ashpg.testing.TestDatabase;
import io.ashpg.testing.WithPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Random schema evolution, end to end as a user works: a random model of resources ({@link EvolutionModel}) changes
 * step by step ({@link EvolutionMutator}: tables, columns, types, defaults, references with every action,
 * identities, indexes, checks, schema moves, tenant tables); each step is generated into a project (snapshots stay
 * on disk), applied with the real {@link Migrator} (public migrations, then tenant migrations in a tenant schema),
 * and the live catalog must equal what the resources declare. Each step is then rolled back (the catalog must equal
 * the previous step's declaration) and applied again. At the end everything is rolled back in checkpoints (each
 * must equal that step's declaration) down to an empty database, migrated up again, and a tenant created last runs
 * every tenant migration.
 *
 * <p>Properties: {@code -Dashpg.evolution.seed} (a number, or {@code random}; default a fixed seed),
 * {@code -Dashpg.evolution.steps} (default 200), {@code -Dashpg.evolution.segment} (steps per segment, default
 * 500; each starts from an empty database and project), {@code -Dashpg.evolution.skip} (segments to skip). The seed
 * is printed first and in every failure, with the step, its mutations, its rename hints, the model, the generated migrations and the
 * properties that rerun that segment; the run is deterministic.
 */
@WithPostgres
class RandomEvolutionTest {

  /** The seed {@code verify} runs with. */
  static final long DEFAULT_SEED = 20260102L;
  static final int DEFAULT_STEPS = 200;
  /**
   * Steps per segment: each segment starts from an empty database and project and ends with the full rollback
   * check. Bounds the cost of a step (the migrator reads every migration file of the project on each run).
   */
  static final int DEFAULT_SEGMENT = 500;

  private static final String REPO = "plain_repo";
  /** Draws of one step's mutations before giving up (each draw that is invalid or refused is drawn again). */
  private static final int MAX_DRAWS = 100;
  /** Tenants migrated step by step (one: a second would repeat the same work). */
  private static final List<String> TENANTS = List.of("tenant_a");
  /** A tenant created at the end, running every tenant migration at once. */
  private static final String LATE_TENANT = "tenant_late";

  private final TestDatabase db;

  @TempDir
  Path project;

  RandomEvolutionTest(TestDatabase db) {
    this.db = db;
  }

  @Test
  void randomEvolution() throws Exception {
    long seed = seed(System.getProperty("ashpg.evolution.seed"));
    int steps = Integer.getInteger("ashpg.evolution.steps", DEFAULT_STEPS);
    int segment = Math.max(1, Integer.getInteger("ashpg.evolution.segment", DEFAULT_SEGMENT));
    int skip = Integer.getInteger("ashpg.evolution.skip", 0);
    int segments = (steps + segment - 1) / segment;
    System.out.println("RandomEvolutionTest: seed " + seed + ", " + steps + " steps in " + segments + " segment(s) of "
        + Math.min(steps, segment) + (skip > 0 ? ", skipping " + skip : "") + " (rerun: -Dashpg.evolution.seed="
        + seed + ")");
    long start = System.nanoTime();
    Map<String, Long> timings = new TreeMap<>();
    int rejected = 0;
    int ran = 0;
    try (Connection conn = db.connect()) {
      for (int k = skip; k < segments; k++) {
        GoldenRoundTripTest.reset(conn);
        int first = k * segment + 1;
        Run run = new Run(seed, k, first, Math.min(segment, steps - k * segment), steps, segment,
            Files.createDirectories(project.resolve("segment-" + k)));
        run.evolve(conn);
        run.downAndUp(conn);
        rejected += run.rejected;
        ran += run.count;
        if (segments > 1) {
          System.out.printf("RandomEvolutionTest: segment %d of %d passed (steps %d-%d), %.0f s so far%n", k + 1,
              segments, first, first + run.count - 1, (System.nanoTime() - start) / 1e9);
        }
        run.timings.forEach((what, t) -> timings.merge(what, t, Long::sum));
      }
    }
    System.out.printf("RandomEvolutionTest: seed %d, %d steps passed in %.1f s (%d step(s) drawn again: invalid"
        + " resources or refused changes)%n", seed, ran, (System.nanoTime() - start) / 1e9, rejected);
    timings.forEach((k, v) -> System.out.printf("  %s: %.1f s%n", k, v / 1e9));
  }

  /**
   * The random source of segment {@code k}: the seed itself for the first, a mix of both for the others, so a
   * segment can be rerun alone ({@code -Dashpg.evolution.skip=k}).
   */
  static Random random(long seed, int k) {
    return new Random(k == 0 ? seed : seed ^ (0x9E3779B97F4A7C15L * k));
  }

  static long seed(String property) {
    if (property == null || property.isBlank()) {
      return DEFAULT_SEED;
    }
    if (property.equalsIgnoreCase("random")) {
      return new Random().nextLong();
    }
    return Long.parseLong(property.trim());
  }

  /** What one step did, for failure messages. */
  private record StepRecord(int step, List<String> mutations, List<String> hints, String model,
      List<GeneratedFile> migrations) {
    String describe() {
      StringBuilder sb = new StringBuilder();
      sb.append("step ").append(step).append(" mutations:\n");
      mutations.forEach(m -> sb.append("  - ").append(m).append('\n'));
      sb.append("rename hints: ").append(hints).append('\n');
      sb.append("resources after the step:\n").append(model);
      sb.append("generated migrations:\n");
      for (GeneratedFile f : migrations) {
        sb.append("-- file: ").append(f.path().getFileName()).append(" (").append(f.kind()).append(")\n")
            .append(f.content()).append('\n');
      }
      return sb.toString();
    }
  }

  /** One evolution: the model, the generator and migrators, and what every step produced. */
  private final class Run {
    final long seed;
    final int segmentIndex;
    /** The global number of this segment's first step. */
    final int first;
    /** Steps in this segment. */
    final int count;
    final int totalSteps;
    final int segmentSize;
    final Path project;
    final Random random;
    final EvolutionMutator mutator;
    final MigrationGenerator generator = new MigrationGenerator(ResourceCases.clock());
    final GeneratorOptions baseOptions;
    final Migrator publicMigrator;
    final List<Migrator> tenantMigrators = new ArrayList<>();
    /** Declared state after step i (index 0: before the first step, nothing). */
    final List<EvolutionModel> models = new ArrayList<>();
    final List<StepRecord> records = new ArrayList<>();
    /** Version → step, per scope. */
    final TreeMap<Long, Integer> publicVersions = new TreeMap<>();
    final TreeMap<Long, Integer> tenantVersions = new TreeMap<>();
    int rejected;
    /** The declared catalog after the last step (what rolling back the next step must restore). */
    List<SchemaCatalog> expectedBefore;
    final Map<String, Long> timings = new TreeMap<>();

    <T> T timed(String what, java.util.concurrent.Callable<T> body) throws Exception {
      long t0 = System.nanoTime();
      try {
        return body.call();
      } finally {
        timings.merge(what, System.nanoTime() - t0, Long::sum);
      }
    }

    Run(long seed, int segmentIndex, int first, int count, int totalSteps, int segmentSize, Path project)
        throws IOException {
      this.seed = seed;
      this.segmentIndex = segmentIndex;
      this.first = first;
      this.count = count;
      this.totalSteps = totalSteps;
      this.segmentSize = segmentSize;
      this.project = project;
      this.random = random(seed, segmentIndex);
      this.mutator = new EvolutionMutator(random);
      this.baseOptions = GeneratorOptions.defaults(project).withQuiet(true).withDropColumns(true);
      Path publicDir = Files.createDirectories(baseOptions.migrationDir(REPO));
      Path tenantDir = Files.createDirectories(baseOptions.tenantMigrationDir(REPO));
      publicMigrator = migrator(publicDir, null);
      for (String tenant : TENANTS) {
        tenantMigrators.add(migrator(tenantDir, tenant));
      }
    }

    Migrator migrator(Path dir, String tenant) {
      MigratorOptions.Builder b = MigratorOptions.builder().repoName(REPO).quiet(true).location(dir.toString())
          .lockStrategy(io.ashpg.migration.run.LockStrategy.NONE);
      if (tenant != null) {
        b.prefix(tenant);
      }
      return Migrator.create(db.dataSource(), b.build());
    }

    void evolve(Connection conn) throws SQLException {
      expectedBefore = expected(conn, List.of(), TENANTS);
      EvolutionModel model = EvolutionModel.initial();
      models.add(new EvolutionModel());
      for (int step = 1; step <= count; step++) {
        EvolutionModel before = model.copy();
        for (int attempt = 1; ; attempt++) {
          if (attempt > MAX_DRAWS) {
            throw failure("step " + (first + step - 1) + " of " + totalSteps, "no valid mutations in " + MAX_DRAWS
                + " draws; resources before the step:\n" + before, new IllegalStateException("see the reasons above"));
          }
          EvolutionModel next = before.copy();
          List<String> mutations = new ArrayList<>();
          int n = 1 + random.nextInt(3);
          for (int i = 0; i < n; i++) {
            mutations.add(mutator.mutate(next));
          }
          Domain domain;
          try {
            domain = Domain.of(next.resources());
          } catch (DefinitionException e) {
            // resources a user could not define either (e.g. colliding default index names): draw new mutations
            redrawn(step, e);
            continue;
          }
          List<String> hints = EvolutionModel.hints(step == 1 ? new EvolutionModel() : before, next);
          StepRecord record = new StepRecord(first + step - 1, List.copyOf(mutations), hints, next.toString(),
              new ArrayList<>());
          try {
            step(conn, step, domain, hints, record);
          } catch (GlobalKeyInUseException e) {
            // a change the generator refuses to make in one generation, writing nothing (a key of a public table
            // that tenant foreign keys depend on): draw new mutations
            redrawn(step, e);
            continue;
          } catch (Throwable t) {
            throw failure("step " + (first + step - 1) + " of " + totalSteps, record.describe(), t);
          }
          records.add(record);
          model = next;
          break;
        }
        models.add(model.copy());
      }
    }

    private void step(Connection conn, int step, Domain domain, List<String> hints, StepRecord record)
        throws Exception {
      GenerationResult result = timed("generate", () -> generator.generate(domain, baseOptions.withRenames(hints),
          new HintRenameDecider(hints), PrimaryKeyChooser.none()));
      record.migrations().addAll(result.migrations());
      for (GeneratedFile f : result.migrations()) {
        long version = Long.parseLong(f.path().getFileName().toString().substring(0, 14));
        (f.kind() == GeneratedFile.Kind.MIGRATION ? publicVersions : tenantVersions).put(version, step);
      }
      GenerationResult again = timed("generate again", () -> generator.generate(domain,
          baseOptions.withCheckMigrated(true), new HintRenameDecider(List.of()), PrimaryKeyChooser.none()));
      assertThat(again.pending()).as("pending changes right after generating (snapshots not stable)").isEmpty();

      List<SchemaCatalog> before = expectedBefore;
      timed("migrate", () -> migrateUp());
      // declared after migrating: canonicalising a default may need a function the migration installs (uuidV7)
      List<SchemaCatalog> after = timed("declare", () -> expected(conn, new SnapshotBuilder().build(domain), TENANTS));
      int global = first + step - 1;
      timed("verify", () -> verify(conn, after, "after migrating step " + global));

      // this step down: the previous declaration; and up again
      timed("rollback", () -> rollBackAfter(step - 1));
      timed("verify", () -> verify(conn, before, "after rolling back step " + global));
      timed("migrate", () -> migrateUp());
      timed("verify", () -> verify(conn, after, "after migrating step " + global + " again"));
      expectedBefore = after;
    }

    Void migrateUp() {
      succeeded(publicMigrator::migrate, "public migrate");
      tenantMigrators.forEach(m -> succeeded(m::migrate, "tenant migrate " + m.options().prefix()));
      return null;
    }

    /** Rolls back every migration of the steps after {@code step}: tenants first, then public. */
    Void rollBackAfter(int step) {
      Long tenantFrom = firstVersionAfter(tenantVersions, step);
      if (tenantFrom != null) {
        tenantMigrators.forEach(m -> succeeded(() -> m.rollback(tenantFrom), "tenant rollback "
            + m.options().prefix()));
      }
      Long publicFrom = firstVersionAfter(publicVersions, step);
      if (publicFrom != null) {
        succeeded(() -> publicMigrator.rollback(publicFrom), "public rollback");
      }
      return null;
    }

    private Long firstVersionAfter(TreeMap<Long, Integer> versions, int step) {
      return versions.entrySet().stream().filter(e -> e.getValue() > step).map(Map.Entry::getKey).findFirst()
          .orElse(null);
    }

    void downAndUp(Connection conn) throws IOException {
      String last = records.isEmpty() ? "" : records.get(records.size() - 1).describe();
      try {
        TreeSet<Integer> checkpoints = new TreeSet<>(java.util.Comparator.reverseOrder());
        checkpoints.addAll(List.of(count * 3 / 4, count / 2, count / 4, 0));
        for (int step : checkpoints) {
          rollBackAfter(step);
          verify(conn, expected(conn, declared(models.get(step)), TENANTS), "after rolling back to step "
              + (first + step - 1) + (step == 0 ? " (nothing)" : ""));
        }
        migrateUp();
        List<RepoSnapshots> finalState = declared(models.get(count));
        verify(conn, expected(conn, finalState, TENANTS), "after migrating everything up again");

        Migrator late = migrator(baseOptions.tenantMigrationDir(REPO), LATE_TENANT);
        succeeded(late::migrate, "migrating a new tenant");
        List<String> all = new ArrayList<>(TENANTS);
        all.add(LATE_TENANT);
        verify(conn, expected(conn, finalState, all), "after migrating a tenant created last");
      } catch (MigrationFailed e) {
        // name the step whose migration failed
        StringBuilder details = new StringBuilder();
        for (io.ashpg.migration.run.MigrationFailure f : e.failures) {
          Integer step = publicVersions.containsKey(f.version()) ? publicVersions.get(f.version())
              : tenantVersions.get(f.version());
          if (step != null) {
            details.append("the failing migration is from ").append(records.get(step - 1).describe());
            break;
          }
        }
        throw failure("the final rollback / migrate", details.length() > 0 ? details.toString() : last, e);
      } catch (Throwable t) {
        throw failure("the final rollback / migrate", "last step: " + last, t);
      }
    }

    /** Counts a step drawn again; the first reason is printed, so a generator of invalid models shows. */
    private void redrawn(int step, Exception why) {
      if (rejected++ == 0) {
        System.out.println("RandomEvolutionTest: step " + (first + step - 1) + " drawn again: " + why.getMessage());
      }
    }

    AssertionError failure(String where, String details, Throwable cause) {
      String rerun = "-Dashpg.evolution.seed=" + seed + " -Dashpg.evolution.steps=" + totalSteps
          + (totalSteps > segmentSize ? " -Dashpg.evolution.segment=" + segmentSize
          + (segmentIndex > 0 ? " -Dashpg.evolution.skip=" + segmentIndex : "") : "");
      return new AssertionError("Random evolution failed at " + where + ", seed " + seed + " (rerun: " + rerun + ")\n"
          + cause + "\n" + details, cause);
    }
  }

  private static List<RepoSnapshots> declared(EvolutionModel model) {
    return model.tables.isEmpty() ? List.of() : new SnapshotBuilder().build(Domain.of(model.resources()));
  }

  /** A migrate or rollback run failed. */
  private static final class MigrationFailed extends AssertionError {
    final transient List<io.ashpg.migration.run.MigrationFailure> failures;

    MigrationFailed(String what, List<io.ashpg.migration.run.MigrationFailure> failures) {
      super(what + " failed:\n" + failures.stream().map(io.ashpg.migration.run.MigrationFailure::describe)
          .collect(Collectors.joining("\n")));
      this.failures = failures;
    }
  }

  /** Runs a migrate or rollback; a failed run (thrown, or a result with failures) becomes a {@link MigrationFailed}. */
  private static void succeeded(java.util.function.Supplier<MigrationResult> run, String what) {
    MigrationResult result;
    try {
      result = run.get();
    } catch (MigrationException e) {
      if (e.result() == null) {
        throw e;
      }
      result = e.result();
    }
    if (!result.succeeded()) {
      throw new MigrationFailed(what, result.failures());
    }
  }

  // ------------------------------------------------------------------------------------------------ the check

  /**
   * The declared catalog of {@code declared}, tenant tables in each of {@code tenants} ({@link DeclaredCatalog}: what
   * PostgreSQL prints for each declared object).
   */
  private static List<SchemaCatalog> expected(Connection conn, List<RepoSnapshots> declared, List<String> tenants)
      throws SQLException {
    List<TableSnapshot> tables = declared.stream().flatMap(r -> r.tables().stream()).toList();
    Map<String, SchemaCatalog> out = new TreeMap<>();
    for (String tenant : tenants) {
      for (SchemaCatalog s : DeclaredCatalog.inPublic().withTenantSchema(tenant).build(conn, tables, List.of())) {
        out.putIfAbsent(s.schema(), s);
      }
    }
    return List.copyOf(out.values());
  }

  /**
   * The catalog oracle over every schema: the live database, read with {@link CatalogReader}, equals
   * {@code expected} field by field; a table nobody declared is a difference too.
   */
  private static Void verify(Connection conn, List<SchemaCatalog> expected, String when) throws SQLException {
    CatalogReader reader = CatalogReader.of(conn);
    TreeSet<String> schemas = new TreeSet<>(reader.userSchemas());
    expected.forEach(s -> schemas.add(s.schema()));
    List<CatalogDifference> differences = CatalogComparison.strict().compare(expected,
        reader.read(List.copyOf(schemas)));
    if (!differences.isEmpty()) {
      throw new AssertionError("the database does not match the declared resources " + when + " ("
          + differences.size() + " difference" + (differences.size() == 1 ? "" : "s") + "):\n"
          + differences.stream().map(d -> "  - " + d).collect(Collectors.joining("\n")));
    }
    return null;
  }
}
