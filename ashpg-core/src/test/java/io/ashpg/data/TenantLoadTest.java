package io.ashpg.data;

import static org.assertj.core.api.Assertions.assertThat;

import io.ashpg.repo.Repo;
import io.ashpg.resource.Domain;
import io.ashpg.resource.Multitenancy;
import io.ashpg.resource.Resource;
import io.ashpg.resource.Type;
import io.ashpg.tenancy.MultiTenancy;
import io.ashpg.testing.TestDatabase;
import io.ashpg.testing.WithPostgres;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Flat loads and grouped counts keep the destination's table rules: the parent's tenant (schema per tenant, or the
 * tenant attribute) and the destination's base filter. Each case plants a row that matches the parent key but must
 * be neither loaded nor counted.
 */
@WithPostgres
class TenantLoadTest {
  static final Resource TEAM = Resource.define("team", r -> r
      .postgres(pg -> pg.repo(PlainDataRepo.class).table("teams"))
      .multitenancy(m -> m.strategy(Multitenancy.Strategy.ATTRIBUTE).attribute("org"))
      .uuidPrimaryKey("id")
      .attribute("org", Type.STRING, a -> a.allowNil(false))
      .attribute("name", Type.STRING)
      .hasMany("members", "member"));

  static final Resource MEMBER = Resource.define("member", r -> r
      .postgres(pg -> pg.repo(PlainDataRepo.class).table("members"))
      .multitenancy(m -> m.strategy(Multitenancy.Strategy.ATTRIBUTE).attribute("org"))
      .uuidPrimaryKey("id")
      .attribute("org", Type.STRING, a -> a.allowNil(false))
      .attribute("name", Type.STRING)
      .belongsTo("team", "team"));

  static final Resource BOARD = Resource.define("board", r -> r
      .postgres(pg -> pg.repo(PlainDataRepo.class).table("boards"))
      .multitenancy(m -> m.strategy(Multitenancy.Strategy.CONTEXT))
      .uuidPrimaryKey("id")
      .attribute("name", Type.STRING)
      .hasMany("cards", "card"));

  static final Resource CARD = Resource.define("card", r -> r
      .postgres(pg -> pg.repo(PlainDataRepo.class).table("cards"))
      .multitenancy(m -> m.strategy(Multitenancy.Strategy.CONTEXT))
      .uuidPrimaryKey("id")
      .attribute("title", Type.STRING)
      .belongsTo("board", "board"));

  static final Resource SHELF = Resource.define("shelf", r -> r
      .postgres(pg -> pg.repo(PlainDataRepo.class).table("shelves"))
      .uuidPrimaryKey("id")
      .attribute("name", Type.STRING)
      .hasMany("books", "book"));

  static final Resource BOOK = Resource.define("book", r -> r
      .postgres(pg -> pg.repo(PlainDataRepo.class).table("books").baseFilterSql("archived = false"))
      .uuidPrimaryKey("id")
      .attribute("title", Type.STRING)
      .attribute("archived", Type.BOOLEAN, a -> a.allowNil(false).defaultValue(false))
      .belongsTo("shelf", "shelf"));

  private static final String REPO = new PlainDataRepo().name();

  private final DataLayer dl;

  TenantLoadTest(TestDatabase db) {
    this.dl = DataLayer.of(domain(), db.dataSource());
  }

  static Domain domain() {
    return Domain.of(List.of(TEAM, MEMBER, BOARD, CARD, SHELF, BOOK));
  }

  @BeforeAll
  static void schema(TestDatabase db) {
    Path migrations = Schema.migrate(db, domain());
    String location = migrations.resolve(REPO + "/tenant_migrations").toString();
    for (String tenant : List.of("tl_a", "tl_b")) {
      MultiTenancy.createTenant(db.dataSource(), REPO, location, tenant);
    }
  }

  @Test
  void attributeTenantsOnlyLoadTheirOwnRows() {
    Row team = dl.create(Changeset.create(TEAM).tenant("acme").set("name", "core"));
    dl.create(Changeset.create(MEMBER).tenant("acme").set("name", "ann").set("team_id", team.get("id")));
    dl.create(Changeset.create(MEMBER).tenant("acme").set("name", "bob").set("team_id", team.get("id")));
    // another tenant's row pointing at the same team
    dl.create(Changeset.create(MEMBER).tenant("bolt").set("name", "eve").set("team_id", team.get("id")));

    List<Row> teams = dl.read(Query.of(TEAM).tenant("acme").load("members", m -> m.sort(Sort.desc("name"))));
    assertThat(teams.get(0).many("members")).extracting(m -> m.getString("name")).containsExactly("bob", "ann");
    List<Row> theirs = dl.read(Query.of(MEMBER).tenant("bolt").load("team"));
    assertThat(theirs.get(0).one("team")).isEmpty(); // the team is acme's
    Query counted = Query.of(TEAM).tenant("acme").aggregate("n", Aggregate.count("members"));
    assertThat(dl.toSql(counted).text()).contains("LEFT JOIN (SELECT");
    assertThat(dl.read(counted).get(0).getLong("n")).isEqualTo(2);
  }

  @Test
  void contextTenantsLoadFromTheirOwnSchema() {
    UUID id = UUID.randomUUID();
    for (String tenant : List.of("tl_a", "tl_b")) {
      // the same board id in both schemas, each with its own cards
      dl.create(Changeset.create(BOARD).tenant(tenant).force("id", id).set("name", tenant));
      dl.create(Changeset.create(CARD).tenant(tenant).set("title", tenant + "-2").set("board_id", id));
      dl.create(Changeset.create(CARD).tenant(tenant).set("title", tenant + "-1").set("board_id", id));
    }
    List<Row> boards = dl.read(Query.of(BOARD).tenant("tl_b").load("cards", c -> c.sort(Sort.asc("title"))
        .load("board")));
    Row board = boards.get(0);
    assertThat(board.many("cards")).extracting(c -> c.getString("title")).containsExactly("tl_b-1", "tl_b-2");
    assertThat(board.many("cards")).allSatisfy(c ->
        assertThat(c.one("board")).map(b -> b.getString("name")).contains("tl_b"));
    dl.create(Changeset.create(CARD).tenant("tl_a").set("title", "tl_a-3").set("board_id", id));
    for (String tenant : List.of("tl_a", "tl_b")) {
      Query counted = Query.of(BOARD).tenant(tenant).aggregate("n", Aggregate.count("cards"));
      assertThat(dl.toSql(counted).text()).contains("LEFT JOIN (SELECT").contains("\"" + tenant + "\".\"cards\"");
      assertThat(dl.read(counted).get(0).getLong("n")).isEqualTo(tenant.equals("tl_a") ? 3 : 2);
    }
  }

  @Test
  void theDestinationsBaseFilterStillApplies() {
    Row shelf = dl.create(Changeset.create(SHELF).set("name", "s"));
    dl.create(Changeset.create(BOOK).set("title", "kept").set("shelf_id", shelf.get("id")));
    dl.create(Changeset.create(BOOK).set("title", "gone").set("archived", true).set("shelf_id", shelf.get("id")));
    List<Row> shelves = dl.read(Query.of(SHELF).load("books").aggregate("n", Aggregate.count("books")));
    assertThat(shelves.get(0).many("books")).extracting(b -> b.getString("title")).containsExactly("kept");
    assertThat(shelves.get(0).getLong("n")).isEqualTo(1);
  }
}
