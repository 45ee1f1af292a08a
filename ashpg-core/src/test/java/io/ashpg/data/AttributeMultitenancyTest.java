package io.ashpg.data;

import static io.ashpg.sql.Exprs.attr;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ashpg.error.InvalidQueryException;
import io.ashpg.error.StaleRecordException;
import io.ashpg.resource.Domain;
import io.ashpg.resource.Multitenancy;
import io.ashpg.resource.Resource;
import io.ashpg.resource.Type;
import io.ashpg.testing.WithPostgres;
import io.ashpg.testing.TestDatabase;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Attribute multitenancy: one shared table, the tenant column filtered on every read and write and set on create. */
@WithPostgres
class AttributeMultitenancyTest {
  static final Resource TICKET = Resource.define("ticket", r -> r
      .postgres(pg -> pg.repo(PlainDataRepo.class).table("tickets"))
      .multitenancy(m -> m.strategy(Multitenancy.Strategy.ATTRIBUTE).attribute("org"))
      .uuidPrimaryKey("id")
      .attribute("org", Type.STRING, a -> a.allowNil(false))
      .attribute("title", Type.STRING, a -> a.allowNil(false))
      .attribute("votes", Type.INTEGER, a -> a.defaultValue(0L))
      .identity("unique_title", "title"));

  static final Resource SETTING = Resource.define("setting", r -> r
      .postgres(pg -> pg.repo(PlainDataRepo.class).table("settings"))
      .multitenancy(m -> m.strategy(Multitenancy.Strategy.ATTRIBUTE).attribute("org").global(true))
      .uuidPrimaryKey("id")
      .attribute("org", Type.STRING)
      .attribute("key", Type.STRING));

  private final TestDatabase db;
  private final DataLayer dl;

  AttributeMultitenancyTest(TestDatabase db) {
    this.db = db;
    this.dl = DataLayer.of(domain(), db.dataSource());
  }

  static Domain domain() {
    return Domain.of(List.of(TICKET, SETTING));
  }

  @BeforeAll
  static void schema(TestDatabase db) {
    Schema.migrate(db, domain());
  }

  @BeforeEach
  void clean() throws Exception {
    try (Connection c = db.connect(); Statement s = c.createStatement()) {
      s.execute("TRUNCATE public.tickets, public.settings");
    }
  }

  private Row ticket(String tenant, String title) {
    return dl.create(Changeset.create(TICKET).tenant(tenant).set("title", title));
  }

  @Test
  void everyReadAndWriteIsScopedToTheTenant() {
    Row a = ticket("acme", "Printer");
    ticket("bolt", "Printer"); // the identity is unique per tenant
    ticket("bolt", "Coffee");
    assertThat(a.getString("org")).isEqualTo("acme");

    assertThat(dl.read(Query.of(TICKET).tenant("acme"))).extracting(r -> r.getString("title"))
        .containsExactly("Printer");
    assertThat(dl.count(Query.of(TICKET).tenant("bolt"))).isEqualTo(2);
    assertThat(dl.withTenant("bolt").read(Query.of(TICKET).filter(attr("title").eq("Coffee")))).hasSize(1);
    assertThat(dl.toSql(Query.of(TICKET).tenant("acme")).text()).contains("t0.\"org\" = ?");

    assertThatThrownBy(() -> dl.update(Changeset.update(TICKET, a).tenant("bolt").set("title", "stolen")))
        .isInstanceOf(StaleRecordException.class);
    assertThatThrownBy(() -> dl.destroy(Changeset.destroy(TICKET, a).tenant("bolt")))
        .isInstanceOf(StaleRecordException.class);
    assertThat(dl.update(Changeset.update(TICKET, a).tenant("acme").set("votes", 3L)).getLong("votes")).isEqualTo(3);

    assertThat(dl.bulkUpdate(Query.of(TICKET).tenant("bolt"), Map.of("votes", 7L)).count()).isEqualTo(2);
    assertThat(dl.read(Query.of(TICKET).tenant("acme")).get(0).getLong("votes")).isEqualTo(3);
    assertThat(dl.bulkDestroy(Query.of(TICKET).tenant("bolt")).count()).isEqualTo(2);
    assertThat(dl.count(Query.of(TICKET).tenant("acme"))).isEqualTo(1);
  }

  @Test
  void createsTakeTheTenantEvenOverAGivenValue() {
    Row r = dl.create(Changeset.create(TICKET).tenant("acme").set("org", "bolt").set("title", "x"));
    assertThat(r.getString("org")).isEqualTo("acme");
    var bulk = dl.withTenant("bolt").bulkCreate(TICKET, List.of(Map.of("title", "b1"), Map.of("title", "b2")));
    assertThat(bulk.rows()).extracting(row -> row.getString("org")).containsOnly("bolt");
  }

  @Test
  void upsertsConflictOnTheIdentityWithinTheTenant() {
    ticket("acme", "Same");
    ticket("bolt", "Same");
    Row up = dl.upsert(Changeset.create(TICKET).tenant("acme").set("title", "Same").set("votes", 9L), "unique_title",
        List.of("votes"));
    assertThat(up.getString("org")).isEqualTo("acme");
    assertThat(dl.read(Query.of(TICKET).tenant("acme")).get(0).getLong("votes")).isEqualTo(9);
    assertThat(dl.read(Query.of(TICKET).tenant("bolt")).get(0).getLong("votes")).isZero();
  }

  @Test
  void aTenantIsRequiredUnlessTheResourceIsGlobal() {
    assertThatThrownBy(() -> dl.read(Query.of(TICKET)))
        .isInstanceOf(InvalidQueryException.class)
        .hasMessageContaining("ticket").hasMessageContaining("'org'").hasMessageContaining("give a tenant");
    assertThatThrownBy(() -> dl.create(Changeset.create(TICKET).set("title", "t")))
        .isInstanceOf(InvalidQueryException.class).hasMessageContaining("ticket");

    dl.create(Changeset.create(SETTING).tenant("acme").set("key", "a"));
    dl.create(Changeset.create(SETTING).tenant("bolt").set("key", "b"));
    assertThat(dl.read(Query.of(SETTING))).hasSize(2);
    assertThat(dl.read(Query.of(SETTING).tenant("bolt"))).extracting(r -> r.getString("key")).containsExactly("b");
  }
}
