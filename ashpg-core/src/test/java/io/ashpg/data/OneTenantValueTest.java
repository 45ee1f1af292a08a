package io.ashpg.data;

import static io.ashpg.sql.Exprs.attr;
import static io.ashpg.sql.Exprs.parent;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ashpg.error.InvalidQueryException;
import io.ashpg.resource.Domain;
import io.ashpg.resource.Multitenancy;
import io.ashpg.resource.Resource;
import io.ashpg.resource.TemplatePart;
import io.ashpg.resource.Type;
import io.ashpg.testing.TestDatabase;
import io.ashpg.testing.WithPostgres;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * One tenant value for both strategies (AshPostgres's ToTenant): the organization record or its id is the schema
 * {@code org_<id>} for schema-per-tenant projects and the value {@code <id>} of {@code org_id} for the shared
 * members table, in one request.
 */
@WithPostgres
class OneTenantValueTest {
  static final Resource ORG = Resource.define("org", r -> r
      .postgres(pg -> pg.repo(PlainDataRepo.class).table("orgs")
          .manageTenant(t -> t.template("org_", TemplatePart.attr("id"))))
      .integerPrimaryKey("id")
      .attribute("name", Type.STRING, a -> a.allowNil(false)));

  static final Resource PROJECT = Resource.define("project", r -> r
      .postgres(pg -> pg.repo(PlainDataRepo.class).table("projects"))
      .multitenancy(m -> m.strategy(Multitenancy.Strategy.CONTEXT))
      .uuidPrimaryKey("id")
      .attribute("name", Type.STRING, a -> a.allowNil(false))
      .hasMany("members", "member", rel -> rel.destinationAttribute("project_id")));

  static final Resource MEMBER = Resource.define("member", r -> r
      .postgres(pg -> pg.repo(PlainDataRepo.class).table("members"))
      .multitenancy(m -> m.strategy(Multitenancy.Strategy.ATTRIBUTE).attribute("org_id"))
      .uuidPrimaryKey("id")
      .attribute("org_id", Type.INTEGER, a -> a.allowNil(false))
      .attribute("project_id", Type.UUID)
      .attribute("email", Type.STRING, a -> a.allowNil(false)));

  private static Path migrations;

  private final List<StatementEvent> events = new CopyOnWriteArrayList<>();
  private final DataLayer dl;

  OneTenantValueTest(TestDatabase db) {
    this.dl = DataLayer.of(domain(), db.dataSource())
        .withTenantMigrations(migrations.resolve("plain_data_repo/tenant_migrations").toString())
        .withListener(events::add);
  }

  static Domain domain() {
    return Domain.of(List.of(ORG, PROJECT, MEMBER));
  }

  @BeforeAll
  static void schema(TestDatabase db) {
    migrations = Schema.migrate(db, domain());
  }

  private Row org(String name) {
    return dl.create(Changeset.create(ORG).set("name", name));
  }

  /** A project and its two members, written through one tenant value in one transaction. */
  private Row seed(Object tenant) {
    return dl.transaction(tenant, tx -> {
      Row p = tx.create(Changeset.create(PROJECT).set("name", "apollo"));
      tx.bulkCreate(MEMBER, List.of(Map.of("email", "a@x", "project_id", p.get("id")),
          Map.of("email", "b@x", "project_id", p.get("id"))));
      return p;
    });
  }

  @Test
  void theOwnerRecordDrivesBothStrategies() {
    Row acme = org("acme");
    Row bolt = org("bolt");
    long acmeId = acme.getLong("id");
    events.clear();
    Row project = seed(acme);
    // the project went to acme's schema, the members got acme's id as org_id
    assertThat(events).filteredOn(e -> e.resource().equals(java.util.Optional.of("project")))
        .allSatisfy(e -> assertThat(e.tenant()).contains("org_" + acmeId));
    assertThat(events).filteredOn(e -> e.resource().equals(java.util.Optional.of("member")))
        .allSatisfy(e -> assertThat(e.tenant()).contains(Long.toString(acmeId)));
    assertThat(dl.read(Query.of(MEMBER).tenant(Long.toString(acmeId)))).hasSize(2)
        .allSatisfy(m -> assertThat(m.getLong("org_id")).isEqualTo(acmeId));
    assertThat(dl.read(Query.of(PROJECT).tenant("org_" + acmeId))).singleElement()
        .satisfies(p -> assertThat(p.get("id")).isEqualTo(project.get("id")));

    // one request, one tenant value: reads of both, a load across the strategies and an aggregate over it
    DataLayer inAcme = dl.withTenant(acme);
    assertThat(inAcme.tenantValue()).contains(acme);
    List<Row> projects = inAcme.read(Query.of(PROJECT).load("members")
        .aggregate("member_count", Aggregate.count("members"))
        .aggregate("all_members", Aggregate.count(MEMBER)));
    assertThat(projects).singleElement().satisfies(p -> {
      assertThat(p.many("members")).extracting(m -> m.getString("email")).containsExactlyInAnyOrder("a@x", "b@x");
      assertThat(p.get("member_count")).isEqualTo(2L);
      assertThat(p.get("all_members")).isEqualTo(2L);
    });
    assertThat(inAcme.count(Query.of(MEMBER))).isEqualTo(2);

    // the other tenant sees none of it, whether given as record or id
    assertThat(dl.withTenant(bolt).count(Query.of(MEMBER))).isZero();
    assertThat(dl.withTenant(bolt.getLong("id")).count(Query.of(PROJECT))).isZero();
  }

  @Test
  void theIdAloneWorksToo() {
    Row org = org("cygnus");
    long id = org.getLong("id");
    seed(id);
    DataLayer byId = dl.withTenant(id);
    assertThat(byId.count(Query.of(PROJECT))).isEqualTo(1);
    assertThat(byId.count(Query.of(MEMBER))).isEqualTo(2);
    assertThat(byId.read(Query.of(MEMBER).aggregate("projects", Aggregate.count(PROJECT)
        .filter(attr("id").eq(parent("project_id")))))).allSatisfy(m -> assertThat(m.get("projects")).isEqualTo(1L));
    // an explicit tenant on the query still wins
    assertThat(byId.count(Query.of(MEMBER).tenant("0"))).isZero();
  }

  /** A tenant type of the application's own. */
  record Workspace(long orgId) {}

  @Test
  void aResolverMapsCustomTenantValues() {
    Row org = org("delta");
    long id = org.getLong("id");
    TenantResolver resolver = (tenant, resource) -> {
      Workspace w = (Workspace) tenant;
      return resource.multitenancy().orElseThrow().strategy() == Multitenancy.Strategy.CONTEXT
          ? "org_" + w.orgId() : Long.toString(w.orgId());
    };
    DataLayer custom = dl.withTenantResolver(resolver);
    custom.transaction(new Workspace(id), tx -> tx.create(Changeset.create(PROJECT).set("name", "x")));
    custom.withTenant(new Workspace(id)).create(Changeset.create(MEMBER).set("email", "c@x"));
    assertThat(dl.withTenant(org).count(Query.of(PROJECT))).isEqualTo(1);
    assertThat(dl.withTenant(org).read(Query.of(MEMBER))).singleElement()
        .satisfies(m -> assertThat(m.getLong("org_id")).isEqualTo(id));

    // the standard resolver cannot map a value it does not know, and says how to fix it
    assertThatThrownBy(() -> dl.withTenant(new Workspace(id)).count(Query.of(MEMBER)))
        .isInstanceOf(InvalidQueryException.class).hasMessageContaining("member")
        .hasMessageContaining("withTenantResolver");
  }
}
