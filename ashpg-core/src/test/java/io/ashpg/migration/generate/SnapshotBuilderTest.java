package io.ashpg.migration.generate;

import static io.ashpg.fixtures.Fixtures.simple;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ashpg.fixtures.GenRepos;
import io.ashpg.fixtures.PlainRepo;
import io.ashpg.fixtures.Seed;
import io.ashpg.migration.snapshot.AttributeSnapshot;
import io.ashpg.migration.snapshot.Deferrable;
import io.ashpg.migration.snapshot.IdentitySnapshot;
import io.ashpg.migration.snapshot.IndexField;
import io.ashpg.migration.snapshot.ReferenceSnapshot;
import io.ashpg.migration.snapshot.TableSnapshot;
import io.ashpg.repo.Repo;
import io.ashpg.resource.AttributeDefault;
import io.ashpg.resource.DefinitionException;
import io.ashpg.resource.Domain;
import io.ashpg.resource.MatchType;
import io.ashpg.resource.Multitenancy;
import io.ashpg.resource.OnDelete;
import io.ashpg.resource.OnUpdate;
import io.ashpg.resource.Resource;
import io.ashpg.resource.ResourceBuilder;
import io.ashpg.resource.Type;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class SnapshotBuilderTest {

  /** Tables of every repo, keyed {@code table}, {@code schema.table} or {@code tenant:table}. */
  static Map<String, TableSnapshot> tables(List<Resource> resources, PrimaryKeyChooser chooser) {
    Map<String, TableSnapshot> out = new LinkedHashMap<>();
    for (RepoSnapshots repo : new SnapshotBuilder(chooser).build(Domain.of(resources))) {
      for (TableSnapshot t : repo.tables()) {
        out.put((t.isTenant() ? "tenant:" : "") + t.key(), t);
      }
    }
    return out;
  }

  static Map<String, TableSnapshot> tables(Resource... resources) {
    return tables(List.of(resources), PrimaryKeyChooser.none());
  }

  static TableSnapshot table(Resource resource) {
    return tables(resource).values().iterator().next();
  }

  static AttributeSnapshot column(Resource resource, String column) {
    return table(resource).attribute(column).orElseThrow();
  }

  static Resource in(Class<? extends Repo> repo, String name, Consumer<ResourceBuilder> body) {
    return Resource.define(name, r -> {
      r.postgres(pg -> pg.repo(repo).table(name + "s")).uuidPrimaryKey("id");
      body.accept(r);
    });
  }

  @Nested
  class Types {
    @Test
    void everyTypeMapsToItsPostgresType() {
      Resource r = simple("thing", b -> b
          .attribute("s", Type.STRING).attribute("u", Type.UUID)
          .attribute("i", Type.INTEGER).attribute("b", Type.BOOLEAN).attribute("f", Type.FLOAT)
          .attribute("d", Type.DECIMAL).attribute("money", Type.decimal(10, 2)).attribute("day", Type.DATE)
          .attribute("t", Type.TIME).attribute("at", Type.UTC_DATETIME).attribute("at_us", Type.UTC_DATETIME_USEC)
          .attribute("naive", Type.NAIVE_DATETIME).attribute("tz", Type.TIMESTAMPTZ).attribute("bin", Type.BINARY)
          .attribute("m", Type.MAP).attribute("a", Type.ATOM).attribute("e", Type.enumOf("x", "y"))
          .attribute("tags", Type.arrayOf(Type.STRING)).attribute("path", Type.custom("ltree"))
          .attribute("short", Type.string(20)));
      Map<String, String> types = new LinkedHashMap<>();
      table(r).attributes().forEach(a -> types.put(a.source(), a.type()));
      assertThat(types).containsExactly(Map.entry("id", "uuid"), Map.entry("s", "text"),
          Map.entry("u", "uuid"), Map.entry("i", "bigint"), Map.entry("b", "boolean"), Map.entry("f", "float8"),
          Map.entry("d", "numeric"), Map.entry("money", "numeric"), Map.entry("day", "date"),
          Map.entry("t", "time(0)"), Map.entry("at", "timestamp(0)"), Map.entry("at_us", "timestamp"),
          Map.entry("naive", "timestamp(0)"), Map.entry("tz", "timestamptz"), Map.entry("bin", "bytea"),
          Map.entry("m", "jsonb"), Map.entry("a", "text"), Map.entry("e", "text"), Map.entry("tags", "text[]"),
          Map.entry("path", "ltree"), Map.entry("short", "text"));
      AttributeSnapshot money = column(r, "money");
      assertThat(money.precision()).isEqualTo(10);
      assertThat(money.scale()).isEqualTo(2);
      // text has no length modifier: a maximum length is validation only
      assertThat(column(r, "short").size()).isNull();
    }

    @Test
    void migrationTypesOverrideAndRepoOverride() {
      Resource r = in(GenRepos.TzRepo.class, "thing", b -> b
          .postgres(pg -> pg.migrationType("code", "varchar(16)").migrationType("amount", "decimal(8, 3)")
              .migrationType("seq", "identity"))
          .attribute("code", Type.STRING).attribute("amount", Type.FLOAT)
          .attribute("seq", Type.INTEGER, a -> a.generated(true)).attribute("at", Type.UTC_DATETIME)
          .attribute("at_us", Type.UTC_DATETIME_USEC));
      assertThat(column(r, "code")).extracting(AttributeSnapshot::type, AttributeSnapshot::size)
          .containsExactly("varchar", 16);
      assertThat(column(r, "amount")).extracting(AttributeSnapshot::type, AttributeSnapshot::precision,
          AttributeSnapshot::scale).containsExactly("numeric", 8, 3);
      assertThat(column(r, "seq").type()).isEqualTo("identity");
      assertThat(column(r, "seq").defaultValue()).isNull();
      assertThat(column(r, "at").type()).isEqualTo("timestamptz");
      assertThat(column(r, "at_us").type()).isEqualTo("timestamp");
    }

    @Test
    void generatedIntegerKeyWithoutDefaultIsBigserial() {
      Resource r = Resource.define("counter", b -> b.postgres(pg -> pg.repo(PlainRepo.class).table("counters"))
          .integerPrimaryKey("id")
          .attribute("n", Type.INTEGER, a -> a.generated(true).defaultValue(AttributeDefault.sql("42"))));
      AttributeSnapshot id = column(r, "id");
      assertThat(id.type()).isEqualTo("bigserial");
      assertThat(id.primaryKey()).isTrue();
      assertThat(id.allowNil()).isFalse();
      assertThat(id.generated()).isTrue();
      assertThat(column(r, "n").type()).isEqualTo("bigint");
      assertThat(column(r, "n").defaultValue()).isEqualTo("42");
    }

    @Test
    void ignoredAttributesAreLeftOut() {
      Resource r = simple("thing", b -> b.postgres(pg -> pg.migrationIgnoreAttributes("secret"))
          .attribute("secret", Type.STRING).attribute("kept", Type.STRING, a -> a.source("kept_col")));
      assertThat(table(r).attributes()).extracting(AttributeSnapshot::source).containsExactly("id", "kept_col");
    }
  }

  @Nested
  class Defaults {
    private String defaultOf(Class<? extends Repo> repo, Type type, AttributeDefault value) {
      return column(in(repo, "thing", b -> b.attribute("x", type, a -> a.defaultValue(value))), "x").defaultValue();
    }

    @Test
    void uuidGeneration() {
      assertThat(column(simple("thing", b -> {}), "id").defaultValue()).isEqualTo("gen_random_uuid()");
      assertThat(defaultOf(GenRepos.OsspRepo.class, Type.UUID, AttributeDefault.uuidGenerate()))
          .isEqualTo("uuid_generate_v4()");
      assertThat(defaultOf(PlainRepo.class, Type.UUID_V7, AttributeDefault.uuidV7Generate()))
          .isEqualTo("uuid_generate_v7()");
      assertThat(defaultOf(GenRepos.Pg18Repo.class, Type.UUID_V7, AttributeDefault.uuidV7Generate()))
          .isEqualTo("uuidv7()");
    }

    @Test
    void timeDefaults() {
      assertThat(defaultOf(PlainRepo.class, Type.UTC_DATETIME_USEC, AttributeDefault.now()))
          .isEqualTo("(now() AT TIME ZONE 'utc')");
      assertThat(defaultOf(PlainRepo.class, Type.TIMESTAMPTZ, AttributeDefault.now())).isEqualTo("now()");
      // the repo rewrites timestamp(0) to timestamptz: the default follows the final type
      assertThat(defaultOf(GenRepos.TzRepo.class, Type.UTC_DATETIME, AttributeDefault.now())).isEqualTo("now()");
      assertThat(defaultOf(PlainRepo.class, Type.DATE, AttributeDefault.today())).isEqualTo("CURRENT_DATE");
      assertThat(defaultOf(PlainRepo.class, Type.STRING, AttributeDefault.sql("lower('X')")))
          .isEqualTo("lower('X')");
    }

    @Test
    void literals() {
      assertThat(defaultOf(PlainRepo.class, Type.INTEGER, AttributeDefault.literal(5L))).isEqualTo("5");
      assertThat(defaultOf(PlainRepo.class, Type.FLOAT, AttributeDefault.literal(0.25))).isEqualTo("0.25");
      assertThat(defaultOf(PlainRepo.class, Type.DECIMAL, AttributeDefault.literal(new BigDecimal("123.45"))))
          .isEqualTo("123.45");
      assertThat(defaultOf(PlainRepo.class, Type.BOOLEAN, AttributeDefault.literal(false))).isEqualTo("false");
      assertThat(defaultOf(PlainRepo.class, Type.STRING, AttributeDefault.literal("Fred's")))
          .isEqualTo("'Fred''s'");
      assertThat(defaultOf(PlainRepo.class, Type.DATE, AttributeDefault.literal(LocalDate.of(2022, 4, 19))))
          .isEqualTo("'2022-04-19'");
      assertThat(defaultOf(PlainRepo.class, Type.arrayOf(Type.STRING), AttributeDefault.literal(List.of())))
          .isEqualTo("ARRAY[]::text[]");
      assertThat(defaultOf(PlainRepo.class, Type.arrayOf(Type.INTEGER), AttributeDefault.literal(List.of(1L, 2L))))
          .isEqualTo("ARRAY[1, 2]::bigint[]");
      assertThat(defaultOf(PlainRepo.class, Type.arrayOf(Type.STRING), AttributeDefault.literal(List.of("a", "b"))))
          .isEqualTo("ARRAY['a', 'b']::text[]");
      assertThat(defaultOf(PlainRepo.class, Type.MAP, AttributeDefault.literal(Map.of("b", 1L, "a", "it's"))))
          .isEqualTo("'{\"a\":\"it''s\",\"b\":1}'::jsonb");
      assertThat(defaultOf(PlainRepo.class, Type.MAP, AttributeDefault.literal(Map.of()))).isEqualTo("'{}'::jsonb");
    }

    @Test
    void computedDefaultIsLeftOutWithAWarning() {
      Resource r = simple("thing", b -> b.attribute("x", Type.STRING,
          a -> a.defaultValue(AttributeDefault.computed(() -> "x"))));
      List<RepoSnapshots> repos = new SnapshotBuilder().build(Domain.of(List.of(r)));
      assertThat(repos.get(0).tables().get(0).attribute("x").orElseThrow().defaultValue()).isNull();
      assertThat(repos.get(0).warnings()).singleElement().asString()
          .contains("resource \"thing\"", "attribute \"x\"", "computed in Java", "migrationDefault");
    }

    @Test
    void migrationDefaultsOverrideVerbatim() {
      Resource r = simple("thing", b -> b.postgres(pg -> pg.migrationDefault("x", "'fred'"))
          .attribute("x", Type.STRING, a -> a.defaultValue("other")));
      assertThat(column(r, "x").defaultValue()).isEqualTo("'fred'");
    }
  }

  @Nested
  class References {
    @Test
    void belongsToInTheSameRepo() {
      Map<String, TableSnapshot> t = tables(Seed.blog(), PrimaryKeyChooser.none());
      ReferenceSnapshot ref = t.get("posts").attribute("author_id").orElseThrow().references();
      assertThat(ref.name()).isEqualTo("posts_author_id_fkey");
      assertThat(ref.table()).isEqualTo("authors");
      assertThat(ref.schema()).isEqualTo("public");
      assertThat(ref.destinationAttribute()).isEqualTo("id");
      assertThat(ref.primaryKey()).isTrue();
      assertThat(ref.onDelete()).isEqualTo("delete");
      assertThat(ref.index()).isTrue();
      assertThat(t.get("posts").attribute("author_id").orElseThrow().type()).isEqualTo("uuid");
    }

    @Test
    void everyReferenceOption() {
      Resource author = simple("author", b -> b.postgres(pg -> pg.schema("people")).attribute("code", Type.STRING));
      Resource post = simple("post", b -> b
          .postgres(pg -> pg.reference("author", ref -> ref.name("posts_to_authors").onDelete(
                  OnDelete.nilify(List.of("author_id"))).onUpdate(OnUpdate.UPDATE)
              .deferrable(io.ashpg.resource.Deferrable.INITIALLY_DEFERRED).matchWith(Map.of("author_code", "code"))
              .matchType(MatchType.FULL).index(true).indexWhere("author_id IS NOT NULL")))
          .attribute("author_code", Type.STRING)
          .belongsTo("author", "author"));
      ReferenceSnapshot ref = tables(author, post).get("posts").attribute("author_id").orElseThrow().references();
      assertThat(ref.name()).isEqualTo("posts_to_authors");
      assertThat(ref.schema()).isEqualTo("people");
      assertThat(ref.onDelete()).isEqualTo("nilify");
      assertThat(ref.onDeleteNilifyColumns()).containsExactly("author_id");
      assertThat(ref.onUpdate()).isEqualTo("update");
      assertThat(ref.deferrable()).isEqualTo(Deferrable.DEFERRED);
      assertThat(ref.matchWith()).containsExactly(Map.entry("author_code", "code"));
      assertThat(ref.matchType()).isEqualTo("full");
      assertThat(ref.indexWhere()).isEqualTo("author_id IS NOT NULL");
    }

    @Test
    void ignoredAndOtherRepoReferencesAreNotGenerated() {
      Resource author = simple("author", b -> {});
      Resource elsewhere = in(GenRepos.OtherRepo.class, "remote", b -> {});
      Resource post = simple("post", b -> b.postgres(pg -> pg.reference("author", ref -> ref.ignore(true)))
          .belongsTo("author", "author").belongsTo("remote", "remote"));
      TableSnapshot posts = tables(author, elsewhere, post).get("posts");
      assertThat(posts.attribute("author_id").orElseThrow().references()).isNull();
      assertThat(posts.attribute("remote_id").orElseThrow().references()).isNull();
    }
  }

  @Nested
  class Identities {
    @Test
    void identityOptions() {
      Resource r = simple("user", b -> b
          .postgres(pg -> pg.identityWhereToSql("active_email", "deleted_at IS NULL")
              .identityIndexName("by_name", "users_name_key").calculationToSql("lower_email", "lower(email)")
              .baseFilterSql("NOT archived").skipUniqueIndexes("skipped"))
          .attribute("email", Type.STRING).attribute("name", Type.STRING).attribute("deleted_at", Type.DATE)
          .attribute("archived", Type.BOOLEAN).calculation("lower_email", Type.STRING)
          .identity("active_email", List.of("email"), i -> i.nullsDistinct(false))
          .identity("by_name", "name")
          .identity("lower", "lower_email")
          .identity("skipped", "name", "email"));
      List<IdentitySnapshot> ids = table(r).identities();
      assertThat(ids).extracting(IdentitySnapshot::name).containsExactly("active_email", "by_name", "lower");
      assertThat(ids.get(0).indexName()).isEqualTo("users_active_email_index");
      assertThat(ids.get(0).where()).isEqualTo("deleted_at IS NULL");
      assertThat(ids.get(0).nullsDistinct()).isFalse();
      assertThat(ids.get(0).baseFilter()).isEqualTo("NOT archived");
      assertThat(ids.get(1).indexName()).isEqualTo("users_name_key");
      assertThat(ids.get(2).keys()).containsExactly(IndexField.expression("(lower(email))"));
    }

    @Test
    void skipAllUniqueIndexes() {
      Resource r = simple("user", b -> b.postgres(pg -> pg.skipUniqueIndexes(true))
          .attribute("email", Type.STRING).identity("email", "email"));
      assertThat(table(r).identities()).isEmpty();
    }

    @Test
    void customIndexesChecksAndStatements() {
      Resource r = simple("post", b -> b
          .postgres(pg -> pg.baseFilterSql("visible")
              .customIndex(i -> i.fields("title", "lower(body)").name("posts_search").using("btree"))
              .customIndex(i -> i.fields(io.ashpg.resource.IndexField.desc("score")).unique(true))
              .checkConstraint("score", "score_positive", c -> c.check("score > 0"))
              .checkConstraint("score", "mapped_only", c -> c.message("x"))
              .customStatement("trg", s -> s.up("SELECT 1").down("SELECT 2")))
          .attribute("title", Type.STRING).attribute("body", Type.STRING).attribute("score", Type.INTEGER)
          .attribute("visible", Type.BOOLEAN));
      TableSnapshot t = table(r);
      assertThat(t.customIndexes()).hasSize(2);
      assertThat(t.customIndexes().get(0).fields()).containsExactly(IndexField.column("title"),
          IndexField.expression("lower(body)"));
      assertThat(t.customIndexes().get(1).name()).isEqualTo("posts_score_index");
      assertThat(t.customIndexes().get(1).fields()).containsExactly(IndexField.directed("score", "desc"));
      assertThat(t.checkConstraints()).singleElement().satisfies(c -> {
        assertThat(c.check()).isEqualTo("score > 0");
        assertThat(c.baseFilter()).isEqualTo("visible");
      });
      assertThat(t.customStatements()).singleElement().satisfies(s -> assertThat(s.up()).isEqualTo("SELECT 1"));
      assertThat(t.baseFilter()).isEqualTo("visible");
    }
  }

  @Nested
  class SharedTables {
    private Resource on(String name, Consumer<ResourceBuilder> body) {
      return Resource.define(name, r -> {
        r.postgres(pg -> pg.repo(PlainRepo.class).table("people"));
        body.accept(r);
      });
    }

    @Test
    void columnsAreMerged() {
      Resource a = on("person", b -> b.uuidPrimaryKey("id").attribute("name", Type.string(10),
              c -> c.allowNil(false).defaultValue("x"))
          .attribute("code", Type.STRING, c -> c.allowNil(false).defaultValue("same"))
          .identity("unique_name", "name").defaultActions(io.ashpg.resource.ActionType.CREATE));
      Resource b = on("employee", r -> r.uuidPrimaryKey("id").attribute("name", Type.string(40),
              c -> c.allowNil(false).defaultValue("y"))
          .attribute("code", Type.STRING, c -> c.allowNil(false).defaultValue("same"))
          .attribute("salary", Type.INTEGER, c -> c.allowNil(false))
          .identity("unique_name", "name"));
      TableSnapshot t = tables(a, b).get("people");
      assertThat(t.attributes()).extracting(AttributeSnapshot::source).containsExactly("id", "name", "code",
          "salary");
      assertThat(t.attribute("name").orElseThrow().defaultValue()).isNull();
      assertThat(t.attribute("code").orElseThrow().defaultValue()).isEqualTo("'same'");
      assertThat(t.attribute("name").orElseThrow().allowNil()).isFalse();
      // person can create rows without a salary
      assertThat(t.attribute("salary").orElseThrow().allowNil()).isTrue();
      assertThat(t.identities()).extracting(IdentitySnapshot::name).containsExactly("unique_name");
      assertThat(t.hasCreateAction()).isTrue();
    }

    @Test
    void conflictingTypesNameBothResourcesTheTableAndTheColumn() {
      Resource a = on("person", b -> b.uuidPrimaryKey("id").attribute("age", Type.INTEGER));
      Resource b = on("employee", r -> r.uuidPrimaryKey("id").attribute("age", Type.STRING));
      assertThatThrownBy(() -> tables(a, b)).isInstanceOf(DefinitionException.class)
          .hasMessageContaining("\"person\"").hasMessageContaining("\"employee\"")
          .hasMessageContaining("table people").hasMessageContaining("column \"age\"")
          .hasMessageContaining("bigint").hasMessageContaining("text");
    }

    @Test
    void conflictingReferencesAreErrors() {
      Resource org = simple("org", b -> {});
      Resource a = on("person", b -> b.uuidPrimaryKey("id").belongsTo("org", "org")
          .postgres(pg -> pg.reference("org", ref -> ref.onDelete(OnDelete.DELETE))));
      Resource b = on("employee", r -> r.uuidPrimaryKey("id").belongsTo("org", "org")
          .postgres(pg -> pg.reference("org", ref -> ref.onDelete(OnDelete.RESTRICT))));
      assertThatThrownBy(() -> tables(org, a, b)).isInstanceOf(DefinitionException.class)
          .hasMessageContaining("foreign key of column \"org_id\"").hasMessageContaining("person")
          .hasMessageContaining("employee");
    }

    @Test
    void differentPrimaryKeysNeedAChoice() {
      Resource a = on("person", b -> b.uuidPrimaryKey("id").attribute("ssn", Type.STRING));
      Resource b = on("employee", r -> r.attribute("ssn", Type.STRING, c -> c.primaryKey(true).allowNil(false))
          .attribute("id", Type.UUID));
      assertThatThrownBy(() -> tables(a, b)).isInstanceOf(AmbiguousPrimaryKeyException.class)
          .hasMessageContaining("(id) or (ssn)").hasMessageContaining("-Dashpg.primaryKeys=people:id");

      TableSnapshot t = tables(List.of(a, b), PrimaryKeyChooser.fromHints(List.of("people:ssn"))).get("people");
      assertThat(t.primaryKey()).containsExactly("ssn");
      assertThat(t.identities()).singleElement().satisfies(i -> {
        assertThat(i.name()).isEqualTo("people_id");
        assertThat(i.indexName()).isEqualTo("people_id_index");
        assertThat(i.keys()).containsExactly(IndexField.column("id"));
      });
      assertThat(t.attribute("id").orElseThrow().primaryKey()).isFalse();

      assertThatThrownBy(() -> tables(List.of(a, b), PrimaryKeyChooser.fromHints(List.of("people:nope"))))
          .hasMessageContaining("not one of the candidates");
    }
  }

  @Nested
  class Polymorphic {
    @Test
    void oneTablePerContextWithAKeyBackToTheSource() {
      Map<String, TableSnapshot> t = tables(Seed.blog(), PrimaryKeyChooser.none());
      assertThat(t).containsKeys("authors", "posts", "comments", "post_reactions", "comment_reactions");
      ReferenceSnapshot ref = t.get("post_reactions").attribute("resource_id").orElseThrow().references();
      assertThat(ref.name()).isEqualTo("post_reactions_resource_id_fkey");
      assertThat(ref.table()).isEqualTo("posts");
      assertThat(ref.onDelete()).isEqualTo("delete");
      assertThat(t.get("comment_reactions").attribute("resource_id").orElseThrow().references().table())
          .isEqualTo("comments");
      assertThat(t.get("comment_reactions").identities()).singleElement()
          .extracting(IdentitySnapshot::indexName).isEqualTo("comment_reactions_one_per_kind_index");
    }
  }

  @Nested
  class Tenancy {
    @Test
    void contextResourcesAreTenantTablesReferencingTheGlobalSchema() {
      Map<String, TableSnapshot> t = tables(Seed.tenants(), PrimaryKeyChooser.none());
      assertThat(t).containsOnlyKeys("organizations", "tenant:invoices", "tenant:invoice_lines");
      TableSnapshot invoices = t.get("tenant:invoices");
      assertThat(invoices.isTenant()).isTrue();
      ReferenceSnapshot toOrg = invoices.attribute("organization_id").orElseThrow().references();
      assertThat(toOrg.schema()).isEqualTo("public");
      assertThat(toOrg.multitenancy().isContext()).isFalse();
      assertThat(invoices.attribute("organization_id").orElseThrow().type()).isEqualTo("bigint");
      ReferenceSnapshot toInvoice = t.get("tenant:invoice_lines").attribute("invoice_id").orElseThrow().references();
      assertThat(toInvoice.schema()).isNull();
      assertThat(toInvoice.multitenancy().isContext()).isTrue();
    }

    @Test
    void globalTablesNeverReferenceTenantTables() {
      Resource invoice = Seed.INVOICE;
      Resource audit = simple("audit", b -> b.belongsTo("invoice", "invoice"));
      Map<String, TableSnapshot> t = tables(List.of(Seed.ORGANIZATION, invoice, audit), PrimaryKeyChooser.none());
      assertThat(t.get("audits").attribute("invoice_id").orElseThrow().references()).isNull();
    }

    private Resource attr(String name, Consumer<ResourceBuilder> body) {
      return simple(name, b -> {
        b.multitenancy(m -> m.strategy(Multitenancy.Strategy.ATTRIBUTE).attribute("org_id"))
            .attribute("org_id", Type.UUID, a -> a.allowNil(false));
        body.accept(b);
      });
    }

    @Test
    void attributeTenancyMakesNonKeyReferencesCompositeAndAddsTheTargetIndex() {
      Resource account = attr("account", b -> b.attribute("code", Type.STRING, a -> a.allowNil(false)));
      Resource entry = attr("entry", b -> b
          .belongsTo("account", "account", r -> r.destinationAttribute("code").attributeType(Type.STRING))
          .belongsTo("required", "account", r -> r.destinationAttribute("code").attributeType(Type.STRING)
              .allowNil(false))
          .belongsTo("owner", "account")
          .belongsTo("strict", "account", r -> r.destinationAttribute("id"))
          .postgres(pg -> pg.reference("strict", ref -> ref.matchTenant(true))
              .reference("owner", ref -> ref.index(true))));
      Map<String, TableSnapshot> t = tables(account, entry);
      TableSnapshot entries = t.get("entrys");
      ReferenceSnapshot byCode = entries.attribute("account_id").orElseThrow().references();
      assertThat(byCode.matchWith()).containsExactly(Map.entry("org_id", "org_id"));
      // optional: MATCH SIMPLE (FULL would refuse every row without an account); required: MATCH FULL
      assertThat(byCode.matchType()).isNull();
      ReferenceSnapshot required = entries.attribute("required_id").orElseThrow().references();
      assertThat(required.matchWith()).containsExactly(Map.entry("org_id", "org_id"));
      assertThat(required.matchType()).isEqualTo("full");
      ReferenceSnapshot byPk = entries.attribute("owner_id").orElseThrow().references();
      assertThat(byPk.matchWith()).isEmpty();
      assertThat(byPk.matchType()).isNull();
      ReferenceSnapshot strict = entries.attribute("strict_id").orElseThrow().references();
      assertThat(strict.matchWith()).containsExactly(Map.entry("org_id", "org_id"));
      assertThat(strict.matchTenant()).isTrue();
      assertThat(entries.multitenancy().attribute()).isEqualTo("org_id");
      // the target gets unique (code, org_id) and (id, org_id) indexes for the composite keys
      assertThat(t.get("accounts").identities()).extracting(IdentitySnapshot::indexName)
          .containsExactly("accounts_code_org_id_index", "accounts_id_org_id_index");
    }

    @Test
    void anIdentityProvidesTheTenantKeyIndex() {
      Resource account = attr("account", b -> b.attribute("code", Type.STRING).identity("unique_code", "code"));
      Resource entry = attr("entry", b -> b
          .belongsTo("account", "account", r -> r.destinationAttribute("code").attributeType(Type.STRING)));
      assertThat(tables(account, entry).get("accounts").identities()).extracting(IdentitySnapshot::name)
          .containsExactly("unique_code");
    }
  }

  @Test
  void unmanagedResourcesProduceNoTableButAreListed() {
    Resource legacy = simple("legacy", b -> b.postgres(pg -> pg.migrate(false)));
    List<RepoSnapshots> repos = new SnapshotBuilder().build(Domain.of(List.of(legacy, simple("fresh", b -> {}))));
    assertThat(repos).singleElement().satisfies(r -> {
      assertThat(r.repo()).isEqualTo("plain_repo");
      assertThat(r.tables()).extracting(TableSnapshot::table).containsExactly("freshs");
      assertThat(r.unmanagedTables()).extracting(Object::toString).containsExactly("legacys");
      assertThat(r.extensions()).isEmpty();
    });
  }

  @Test
  void generatedNamesOver63BytesAreErrorsNamingTheResource() {
    String longCol = "a_rather_long_column_name_that_goes_on_and_on_and_on_ok";
    Resource a = Resource.define("person", b -> b.postgres(pg -> pg.repo(PlainRepo.class).table("people"))
        .uuidPrimaryKey("id").attribute(longCol, Type.STRING));
    Resource b = Resource.define("employee", r -> r.postgres(pg -> pg.repo(PlainRepo.class).table("people"))
        .attribute(longCol, Type.STRING, c -> c.primaryKey(true).allowNil(false)).attribute("id", Type.UUID));
    assertThatThrownBy(() -> tables(List.of(a, b), PrimaryKeyChooser.fromHints(List.of("people:id"))))
        .isInstanceOf(DefinitionException.class).hasMessageContaining("person")
        .hasMessageContaining("people_" + longCol + "_index").hasMessageContaining("more than PostgreSQL's 63");
    // a too long declared name is caught when the domain is built
    Resource c = simple("thing", r -> r.attribute("x", Type.STRING).identity("x" .repeat(60), "x"));
    assertThatThrownBy(() -> Domain.of(List.of(c))).isInstanceOf(DefinitionException.class)
        .hasMessageContaining("thing").hasMessageContaining("63");
  }

}
