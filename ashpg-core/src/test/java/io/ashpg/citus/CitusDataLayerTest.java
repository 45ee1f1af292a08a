package io.ashpg.citus;

import static io.ashpg.citus.CitusCatalog.distributedSchemas;
import static io.ashpg.citus.CitusCatalog.nodePortOf;
import static io.ashpg.citus.CitusCatalog.tableType;
import static io.ashpg.sql.Exprs.attr;
import static io.ashpg.sql.Exprs.exists;
import static io.ashpg.sql.Exprs.fragment;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ashpg.data.Aggregate;
import io.ashpg.data.Changeset;
import io.ashpg.data.DataLayer;
import io.ashpg.data.Query;
import io.ashpg.data.Row;
import io.ashpg.data.Sort;
import io.ashpg.error.DistributedQueryException;
import io.ashpg.migration.run.Migrator;
import io.ashpg.migration.run.MigratorOptions;
import io.ashpg.testing.CitusDatabase;
import io.ashpg.testing.WithCitus;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The data layer on a Citus repo: what it builds for one tenant — reads, writes, relationship loads, aggregates, for
 * schema tenants and for the attribute-multitenant audit log — is a one-task router plan (checked by EXPLAINing the
 * very statements it ran, with their values), and a statement Citus cannot run is a clear error, not an answer.
 */
@WithCitus
class CitusDataLayerTest {

  private static final Pattern TASK_COUNT = Pattern.compile("Task Count: (\\d+)");
  private static final Pattern NODE_PORT = Pattern.compile("Node: host=\\S+ port=(\\d+)");

  @TempDir
  static Path dir;

  private final CitusDatabase db;
  private final StatementCapture capture;
  private final DataLayer dl;

  CitusDataLayerTest(CitusDatabase db) {
    this.db = db;
    this.capture = new StatementCapture(db.dataSource());
    this.dl = DataLayer.of(Saas.domain(), capture).withTenantMigrations(dir.resolve("tenant").toString());
  }

  @BeforeAll
  static void tables(CitusDatabase db) {
    Saas.tenantMigrations(dir.resolve("tenant"));
    Migrator.create(db.dataSource(), MigratorOptions.builder().repoName(Saas.REPO).quiet(true)
        .location(Saas.publicMigrations(dir.resolve("public")).toString()).build()).migrate();
  }

  @BeforeEach
  void users() {
    if (dl.count(Query.of(Saas.USER)) == 0) {
      dl.create(Changeset.create(Saas.USER).force("id", 1).set("name", "ann"));
      dl.create(Changeset.create(Saas.USER).force("id", 2).set("name", "bob"));
    }
  }

  private String organization(String name) {
    Row org = dl.create(Changeset.create(Saas.ORGANIZATION).set("name", name));
    return "org_" + org.getLong("id");
  }

  @Test
  void anOrganizationOwnsADistributedSchemaCreatedAndMigratedOnOneWorker() {
    String tenant = organization("Acme");

    assertThat(distributedSchemas(db)).contains(tenant);
    assertThat(tableType(db, tenant + ".tasks")).isEqualTo("schema");
    assertThat(tableType(db, tenant + ".schema_migrations")).isEqualTo("schema");
    assertThat(db.workers()).extracting(w -> w.server().port()).contains(nodePortOf(db, tenant));
  }

  @Test
  void everyOperationOfOneTenantIsARouterPlanOnItsNode() throws Exception {
    String tenant = organization("Bolt");
    organization("Cato"); // a second tenant, so one-tenant plans are not one-tenant by accident
    int node = nodePortOf(db, tenant);
    DataLayer in = dl.withTenant(tenant);
    capture.clear();

    Row project = in.create(Changeset.create(Saas.PROJECT).set("name", "Apollo").set("owner_id", 1));
    Row design = in.create(Changeset.create(Saas.TASK).set("title", "design").set("points", 3)
        .set("project_id", project.get("id")).set("assignee_id", 1));
    Row build = in.create(Changeset.create(Saas.TASK).set("title", "build").set("project_id", project.get("id"))
        .set("assignee_id", 2));
    in.bulkCreate(Saas.TASK, List.of(Map.of("title", "ship", "project_id", project.get("id")),
        Map.of("title", "celebrate", "project_id", project.get("id"))));
    assertThat(in.read(Query.of(Saas.PROJECT).filter(attr("name").eq("Apollo")).sort(Sort.asc("name")).limit(5)))
        .hasSize(1);
    assertThat(in.get(Saas.TASK, design.get("id"))).isPresent();
    assertThat(in.count(Query.of(Saas.TASK))).isEqualTo(4);
    in.update(Changeset.update(Saas.TASK, build).set("points", 5));
    in.upsert(Changeset.create(Saas.TASK).force("id", design.get("id")).set("title", "design v2")
        .set("project_id", project.get("id")), null, List.of("title"));
    List<Row> loaded = in.read(Query.of(Saas.PROJECT).load("tasks", q -> q.sort(Sort.asc("title"))).load("owner"));
    assertThat(loaded.get(0).many("tasks")).hasSize(4);
    assertThat(in.read(Query.of(Saas.TASK).load("project").load("assignee"))).hasSize(4);
    assertThat(in.get(Saas.TASK, design.get("id")).orElseThrow().getString("title")).isEqualTo("design v2");
    Row sums = in.read(Query.of(Saas.PROJECT).aggregate("tasks", Aggregate.count("tasks"))
        .aggregate("points", Aggregate.sum("tasks", "points"))).get(0);
    assertThat(sums.getLong("tasks")).isEqualTo(4);
    assertThat(sums.getLong("points")).isEqualTo(10);
    assertThat(in.read(Query.of(Saas.PROJECT).filter(exists("tasks", attr("points").gt(4))))).hasSize(1);
    in.destroy(Changeset.destroy(Saas.TASK, design));
    // the attribute-multitenant audit log, distributed by its tenant column
    Row entry = in.create(Changeset.create(Saas.AUDIT).set("message", "project created"));
    assertThat(entry.getString("org")).isEqualTo(tenant);
    assertThat(in.read(Query.of(Saas.AUDIT).sort(Sort.asc("message")))).hasSize(1);
    assertThat(in.count(Query.of(Saas.AUDIT))).isEqualTo(1);
    in.update(Changeset.update(Saas.AUDIT, entry).set("message", "project renamed"));
    in.destroy(Changeset.destroy(Saas.AUDIT, entry));

    List<StatementCapture.Executed> statements = capture.executed().stream()
        .filter(s -> !s.sql().startsWith("SELECT set_config")).toList();
    assertThat(statements).hasSizeGreaterThanOrEqualTo(18);
    List<String> notRouted = new ArrayList<>();
    try (Connection c = db.connect()) {
      for (StatementCapture.Executed s : statements) {
        String plan = StatementCapture.explain(c, s);
        boolean tenantTables = s.sql().contains("\"" + tenant + "\".");
        if (!isRouterPlan(plan) || (tenantTables && !ranOn(plan, node))) {
          notRouted.add(s.sql() + "\n" + plan);
        }
      }
    }
    assertThat(notRouted).as("statements that are not one-task router plans on the tenant's node").isEmpty();
  }

  /** One Citus task, and no subplan evaluated first: the whole statement goes to one node. */
  private static boolean isRouterPlan(String plan) {
    if (!plan.contains("Custom Scan (Citus Adaptive)") || plan.contains("Distributed Subplan")) {
      return false;
    }
    Matcher m = TASK_COUNT.matcher(plan);
    boolean any = false;
    while (m.find()) {
      any = true;
      if (!m.group(1).equals("1")) {
        return false;
      }
    }
    return any;
  }

  private static boolean ranOn(String plan, int port) {
    Matcher m = NODE_PORT.matcher(plan);
    return m.find() && Integer.parseInt(m.group(1)) == port;
  }

  @Test
  void aQueryJoiningTwoTenantsIsRefusedWithAClearErrorNotAnswered() {
    String a = organization("Dune");
    String b = organization("Echo");
    dl.withTenant(a).create(Changeset.create(Saas.PROJECT).set("name", "shared"));
    Row inB = dl.withTenant(b).create(Changeset.create(Saas.PROJECT).set("name", "shared"));
    dl.withTenant(b).create(Changeset.create(Saas.TASK).set("title", "shared").set("project_id", inB.get("id")));

    // tenant a's projects correlated with tenant b's tasks: two schemas on (possibly) two nodes
    Query crossTenant = Query.of(Saas.PROJECT).tenant(a).filter(fragment("EXISTS (SELECT 1 FROM \"" + b
        + "\".\"tasks\" AS other WHERE other.\"title\" = \"name\")"));
    assertThatThrownBy(() -> dl.read(crossTenant))
        .isInstanceOf(DistributedQueryException.class)
        .hasMessageContaining("read of project")
        .hasMessageContaining("Citus cluster cannot run it")
        .hasMessageContaining("within one tenant")
        .satisfies(e -> assertThat(((DistributedQueryException) e).sqlState()).isPresent());
  }
}
