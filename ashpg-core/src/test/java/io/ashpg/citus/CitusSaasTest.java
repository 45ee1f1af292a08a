package io.ashpg.citus;

import static io.ashpg.citus.CitusCatalog.distributedSchemas;
import static io.ashpg.citus.CitusCatalog.nodePortOf;
import static io.ashpg.citus.CitusCatalog.strings;
import static io.ashpg.citus.CitusCatalog.tableType;
import static io.ashpg.sql.Exprs.attr;
import static org.assertj.core.api.Assertions.assertThat;

import io.ashpg.data.Aggregate;
import io.ashpg.data.Changeset;
import io.ashpg.data.DataLayer;
import io.ashpg.data.Query;
import io.ashpg.data.Row;
import io.ashpg.migration.ThrowawaySchema;
import io.ashpg.migration.run.MigrationStatus;
import io.ashpg.migration.run.MigratorOptions;
import io.ashpg.migration.run.TenantLister;
import io.ashpg.migration.run.TenantMigrator;
import io.ashpg.tenancy.citus.CitusNode;
import io.ashpg.tenancy.citus.CitusTenants;
import io.ashpg.tenancy.citus.ShardTransferMode;
import io.ashpg.testing.CitusDatabase;
import io.ashpg.testing.WithCitus;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The SaaS shape end to end on the local cluster, with migrations the generator wrote for the Citus repo: generate →
 * migrate → organizations create their tenants → the data layer reads and writes them → a tenant moves to the other
 * worker and keeps its data.
 */
@WithCitus
class CitusSaasTest {

  private final CitusDatabase db;

  CitusSaasTest(CitusDatabase db) {
    this.db = db;
  }

  @Test
  void generateMigrateCreateTenantsUseThemAndMoveOne() {
    Path generated = ThrowawaySchema.migrate(Saas.domain(), db.dataSource());
    assertThat(tableType(db, "public.users")).isEqualTo("reference");
    assertThat(strings(db.coordinator(), "SELECT citus_table_type || ' by ' || distribution_column FROM citus_tables"
        + " WHERE table_name = 'public.audit_entries'::regclass")).containsExactly("distributed by org");
    assertThat(tableType(db, "public.schema_migrations")).isNull();

    DataLayer dl = DataLayer.of(Saas.domain(), db.dataSource())
        .withTenantMigrations(generated.resolve(Saas.REPO + "/tenant_migrations").toString());
    Row ann = dl.create(Changeset.create(Saas.USER).set("name", "ann"));
    List<String> tenants = List.of(organization(dl, "Acme"), organization(dl, "Bolt"));
    assertThat(distributedSchemas(db)).containsAll(tenants);
    for (String tenant : tenants) {
      assertThat(tableType(db, tenant + ".tasks")).isEqualTo("schema");
      assertThat(tableType(db, tenant + ".schema_migrations")).isEqualTo("schema");
    }
    List<MigrationStatus> status = TenantMigrator.create(db.dataSource(), MigratorOptions.builder()
        .repoName(Saas.REPO).location(generated.resolve(Saas.REPO + "/tenant_migrations").toString()).citus(true)
        .build(), TenantLister.of(tenants)).status();
    assertThat(status).allSatisfy(s -> {
      assertThat(s.applied()).isNotEmpty();
      assertThat(s.pending()).isEmpty();
    });

    String acme = tenants.get(0);
    DataLayer inAcme = dl.withTenant(acme);
    Row project = inAcme.create(Changeset.create(Saas.PROJECT).set("name", "Apollo").set("owner_id", ann.get("id")));
    for (int i = 1; i <= 3; i++) {
      inAcme.create(Changeset.create(Saas.TASK).set("title", "task " + i).set("points", i)
          .set("project_id", project.get("id")).set("assignee_id", ann.get("id")));
    }
    inAcme.create(Changeset.create(Saas.AUDIT).set("message", "created Apollo"));
    dl.withTenant(tenants.get(1)).create(Changeset.create(Saas.AUDIT).set("message", "someone else's"));

    CitusNode elsewhere = new CitusNode("127.0.0.1", CitusCatalog.otherWorker(db, nodePortOf(db, acme)).server()
        .port());
    CitusTenants.of(db.dataSource()).move(acme, elsewhere, ShardTransferMode.BLOCK_WRITES);

    assertThat(nodePortOf(db, acme)).isEqualTo(elsewhere.port());
    Row read = inAcme.read(Query.of(Saas.PROJECT).load("tasks").load("owner")
        .aggregate("points", Aggregate.sum("tasks", "points"))).get(0);
    assertThat(read.many("tasks")).hasSize(3);
    assertThat(read.one("owner").orElseThrow().getString("name")).isEqualTo("ann");
    assertThat(read.getLong("points")).isEqualTo(6);
    assertThat(inAcme.read(Query.of(Saas.AUDIT))).extracting(r -> r.getString("message"))
        .containsExactly("created Apollo");
    assertThat(inAcme.count(Query.of(Saas.TASK).filter(attr("points").gt(1)))).isEqualTo(2);
  }

  private static String organization(DataLayer dl, String name) {
    return "org_" + dl.create(Changeset.create(Saas.ORGANIZATION).set("name", name)).getLong("id");
  }
}
