package io.ashpg.citus;

import static io.ashpg.citus.CitusCatalog.count;
import static io.ashpg.citus.CitusCatalog.distributedSchemas;
import static io.ashpg.citus.CitusCatalog.exec;
import static io.ashpg.citus.CitusCatalog.nodePortOf;
import static io.ashpg.citus.CitusCatalog.tableType;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ashpg.data.Changeset;
import io.ashpg.data.DataLayer;
import io.ashpg.data.Query;
import io.ashpg.data.Row;
import io.ashpg.error.AshPgException;
import io.ashpg.error.InvalidQueryException;
import io.ashpg.migration.run.Migrator;
import io.ashpg.migration.run.MigratorOptions;
import io.ashpg.migration.run.ProgressListener;
import io.ashpg.repo.Repo;
import io.ashpg.tenancy.MultiTenancy;
import io.ashpg.tenancy.citus.CitusNode;
import io.ashpg.tenancy.citus.CitusTenants;
import io.ashpg.tenancy.citus.DistributionException;
import io.ashpg.tenancy.citus.DistributionResult;
import io.ashpg.tenancy.citus.RebalanceStatus;
import io.ashpg.tenancy.citus.ShardTransferMode;
import io.ashpg.tenancy.citus.TenantDistribution;
import io.ashpg.tenancy.citus.TenantDistribution.Outcome;
import io.ashpg.tenancy.citus.TenantPlacement;
import io.ashpg.testing.CitusDatabase;
import io.ashpg.testing.TestDatabase;
import io.ashpg.testing.WithCitus;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import javax.sql.DataSource;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.OptionalLong;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Tenant operations on the local cluster: where tenants live, moving one while it is written to, rebalancing, and
 * distributing a fleet of schemas created before the repo was on Citus.
 */
@WithCitus
class CitusTenantOperationsTest {

  @TempDir
  static Path dir;

  private final CitusDatabase db;
  private final CitusTenants citus;

  CitusTenantOperationsTest(CitusDatabase db) {
    this.db = db;
    this.citus = CitusTenants.of(db.dataSource());
  }

  @BeforeAll
  static void tables(CitusDatabase db) {
    Saas.tenantMigrations(dir.resolve("tenant"));
    Migrator.create(db.dataSource(), MigratorOptions.builder().repoName(Saas.REPO).quiet(true)
        .location(Saas.publicMigrations(dir.resolve("public")).toString()).build()).migrate();
  }

  private void tenant(String name, boolean distributed) {
    MultiTenancy.createTenant(db.dataSource(), Saas.REPO, dir.resolve("tenant").toString(), name, distributed);
  }

  private static CitusNode node(TestDatabase worker) {
    return new CitusNode("127.0.0.1", worker.server().port());
  }

  private CitusNode otherNodeThan(String tenant) {
    return node(CitusCatalog.otherWorker(db, nodePortOf(db, tenant)));
  }

  @Test
  void placementsSayWhereEveryDistributedTenantLives() {
    tenant("where_a", true);
    tenant("where_b", true);
    MultiTenancy.createSchema(db.dataSource(), "where_empty", true);

    assertThat(citus.nodes()).containsExactlyInAnyOrderElementsOf(db.workers().stream().map(w -> node(w)).toList());
    TenantPlacement a = citus.placement("where_a").orElseThrow();
    assertThat(a.node()).contains(new CitusNode("127.0.0.1", nodePortOf(db, "where_a")));
    assertThat(a.tables()).isEqualTo(3); // projects, tasks, schema_migrations
    assertThat(citus.placements()).extracting(TenantPlacement::tenant).contains("where_a", "where_b", "where_empty");
    // an empty distributed schema has no node until its first table
    assertThat(citus.placement("where_empty").orElseThrow().node()).isEmpty();
    assertThat(citus.placement("where_nobody")).isEmpty();
  }

  @Test
  void aDistributedTenantIsRenamedAndDroppedLikeAPlainOne() {
    tenant("renamed_from", true);
    int node = nodePortOf(db, "renamed_from");

    MultiTenancy.renameTenant(db.dataSource(), "renamed_from", "renamed_to");
    assertThat(distributedSchemas(db)).contains("renamed_to").doesNotContain("renamed_from");
    assertThat(citus.placement("renamed_to").orElseThrow().node()).contains(new CitusNode("127.0.0.1", node));
    assertThat(DataLayer.of(Saas.domain(), db.dataSource()).withTenant("renamed_to").count(Query.of(Saas.TASK)))
        .isZero();

    MultiTenancy.dropTenant(db.dataSource(), "renamed_to");
    assertThat(distributedSchemas(db)).doesNotContain("renamed_to");
    assertThat(MultiTenancy.listTenants(db.dataSource(), "renamed_")).isEmpty();
  }

  @Test
  void aTenantMovesOnlineWhileAnotherThreadKeepsWritingAndNoWriteIsLost() throws Exception {
    // the test cluster commits asynchronously (fast, not durable): an online move could lose writes there
    tenant("move_online", true);
    assertThatThrownBy(() -> citus.move("move_online", otherNodeThan("move_online")))
        .isInstanceOf(AshPgException.class)
        .hasMessageContaining("move of tenant schema 'move_online'")
        .hasMessageContaining("synchronous_commit is off on worker(s) 127.0.0.1:")
        .hasMessageContaining("BLOCK_WRITES");
    // as in production: commits wait for their WAL on the workers (for this database)
    for (TestDatabase worker : db.workers()) {
      exec(worker, "ALTER DATABASE \"" + db.name() + "\" SET synchronous_commit = on");
    }

    HikariConfig config = new HikariConfig();
    config.setDataSource(db.dataSource());
    config.setMaximumPoolSize(2);
    config.setMinimumIdle(2);
    try (HikariDataSource pool = new HikariDataSource(config)) {
      MoveUnderWrites run = moveUnderWrites("move_online", pool, null);

      assertThat(run.lost()).as("acknowledged writes missing after the move").isEmpty();
      assertThat(run.errors()).as("writes refused during the move").isEmpty();
      // online: the tenant took writes while its tables were being copied
      assertThat(run.duringMove()).as("writes acknowledged while the move ran").isPositive();
    }
  }

  @Test
  void aMoveBlockingWritesLosesNoWriteEvenFromANewSessionPerWrite() throws Exception {
    tenant("move_fresh", true);
    // the harshest writer: a new database session for every write
    MoveUnderWrites run = moveUnderWrites("move_fresh", db.dataSource(), ShardTransferMode.BLOCK_WRITES);

    assertThat(run.lost()).as("acknowledged writes missing after the move").isEmpty();
    assertThat(run.errors()).as("writes refused during the move").isEmpty();
    assertThat(run.afterMove()).isGreaterThan(run.beforeMove());
  }

  /**
   * What a move of a tenant did to a writer thread: how many writes were acknowledged before, during and after it,
   * which acknowledged ones are missing afterwards, and which writes failed.
   */
  private record MoveUnderWrites(int beforeMove, int duringMove, int afterMove, List<UUID> lost,
      List<String> errors) {
  }

  /**
   * Starts a thread creating the tasks of {@code tenant} through the data layer over {@code writes} (ids
   * chosen here, so each acknowledged write is known), moves the tenant to the other worker with {@code mode} (null:
   * the default) once writes flow, lets it write there too, and compares what was acknowledged with what is stored.
   */
  private MoveUnderWrites moveUnderWrites(String tenant, DataSource writes, ShardTransferMode mode) throws Exception {
    DataLayer dl = DataLayer.of(Saas.domain(), writes).withTenant(tenant);
    Object project = dl.create(Changeset.create(Saas.PROJECT).set("name", "busy")).get("id");
    CitusNode target = otherNodeThan(tenant);
    List<UUID> written = new CopyOnWriteArrayList<>();
    List<String> errors = new CopyOnWriteArrayList<>();
    AtomicBoolean stop = new AtomicBoolean();
    Thread writer = new Thread(() -> {
      while (!stop.get()) {
        UUID id = UUID.randomUUID();
        try {
          dl.create(Changeset.create(Saas.TASK).force("id", id).set("title", "t").set("project_id", project));
          written.add(id); // acknowledged: committed
        } catch (AshPgException e) {
          errors.add(e.getMessage());
        }
      }
    }, "move-writer");
    writer.start();
    int before;
    int after;
    try {
      waitFor(() -> written.size() >= 20);
      before = written.size();
      TenantPlacement moved = mode == null ? citus.move(tenant, target) : citus.move(tenant, target, mode);
      after = written.size();
      assertThat(moved.node()).contains(target);
      waitFor(() -> written.size() >= after + 20); // and it takes writes on its new node
    } finally {
      stop.set(true);
      writer.join(30_000);
    }
    assertThat(nodePortOf(db, tenant)).isEqualTo(target.port());
    Set<UUID> stored = new HashSet<>();
    for (Row task : DataLayer.of(Saas.domain(), db.dataSource()).withTenant(tenant).read(Query.of(Saas.TASK))) {
      stored.add(task.getUuid("id"));
    }
    List<UUID> lost = written.stream().filter(id -> !stored.contains(id)).toList();
    assertThat(stored).hasSize(written.size() - lost.size());
    return new MoveUnderWrites(before, after - before, written.size(), lost, List.copyOf(errors));
  }

  @Test
  void aBlockingMoveWorksAndAMoveToTheTenantsOwnNodeDoesNothing() {
    tenant("move_block", true);
    CitusNode target = otherNodeThan("move_block");

    assertThat(citus.move("move_block", target, ShardTransferMode.BLOCK_WRITES).node()).contains(target);
    assertThat(nodePortOf(db, "move_block")).isEqualTo(target.port());
    assertThat(citus.move("move_block", target).node()).contains(target);
  }

  @Test
  void aMoveCitusCannotMakeIsAClearError() {
    tenant("move_bad", true);
    MultiTenancy.createSchema(db.dataSource(), "move_plain", false);

    assertThatThrownBy(() -> citus.move("move_bad\"; DROP SCHEMA public; --", otherNodeThan("move_bad")))
        .isInstanceOf(InvalidQueryException.class).hasMessageContaining("not a valid tenant name");
    assertThatThrownBy(() -> citus.move("move_plain", otherNodeThan("move_bad")))
        .isInstanceOf(InvalidQueryException.class).hasMessageContaining("'move_plain' is not a distributed schema");
    assertThatThrownBy(() -> citus.move("move_bad", new CitusNode("127.0.0.1", 1), ShardTransferMode.BLOCK_WRITES))
        .isInstanceOf(AshPgException.class)
        .hasMessageContaining("move of tenant schema 'move_bad' to node 127.0.0.1:1")
        .hasMessageContaining("non-existing node");
    assertThatThrownBy(() -> new CitusNode("127.0.0.1", 70_000)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("70000");
  }

  @Test
  void aRebalanceSpreadsTenantsPiledOnOneNode() {
    for (int i = 1; i <= 4; i++) {
      tenant("pile_" + i, true);
    }
    CitusNode first = node(db.workers().get(0));
    for (TenantPlacement p : citus.placements()) {
      if (p.node().isPresent()) {
        citus.move(p.tenant(), first, ShardTransferMode.BLOCK_WRITES);
      }
    }
    assertThat(citus.placements()).allSatisfy(p -> assertThat(p.node().orElse(first)).isEqualTo(first));

    OptionalLong job = citus.startRebalance(ShardTransferMode.BLOCK_WRITES, "by_shard_count");
    assertThat(job).isPresent();
    List<RebalanceStatus> seen = new ArrayList<>();
    RebalanceStatus done = citus.waitForRebalance(Duration.ofMinutes(3), seen::add);

    assertThat(done.jobId()).isEqualTo(job.getAsLong());
    assertThat(done.succeeded()).isTrue();
    assertThat(done.tasks()).isPositive().isEqualTo(done.tasksDone());
    assertThat(seen).isNotEmpty().last().isEqualTo(done);
    // tenants moved off the crowded node, whole: each still on exactly one node
    assertThat(citus.placements()).extracting(p -> p.node().orElse(first)).contains(node(db.workers().get(1)));
    for (int i = 1; i <= 4; i++) {
      assertThat(nodePortOf(db, "pile_" + i)).isPositive();
    }
  }

  /** Lists a fixed set of tenants, as an application's repo does from its organizations table. */
  public static final class FleetRepo extends Repo {
    static volatile List<String> tenants = List.of();

    @Override
    public List<String> allTenants(Connection connection) {
      return tenants;
    }
  }

  @Test
  void anExistingFleetIsDistributedTenantByTenantAndAFailingTenantIsReportedAlone() {
    for (String t : List.of("fleet_1", "fleet_2")) {
      tenant(t, false);
      DataLayer.of(Saas.domain(), db.dataSource()).withTenant(t)
          .create(Changeset.create(Saas.PROJECT).set("name", "legacy " + t));
    }
    tenant("fleet_done", true);
    // fleet_bad references a plain public table, which Citus cannot reach from a worker
    exec(db.coordinator(), "CREATE TABLE public.legacy_plans (id int PRIMARY KEY)",
        "INSERT INTO public.legacy_plans VALUES (1)",
        "CREATE SCHEMA fleet_bad",
        "CREATE TABLE fleet_bad.subscriptions (id int PRIMARY KEY, plan_id int REFERENCES public.legacy_plans (id))",
        "INSERT INTO fleet_bad.subscriptions VALUES (1, 1)");
    assertThat(distributedSchemas(db)).doesNotContain("fleet_1", "fleet_2", "fleet_bad");

    List<String> fleet = List.of("fleet_1", "fleet_bad", "fleet_done", "fleet_2", "fleet_missing");
    List<ProgressListener.Progress> progress = new ArrayList<>();
    DistributionException failed = org.assertj.core.api.Assertions.catchThrowableOfType(DistributionException.class,
        () -> citus.distributeSchemas(fleet, (d, p) -> progress.add(p)));

    assertThat(failed).isNotNull();
    assertThat(failed.getMessage()).contains("2 of 5").contains("fleet_bad").contains("legacy_plans")
        .contains("fleet_missing").contains("does not exist");
    DistributionResult result = failed.result();
    assertThat(result.tenants()).extracting(TenantDistribution::tenant).containsExactlyElementsOf(fleet);
    assertThat(result.tenants()).extracting(TenantDistribution::outcome).containsExactly(Outcome.DISTRIBUTED,
        Outcome.FAILED, Outcome.ALREADY_DISTRIBUTED, Outcome.DISTRIBUTED, Outcome.FAILED);
    assertThat(result.summary()).isEqualTo("2 distributed, 1 already distributed, 2 failed");
    assertThat(progress).extracting(ProgressListener.Progress::done).containsExactly(1, 2, 3, 4, 5);
    assertThat(progress.get(4).failed()).isEqualTo(2);
    for (String t : List.of("fleet_1", "fleet_2")) {
      int port = nodePortOf(db, t);
      assertThat(result.tenants()).filteredOn(d -> d.tenant().equals(t)).singleElement()
          .satisfies(d -> assertThat(d.node()).contains(new CitusNode("127.0.0.1", port)));
      assertThat(db.workers()).extracting(w -> w.server().port()).contains(port);
      assertThat(tableType(db, t + ".schema_migrations")).isEqualTo("schema");
      // the rows moved to the worker; the coordinator's copy was emptied
      assertThat(DataLayer.of(Saas.domain(), db.dataSource()).withTenant(t).read(Query.of(Saas.PROJECT)))
          .extracting(r -> r.getString("name")).containsExactly("legacy " + t);
      assertThat(count(db.coordinator(), "SELECT pg_relation_size('" + t + ".projects')")).isZero();
    }
    // the failing tenant was left as it was
    assertThat(distributedSchemas(db)).doesNotContain("fleet_bad");
    assertThat(count(db.coordinator(), "SELECT count(*) FROM fleet_bad.subscriptions")).isEqualTo(1);

    // once the public table is a reference table, a rerun distributes the rest and skips the others
    exec(db.coordinator(), "SELECT create_reference_table('public.legacy_plans')");
    FleetRepo.tenants = List.of("fleet_1", "fleet_bad", "fleet_done", "fleet_2");
    DistributionResult rerun = citus.distributeSchemas(new FleetRepo());
    assertThat(rerun.succeeded()).isTrue();
    assertThat(rerun.tenants()).extracting(TenantDistribution::outcome).containsExactly(
        Outcome.ALREADY_DISTRIBUTED, Outcome.DISTRIBUTED, Outcome.ALREADY_DISTRIBUTED, Outcome.ALREADY_DISTRIBUTED);
    assertThat(count(db.coordinator(), "SELECT count(*) FROM fleet_bad.subscriptions")).isEqualTo(1);
    assertThat(distributedSchemas(db)).contains("fleet_bad");
  }

  private static void waitFor(java.util.function.BooleanSupplier condition) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("condition not reached in 60 s");
      }
      Thread.sleep(20);
    }
  }
}
