package io.ashpg.data;

import static io.ashpg.sql.Exprs.attr;
import static io.ashpg.sql.Exprs.fragment;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ashpg.error.InvalidQueryException;
import io.ashpg.error.StaleRecordException;
import io.ashpg.fixtures.Seed;
import io.ashpg.resource.Domain;
import io.ashpg.tenancy.MultiTenancy;
import io.ashpg.testing.WithPostgres;
import io.ashpg.testing.TestDatabase;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Schema-per-tenant multitenancy against PostgreSQL: organizations own {@code org_<id>} schemas (manage_tenant),
 * created and migrated with the generated tenant migrations; invoices live in them and never leak across tenants.
 */
@WithPostgres
class ContextMultitenancyTest {
  private static Path db;

  private final TestDatabase database;
  private final DataLayer dl;

  ContextMultitenancyTest(TestDatabase database) {
    this.database = database;
    this.dl = DataLayer.of(domain(), database.dataSource())
        .withTenantMigrations(db.resolve("plain_repo/tenant_migrations").toString());
  }

  static Domain domain() {
    return Domain.of(Seed.tenants());
  }

  @BeforeAll
  static void schema(TestDatabase database) {
    db = Schema.migrate(database, domain());
  }

  private Row org(String name) {
    return dl.create(Changeset.create(Seed.ORGANIZATION).set("name", name));
  }

  private static String tenantOf(Row org) {
    return "org_" + org.getLong("id");
  }

  private Row invoice(Row org, String number, String amount) {
    return dl.create(Changeset.create(Seed.INVOICE).tenant(tenantOf(org)).set("number", number)
        .set("amount", new BigDecimal(amount)).set("organization_id", org.getLong("id")));
  }

  @Test
  void bulkCreateAndUpsertWriteTheTenantSchema() {
    Row a = org("BulkA");
    Row b = org("BulkB");
    DataLayer inA = dl.withTenant(tenantOf(a));
    BulkResult created = inA.bulkCreate(Seed.INVOICE, List.of(
        java.util.Map.of("number", "B-1", "amount", new BigDecimal("1.005"), "organization_id", a.getLong("id")),
        java.util.Map.of("number", "B-2", "amount", new BigDecimal("2"), "organization_id", a.getLong("id"))));
    // numeric(12,2): what comes back is what the tenant's table stored
    assertThat(created.rows()).extracting(r -> r.getBigDecimal("amount"))
        .containsExactly(new BigDecimal("1.01"), new BigDecimal("2.00"));
    BulkResult upserted = inA.bulkCreate(Seed.INVOICE, List.of(java.util.Map.of("number", "B-1", "amount",
        new BigDecimal("7"), "organization_id", a.getLong("id"))), BulkOptions.defaults()
        .upsert("unique_number", List.of("amount")));
    assertThat(upserted.rows()).singleElement().satisfies(r -> {
      assertThat(r.getUuid("id")).isEqualTo(created.rows().get(0).getUuid("id"));
      assertThat(r.getBigDecimal("amount")).isEqualTo(new BigDecimal("7.00"));
    });
    assertThat(dl.read(Query.of(Seed.INVOICE).tenant(tenantOf(a)).sort(Sort.asc("number"))))
        .extracting(r -> r.getBigDecimal("amount")).containsExactly(new BigDecimal("7.00"), new BigDecimal("2.00"));
    assertThat(dl.count(Query.of(Seed.INVOICE).tenant(tenantOf(b)))).isZero();
  }

  @Test
  void creatingAnOrganizationCreatesAndMigratesItsSchemaAndTenantsAreIsolated() {
    Row a = org("Acme");
    Row b = org("Bolt");
    assertThat(MultiTenancy.listTenants(database.dataSource(), "org_")).contains(tenantOf(a), tenantOf(b));

    Row ia = invoice(a, "INV-1", "10.00");
    invoice(b, "INV-1", "99.00"); // same number: the identity is unique per tenant schema
    invoice(b, "INV-2", "5.00");

    List<Row> seenByA = dl.read(Query.of(Seed.INVOICE).tenant(tenantOf(a)));
    assertThat(seenByA).extracting(r -> r.getString("number")).containsExactly("INV-1");
    assertThat(seenByA.get(0).getBigDecimal("amount")).isEqualByComparingTo("10.00");
    assertThat(dl.count(Query.of(Seed.INVOICE).tenant(tenantOf(b)))).isEqualTo(2);
    assertThat(dl.toSql(Query.of(Seed.INVOICE).tenant(tenantOf(a))).text())
        .contains("FROM \"" + tenantOf(a) + "\".\"invoices\"");

    // A's invoice does not exist in B's schema: writes through the wrong tenant find nothing.
    assertThatThrownBy(() -> dl.update(Changeset.update(Seed.INVOICE, ia).tenant(tenantOf(b)).set("number", "X")))
        .isInstanceOf(StaleRecordException.class);
    assertThatThrownBy(() -> dl.destroy(Changeset.destroy(Seed.INVOICE, ia).tenant(tenantOf(b))))
        .isInstanceOf(StaleRecordException.class);
    assertThat(dl.withTenant(tenantOf(a)).read(Query.of(Seed.INVOICE))).hasSize(1);
  }

  @Test
  void aTenantIsRequiredAndValidated() {
    assertThatThrownBy(() -> dl.read(Query.of(Seed.INVOICE)))
        .isInstanceOf(InvalidQueryException.class)
        .hasMessageContaining("invoice").hasMessageContaining("give a tenant");
    assertThatThrownBy(() -> dl.create(Changeset.create(Seed.INVOICE).set("number", "1")))
        .isInstanceOf(InvalidQueryException.class).hasMessageContaining("invoice");
    assertThatThrownBy(() -> dl.read(Query.of(Seed.INVOICE).tenant("org_1\"; DROP SCHEMA public; --")))
        .isInstanceOf(InvalidQueryException.class).hasMessageContaining("not a valid tenant name");
    assertThatThrownBy(() -> dl.read(Query.of(Seed.ORGANIZATION).tenant("org_1")))
        .isInstanceOf(InvalidQueryException.class).hasMessageContaining("not multitenant");
  }

  @Test
  void tenantTransactionsSetTheSearchPath() {
    Row a = org("Search");
    invoice(a, "S-1", "1.00");
    // The fragment names the table unqualified: only search_path can make it the tenant's.
    List<Row> rows = dl.transaction(tenantOf(a), tx -> tx.read(Query.of(Seed.INVOICE)
        .filter(fragment("(SELECT count(*) FROM invoices) = 1"))));
    assertThat(rows).extracting(r -> r.getString("number")).containsExactly("S-1");
    String expected = "\"" + tenantOf(a) + "\", public";
    long inTransaction = dl.transaction(tenantOf(a), tx -> tx.count(Query.of(Seed.INVOICE)
        .filter(fragment("current_setting('search_path') = ?", expected))));
    assertThat(inTransaction).isEqualTo(1);
    // SET LOCAL ends with the transaction: the pooled connection keeps its own search_path.
    assertThat(dl.count(Query.of(Seed.INVOICE).tenant(tenantOf(a))
        .filter(fragment("current_setting('search_path') = ?", expected)))).isZero();
  }

  @Test
  void changingTheTemplateAttributeRenamesTheSchema() {
    Row org = org("Renamed");
    String before = tenantOf(org);
    Row updated = dl.update(Changeset.update(Seed.ORGANIZATION, org).force("id", 4242L));
    assertThat(updated.getLong("id")).isEqualTo(4242L);
    List<String> tenants = MultiTenancy.listTenants(database.dataSource(), "org_");
    assertThat(tenants).contains("org_4242").doesNotContain(before);
    invoice(updated, "R-1", "3.00");
    assertThat(dl.read(Query.of(Seed.INVOICE).tenant("org_4242").filter(attr("number").eq("R-1")))).hasSize(1);
    // An update that leaves the template alone does not touch the schema.
    dl.update(Changeset.update(Seed.ORGANIZATION, updated).set("name", "Still"));
    assertThat(MultiTenancy.listTenants(database.dataSource(), "org_4242")).containsExactly("org_4242");
  }

  @Test
  void upsertsOfTenantOwningResourcesAreRefused() {
    assertThatThrownBy(() -> dl.upsert(Changeset.create(Seed.ORGANIZATION).set("name", "x"), ""))
        .isInstanceOf(InvalidQueryException.class).hasMessageContaining("owns a tenant");
    assertThatThrownBy(() -> dl.bulkCreate(Seed.ORGANIZATION, List.of(java.util.Map.of("name", "x"))))
        .isInstanceOf(InvalidQueryException.class).hasMessageContaining("owns a tenant");
  }

  @Test
  void multiTenancyHelpersCreateMigrateRenameListAndDrop() {
    String location = db.resolve("plain_repo/tenant_migrations").toString();
    var result = MultiTenancy.createTenant(database.dataSource(), "plain_repo", location, "helper_one");
    assertThat(result.succeeded()).isTrue();
    assertThat(result.versions()).isNotEmpty();
    dl.create(Changeset.create(Seed.INVOICE).tenant("helper_one").set("number", "H").set("amount", BigDecimal.ONE)
        .set("organization_id", org("Helper").getLong("id")));
    MultiTenancy.renameTenant(database.dataSource(), "helper_one", "helper_two");
    assertThat(MultiTenancy.listTenants(database.dataSource(), "helper_")).containsExactly("helper_two");
    assertThat(dl.read(Query.of(Seed.INVOICE).tenant("helper_two"))).hasSize(1);
    assertThat(MultiTenancy.migrateTenant(database.dataSource(), "plain_repo", location, "helper_two").versions())
        .isEmpty();
    MultiTenancy.dropTenant(database.dataSource(), "helper_two");
    assertThat(MultiTenancy.listTenants(database.dataSource(), "helper_")).isEmpty();
    assertThatThrownBy(() -> MultiTenancy.createSchema(database.dataSource(), "bad name"))
        .isInstanceOf(InvalidQueryException.class).hasMessageContaining("bad name");
  }
}
