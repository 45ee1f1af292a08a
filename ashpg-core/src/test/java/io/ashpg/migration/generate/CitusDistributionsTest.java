package io.ashpg.migration.generate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ashpg.fixtures.PlainRepo;
import io.ashpg.fixtures.Saas;
import io.ashpg.fixtures.SaasRepo;
import io.ashpg.migration.snapshot.DistributionSnapshot;
import io.ashpg.migration.snapshot.TableKey;
import io.ashpg.migration.snapshot.TableSnapshot;
import io.ashpg.resource.DefinitionException;
import io.ashpg.resource.Distribution;
import io.ashpg.resource.Domain;
import io.ashpg.resource.Multitenancy;
import io.ashpg.resource.Problem;
import io.ashpg.resource.Resource;
import io.ashpg.resource.ResourceBuilder;
import io.ashpg.resource.Type;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** How a Citus repo places its tables, and every refusal of Citus reported as a definition problem. */
class CitusDistributionsTest {

  private static Resource res(String name, String table, Consumer<ResourceBuilder> body) {
    return Resource.define(name, r -> {
      r.postgres(pg -> pg.repo(SaasRepo.class).table(table));
      body.accept(r);
    });
  }

  private static Resource tenantScoped(String name, String table, Consumer<ResourceBuilder> body) {
    return res(name, table, r -> {
      r.multitenancy(m -> m.strategy(Multitenancy.Strategy.CONTEXT)).uuidPrimaryKey("id");
      body.accept(r);
    });
  }

  /** Attribute-multitenant by {@code org_id}, which is part of the primary key. */
  private static Resource byOrg(String name, String table, Consumer<ResourceBuilder> body) {
    return res(name, table, r -> {
      r.multitenancy(m -> m.strategy(Multitenancy.Strategy.ATTRIBUTE).attribute("org_id")).uuidPrimaryKey("id")
          .attribute("org_id", Type.INTEGER, a -> a.allowNil(false).primaryKey(true));
      body.accept(r);
    });
  }

  private static Resource plain(String name, String table, Consumer<ResourceBuilder> body) {
    return res(name, table, r -> {
      r.uuidPrimaryKey("id");
      body.accept(r);
    });
  }

  /** Global tables by name → placement (absent: local); tenant tables by {@code tenant:name}. */
  private static Map<String, DistributionSnapshot> placements(Resource... resources) {
    Map<String, DistributionSnapshot> out = new HashMap<>();
    for (RepoSnapshots repo : new SnapshotBuilder().build(Domain.of(List.of(resources)))) {
      for (TableSnapshot t : repo.tables()) {
        out.put((t.isTenant() ? "tenant:" : "") + t.table(), t.distribution());
      }
    }
    return out;
  }

  private static DefinitionException refused(Resource... resources) {
    Throwable t = org.assertj.core.api.Assertions.catchThrowable(
        () -> new SnapshotBuilder().build(Domain.of(List.of(resources))));
    assertThat(t).isInstanceOf(DefinitionException.class);
    return (DefinitionException) t;
  }

  /** Exactly one problem, on {@code resource} and {@code option}, saying {@code words}. */
  private static void single(DefinitionException e, String resource, String option, String... words) {
    assertThat(e.problems()).as(e.getMessage()).singleElement().satisfies(p -> {
      assertThat(p.resource()).isEqualTo(resource);
      assertThat(p.option()).isEqualTo(option);
      assertThat(p.message()).contains(words);
    });
  }

  @Nested
  class Defaults {
    @Test
    void theSaasShape() {
      Map<String, DistributionSnapshot> p = placements(Saas.resources().toArray(Resource[]::new));
      assertThat(p.get("users")).isEqualTo(DistributionSnapshot.reference());
      assertThat(p.get("organizations")).isEqualTo(DistributionSnapshot.reference());
      assertThat(p.get("audit_log")).isEqualTo(DistributionSnapshot.distributed("org_id", null));
      assertThat(p).containsEntry("tenant:projects", null).containsEntry("tenant:tasks", null);
    }

    @Test
    void withoutTheSettingNothingIsPlaced() {
      Resource user = Resource.define("user", r -> r.postgres(pg -> pg.repo(PlainRepo.class).table("users"))
          .uuidPrimaryKey("id"));
      Resource project = Resource.define("project", r -> r.postgres(pg -> pg.repo(PlainRepo.class).table("projects"))
          .multitenancy(m -> m.strategy(Multitenancy.Strategy.CONTEXT)).uuidPrimaryKey("id")
          .belongsTo("owner", "user"));
      Resource audit = Resource.define("audit", r -> r.postgres(pg -> pg.repo(PlainRepo.class).table("audit"))
          .multitenancy(m -> m.strategy(Multitenancy.Strategy.ATTRIBUTE).attribute("org_id")).uuidPrimaryKey("id")
          .attribute("org_id", Type.INTEGER));
      assertThat(placements(user, project, audit).values()).containsOnlyNulls().hasSize(3);
    }

    @Test
    void referenceTablesPullInWhatTheyReferenceAndNothingElse() {
      Resource country = plain("country", "countries", r -> { });
      Resource region = plain("region", "regions", r -> r.belongsTo("country", "country"));
      Resource user = plain("user", "users", r -> r.belongsTo("region", "region"));
      Resource unrelated = plain("job", "jobs", r -> r.belongsTo("user", "user"));
      Resource project = tenantScoped("project", "projects", r -> r.belongsTo("owner", "user"));
      Map<String, DistributionSnapshot> p = placements(country, region, user, unrelated, project);
      assertThat(p.get("users")).isEqualTo(DistributionSnapshot.reference());
      assertThat(p.get("regions")).isEqualTo(DistributionSnapshot.reference());
      assertThat(p.get("countries")).isEqualTo(DistributionSnapshot.reference());
      assertThat(p).containsEntry("jobs", null); // a local table may reference a reference table
    }

    @Test
    void aDistributedTableIsColocatedWithTheDistributedTableItReferences() {
      Resource account = byOrg("account", "accounts", r -> { });
      Resource entry = byOrg("entry", "entries", r -> r
          .postgres(pg -> pg.reference("account", ref -> ref.matchTenant(true)))
          .belongsTo("account", "account"));
      assertThat(placements(account, entry).get("entries"))
          .isEqualTo(DistributionSnapshot.distributed("org_id", new TableKey(null, "accounts")));
    }

    @Test
    void overridesWin() {
      Resource user = plain("user", "users", r -> r.postgres(pg -> pg.distribution(Distribution.local())));
      Resource event = byOrg("event", "events", r -> r.postgres(pg -> pg.distribution(Distribution.referenceTable())));
      Resource metric = plain("metric", "metrics", r -> r
          .attribute("org_id", Type.INTEGER, a -> a.allowNil(false).primaryKey(true))
          .postgres(pg -> pg.distribution(Distribution.distributedBy("org_id").colocatedWith("account"))));
      Resource account = byOrg("account", "accounts", r -> { });
      Map<String, DistributionSnapshot> p = placements(user, event, metric, account);
      assertThat(p).containsEntry("users", null);
      assertThat(p.get("events")).isEqualTo(DistributionSnapshot.reference());
      assertThat(p.get("metrics")).isEqualTo(DistributionSnapshot.distributed("org_id", new TableKey(null, "accounts")));
    }
  }

  @Nested
  class UniqueKeys {
    @Test
    void aPrimaryKeyWithoutTheDistributionColumn() {
      Resource audit = res("audit", "audit", r -> r.uuidPrimaryKey("id")
          .multitenancy(m -> m.strategy(Multitenancy.Strategy.ATTRIBUTE).attribute("org_id"))
          .attribute("org_id", Type.INTEGER, a -> a.allowNil(false)));
      single(refused(audit), "audit", "primaryKey", "(id)", "\"org_id\"", "primaryKey(true)",
          "Distribution.referenceTable()");
    }

    @Test
    void anIdentityForAllTenants() {
      Resource audit = byOrg("audit", "audit", r -> r.attribute("code", Type.STRING)
          .identity("unique_code", List.of("code"), i -> i.allTenants(true)));
      single(refused(audit), "audit", "identity(unique_code)", "audit_unique_code_index", "\"org_id\"",
          "allTenants(true)", "skipUniqueIndexes(\"unique_code\")");
      // per tenant, the tenant column leads the index: accepted
      assertThat(placements(byOrg("audit", "audit", r -> r.attribute("code", Type.STRING)
          .identity("unique_code", "code"))).get("audit")).isNotNull();
    }

    @Test
    void aUniqueCustomIndexOnADeclaredDistribution() {
      Resource metric = plain("metric", "metrics", r -> r
          .attribute("org_id", Type.INTEGER, a -> a.allowNil(false).primaryKey(true))
          .attribute("name", Type.STRING)
          .postgres(pg -> pg.distribution(Distribution.distributedBy("org_id"))
              .customIndex(i -> i.fields("name").unique(true))));
      single(refused(metric), "metric", "customIndex(metrics_name_index)", "\"org_id\"", "make it non-unique");
    }

    @Test
    void aDistributionColumnLeftOutOfMigrations() {
      Resource metric = plain("metric", "metrics", r -> r.attribute("org_id", Type.INTEGER)
          .postgres(pg -> pg.distribution(Distribution.distributedBy("org_id")).migrationIgnoreAttributes("org_id")));
      single(refused(metric), "metric", "distribution.distributedBy", "not one of its columns");
    }

    @Test
    void everyProblemAtOnce() {
      Resource a = res("a", "a", r -> r.uuidPrimaryKey("id")
          .multitenancy(m -> m.strategy(Multitenancy.Strategy.ATTRIBUTE).attribute("org_id"))
          .attribute("org_id", Type.INTEGER));
      Resource b = res("b", "b", r -> r.uuidPrimaryKey("id")
          .multitenancy(m -> m.strategy(Multitenancy.Strategy.ATTRIBUTE).attribute("org_id"))
          .attribute("org_id", Type.INTEGER));
      assertThat(refused(a, b).problems()).extracting(Problem::resource).containsExactly("a", "b");
    }
  }

  @Nested
  class ForeignKeys {
    @Test
    void fromATenantTableToALocalOne() {
      Resource user = plain("user", "users", r -> r.postgres(pg -> pg.distribution(Distribution.local())));
      Resource project = tenantScoped("project", "projects", r -> r.belongsTo("owner", "user"));
      single(refused(user, project), "project", "belongsTo(owner)", "projects_owner_id_fkey",
          "tables in tenant schemas may reference only reference tables", "local table",
          "remove its distribution(...)", "reference(\"owner\", r -> r.ignore(true))");
    }

    @Test
    void fromATenantTableToADistributedOne() {
      Resource account = byOrg("account", "accounts", r -> { });
      Resource project = tenantScoped("project", "projects", r -> r.belongsTo("account", "account"));
      single(refused(account, project), "project", "belongsTo(account)", "distributed by \"org_id\"",
          "Distribution.referenceTable()");
    }

    @Test
    void fromAReferenceTableToADistributedOne() {
      Resource account = byOrg("account", "accounts", r -> { });
      Resource plan = plain("plan", "plans", r -> r.belongsTo("account", "account")
          .postgres(pg -> pg.distribution(Distribution.referenceTable())));
      single(refused(account, plan), "plan", "belongsTo(account)", "reference tables may reference only reference"
          + " tables");
    }

    @Test
    void fromADistributedTableToALocalOne() {
      Resource user = plain("user", "users", r -> r.postgres(pg -> pg.distribution(Distribution.local())));
      Resource audit = byOrg("audit", "audit", r -> r.belongsTo("actor", "user"));
      single(refused(user, audit), "audit", "belongsTo(actor)", "from a distributed table to a local one",
          "remove its distribution(Distribution.local())");
    }

    @Test
    void fromALocalTableToADistributedOne() {
      Resource account = byOrg("account", "accounts", r -> { });
      Resource job = plain("job", "jobs", r -> r.belongsTo("account", "account"));
      single(refused(account, job), "job", "belongsTo(account)", "from a local table to a distributed one",
          "Distribution.distributedBy(...)");
    }

    @Test
    void betweenDistributedTablesWithoutTheirDistributionColumns() {
      // under attribute multitenancy on both sides ashpg matches the tenant columns itself (accepted) ...
      Resource account = byOrg("account", "accounts", r -> { });
      assertThat(placements(account, byOrg("entry", "entries", r -> r.belongsTo("account", "account")))
          .get("entries")).isNotNull();
      // ... but not towards a table distributed by declaration
      Resource metric = plain("metric", "metrics", r -> r
          .attribute("org_id", Type.INTEGER, a -> a.allowNil(false).primaryKey(true))
          .postgres(pg -> pg.distribution(Distribution.distributedBy("org_id"))));
      Resource entry = byOrg("entry", "entries", r -> r.belongsTo("metric", "metric"));
      single(refused(metric, entry), "entry", "belongsTo(metric)", "(metric_id) → metrics(id)",
          "does not pair \"org_id\" with \"org_id\"", "r.matchTenant(true)", "r.matchWith(");
    }
  }

  @Nested
  class Colocation {
    private final Resource account = byOrg("account", "accounts", r -> { });

    @Test
    void withATableThatIsNotDistributed() {
      Resource plan = plain("plan", "plans", r -> r.postgres(pg -> pg.distribution(Distribution.referenceTable())));
      Resource metric = plain("metric", "metrics", r -> r
          .attribute("org_id", Type.INTEGER, a -> a.allowNil(false).primaryKey(true))
          .postgres(pg -> pg.distribution(Distribution.distributedBy("org_id").colocatedWith("plan"))));
      single(refused(plan, metric), "metric", "distribution.colocatedWith", "reference table",
          "Citus colocates only distributed tables");
    }

    @Test
    void byAColumnOfAnotherType() {
      Resource metric = plain("metric", "metrics", r -> r
          .attribute("org_id", Type.UUID, a -> a.allowNil(false).primaryKey(true))
          .postgres(pg -> pg.distribution(Distribution.distributedBy("org_id").colocatedWith("account"))));
      single(refused(account, metric), "metric", "distribution.colocatedWith", "(uuid)", "of another type");
    }

    @Test
    void withItself() {
      Resource metric = plain("metric", "metrics", r -> r
          .attribute("org_id", Type.INTEGER, a -> a.allowNil(false).primaryKey(true))
          .postgres(pg -> pg.distribution(Distribution.distributedBy("org_id").colocatedWith("metric"))));
      single(refused(metric), "metric", "distribution.colocatedWith", "with itself");
    }
  }

  @Nested
  class Declarations {
    @Test
    void onARepoThatIsNotOnCitus() {
      Resource r = Resource.define("user", b -> b.postgres(pg -> pg.repo(PlainRepo.class).table("users")
          .distribution(Distribution.referenceTable())).uuidPrimaryKey("id"));
      assertThatThrownBy(() -> Domain.of(List.of(r))).isInstanceOf(DefinitionException.class)
          .satisfies(e -> single((DefinitionException) e, "user", "distribution", "PlainRepo.citus() is false"));
    }

    @Test
    void onAContextMultitenantResource() {
      Resource project = tenantScoped("project", "projects", r -> r
          .postgres(pg -> pg.distribution(Distribution.referenceTable())));
      assertThatThrownBy(() -> Domain.of(List.of(project))).isInstanceOf(DefinitionException.class)
          .satisfies(e -> single((DefinitionException) e, "project", "distribution", "schema-based sharding"));
    }

    @Test
    void namingWhatDoesNotExist() {
      Resource metric = plain("metric", "metrics", r -> r
          .postgres(pg -> pg.distribution(Distribution.distributedBy("org").colocatedWith("acount"))));
      assertThatThrownBy(() -> Domain.of(List.of(metric))).isInstanceOf(DefinitionException.class)
          .satisfies(e -> assertThat(((DefinitionException) e).problems()).extracting(Problem::option)
              .containsExactly("distribution.distributedBy", "distribution.colocatedWith"))
          .hasMessageContaining("\"org\" does not exist").hasMessageContaining("\"acount\" does not exist");
    }

    @Test
    void differentlyOnResourcesSharingATable() {
      Resource a = plain("a", "shared", r -> r.postgres(pg -> pg.distribution(Distribution.referenceTable())));
      Resource b = plain("b", "shared", r -> r.postgres(pg -> pg.distribution(Distribution.local())));
      single(refused(a, b), "b", "distribution", "also stored by resource \"a\"");
    }
  }
}
