package io.ashpg.resource.verify;

import static io.ashpg.fixtures.Fixtures.failure;
import static io.ashpg.fixtures.Fixtures.simple;
import static org.assertj.core.api.Assertions.assertThat;

import io.ashpg.fixtures.BlogRepo;
import io.ashpg.fixtures.BrokenRepos;
import io.ashpg.fixtures.PlainRepo;
import io.ashpg.resource.DefinitionException;
import io.ashpg.resource.Domain;
import io.ashpg.resource.IndexField;
import io.ashpg.resource.MatchType;
import io.ashpg.resource.Multitenancy.Strategy;
import io.ashpg.resource.Multitenancy;
import io.ashpg.resource.OnDelete;
import io.ashpg.resource.OnUpdate;
import io.ashpg.resource.Problem;
import io.ashpg.resource.Resource;
import io.ashpg.resource.TemplatePart;
import io.ashpg.resource.Type;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** One violating and one valid definition per verifier. */
class VerifiersTest {

  /** Asserts exactly one problem, for {@code resource} and {@code option}, whose message contains {@code words}. */
  static void assertSingleProblem(DefinitionException e, String resource, String option, String... words) {
    assertThat(e.problems()).as(e.getMessage()).singleElement().satisfies(p -> {
      assertThat(p.resource()).isEqualTo(resource);
      assertThat(p.option()).isEqualTo(option);
      assertThat(p.message()).contains(words);
    });
    assertThat(e.getMessage()).contains("resource \"" + resource + "\"", option);
  }

  static void valid(Resource... resources) {
    Domain.of(List.of(resources));
  }

  static final Resource AUTHOR = simple("author", r -> r.attribute("org_id", Type.UUID));

  @Nested
  class DefinitionProblemsTest {
    @Test
    void missingRequiredDslValues() {
      DefinitionException e = failure(simple("post", r -> r.postgres(pg -> pg.customStatement("s", s -> s.up("x")))));
      assertSingleProblem(e, "post", "customStatement(s)", "down(...)");
      assertThat(failure(simple("post", r -> r.postgres(pg -> pg.customIndex(i -> i.unique(true))))).problems())
          .extracting(Problem::option).containsExactly("customIndex");
      assertThat(failure(simple("post", r -> r.identity("empty"))).problems())
          .extracting(Problem::option).containsExactly("identity(empty)");
      assertThat(failure(simple("org", r -> r.postgres(pg -> pg.manageTenant(t -> t.create(true))))).problems())
          .extracting(Problem::option).containsExactly("manageTenant.template");
      assertThat(failure(simple("org", r -> r.postgres(pg -> pg.checkConstraint(List.of(), "c", c -> {})))).problems())
          .extracting(Problem::option).containsExactly("checkConstraint(c)");
      valid(simple("post", r -> r.postgres(pg -> pg.customStatement("s", s -> s.up("x").down("y")))));
    }
  }

  @Nested
  class EnsureTableOrPolymorphicTest {
    @Test
    void tableIsRequiredUnlessPolymorphic() {
      Resource noTable = Resource.define("post", r -> r.postgres(pg -> pg.repo(PlainRepo.class)).uuidPrimaryKey("id"));
      assertSingleProblem(failure(noTable), "post", "table", "table(", "polymorphic(true)");
      valid(Resource.define("post", r -> r.postgres(pg -> pg.repo(PlainRepo.class).polymorphic(true))));
    }

    @Test
    void polymorphicWithTableIsAnError() {
      Resource both = simple("post", r -> r.postgres(pg -> pg.polymorphic(true)));
      assertSingleProblem(failure(both), "post", "polymorphic", "table(\"posts\")", "remove one");
    }
  }

  @Nested
  class VerifyRepoTest {
    @Test
    void repoIsRequired() {
      Resource r = Resource.define("post", b -> b.postgres(pg -> pg.table("posts")).uuidPrimaryKey("id"));
      assertSingleProblem(failure(r), "post", "repo", "repo(MyRepo.class)");
    }

    @Test
    void repoMustBeInstantiable() {
      assertSingleProblem(failure(withRepo(BrokenRepos.AbstractRepo.class)), "post", "repo", "is abstract");
      assertSingleProblem(failure(withRepo(BrokenRepos.NeedsArgRepo.class)), "post", "repo", "no public no-arg");
      assertSingleProblem(failure(withRepo(BrokenRepos.ExplodingRepo.class)), "post", "repo", "boom");
      valid(withRepo(PlainRepo.class));
    }

    @Test
    void selectorFailuresAreReported() {
      Resource r = Resource.define("post", b -> b.postgres(pg -> pg.table("posts").repo((res, purpose) -> null))
          .uuidPrimaryKey("id"));
      assertSingleProblem(failure(r), "post", "repo", "returned null");
    }

    private Resource withRepo(Class<? extends io.ashpg.repo.Repo> repo) {
      return Resource.define("post", b -> b.postgres(pg -> pg.repo(repo).table("posts")).uuidPrimaryKey("id"));
    }
  }

  @Nested
  class VerifyReferencesTest {
    @Test
    void referenceMustNameABelongsTo() {
      Resource unknown = simple("post", r -> r.postgres(pg -> pg.reference("writer", ref -> {}))
          .belongsTo("author", "author"));
      assertSingleProblem(failure(unknown, AUTHOR), "post", "reference(writer)", "no relationship", "author");

      Resource notBelongsTo = simple("post", r -> r.postgres(pg -> pg.reference("comments", ref -> {}))
          .hasMany("comments", "comment", rel -> rel.destinationAttribute("post_id")));
      Resource comment = simple("comment", r -> r.attribute("post_id", Type.UUID));
      assertSingleProblem(failure(notBelongsTo, comment), "post", "reference(comments)", "HasMany", "belongs_to");

      Resource twice = simple("post", r -> r.postgres(pg -> pg.reference("author", ref -> {})
          .reference("author", ref -> {})).belongsTo("author", "author"));
      assertSingleProblem(failure(twice, AUTHOR), "post", "reference(author)", "more than once");
    }

    @Test
    void matchWithAndNilifyColumnsMustBeAttributes() {
      Resource badSource = simple("post", r -> r.postgres(pg -> pg.reference("author",
          ref -> ref.matchWith(Map.of("tenant", "org_id")))).belongsTo("author", "author"));
      assertSingleProblem(failure(badSource, AUTHOR), "post", "reference(author).matchWith", "\"tenant\"");

      Resource badDestination = simple("post", r -> r.attribute("org_id", Type.UUID).postgres(pg -> pg
          .reference("author", ref -> ref.matchWith(Map.of("org_id", "tenant")))).belongsTo("author", "author"));
      assertSingleProblem(failure(badDestination, AUTHOR), "post", "reference(author).matchWith", "\"author\"");

      Resource badNilify = simple("post", r -> r.postgres(pg -> pg.reference("author",
          ref -> ref.onDelete(OnDelete.nilify(List.of("nope"))))).belongsTo("author", "author"));
      assertSingleProblem(failure(badNilify, AUTHOR), "post", "reference(author).onDelete", "\"nope\"");

      valid(simple("post", r -> r.attribute("org_id", Type.UUID).postgres(pg -> pg.reference("author",
          ref -> ref.matchWith(Map.of("org_id", "org_id")).onDelete(OnDelete.nilify(List.of("author_id")))))
          .belongsTo("author", "author")), AUTHOR);
    }

    @Test
    void nilifyColumnsMustBeKeyColumns() {
      // an attribute outside the key passed the DSL and failed only when migrating (42P10); found by the random
      // evolution test
      Resource outside = simple("post", r -> r.attribute("org_id", Type.UUID).postgres(pg -> pg.reference("author",
          ref -> ref.onDelete(OnDelete.nilify(List.of("author_id", "org_id"))))).belongsTo("author", "author"));
      assertSingleProblem(failure(outside, AUTHOR), "post", "reference(author).onDelete", "\"org_id\"",
          "not part of the foreign key", "[author_id]");

      valid(simple("post", r -> r.attribute("org_id", Type.UUID).postgres(pg -> pg.reference("author",
          ref -> ref.matchWith(Map.of("org_id", "org_id")).onDelete(OnDelete.nilify(List.of("author_id", "org_id")))))
          .belongsTo("author", "author")), AUTHOR);
      // the tenant attribute is part of a tenant-matching key
      Resource account = simple("account", r -> r.multitenancy(m -> m.strategy(Multitenancy.Strategy.ATTRIBUTE)
          .attribute("org_id")).attribute("org_id", Type.UUID));
      valid(simple("entry", r -> r.multitenancy(m -> m.strategy(Multitenancy.Strategy.ATTRIBUTE).attribute("org_id"))
          .attribute("org_id", Type.UUID).postgres(pg -> pg.reference("account", ref -> ref.matchTenant(true)
              .onDelete(OnDelete.nilify(List.of("account_id", "org_id"))))).belongsTo("account", "account")), account);
    }

    @Test
    void matchPartialIsRejectedBecausePostgresDoesNotImplementIt() {
      Resource partial = simple("post", r -> r.attribute("org_id", Type.UUID).postgres(pg -> pg.reference("author",
          ref -> ref.matchWith(Map.of("org_id", "org_id")).matchType(MatchType.PARTIAL))).belongsTo("author", "author"));
      assertSingleProblem(failure(partial, AUTHOR), "post", "reference(author).matchType", "MATCH PARTIAL",
          "MatchType.FULL", "MatchType.SIMPLE");
      valid(simple("post", r -> r.attribute("org_id", Type.UUID).postgres(pg -> pg.reference("author",
          ref -> ref.matchWith(Map.of("org_id", "org_id")).matchType(MatchType.FULL))).belongsTo("author", "author")),
          AUTHOR);
    }
  }

  @Nested
  class AttributeReferencesTest {
    @Test
    void checkConstraintAttributes() {
      Resource r = simple("product", b -> b.attribute("price", Type.DECIMAL)
          .postgres(pg -> pg.checkConstraint(List.of("price", "cost"), "positive", c -> c.check("price > 0"))));
      assertSingleProblem(failure(r), "product", "checkConstraint(positive)", "\"cost\"", "price");
      valid(simple("product", b -> b.attribute("price", Type.DECIMAL)
          .postgres(pg -> pg.checkConstraint("price", "positive", c -> c.check("price > 0")))));
    }

    @Test
    void customIndexColumnsIncludeAndErrorFields() {
      Resource r = simple("post", b -> b.attribute("title", Type.STRING).postgres(pg -> pg
          .customIndex(i -> i.fields("titel"))
          .customIndex(i -> i.fields("title").include("bodyy"))
          .customIndex(i -> i.fields("lower(title)").name("posts_lower_title").errorFields("nope"))));
      assertThat(failure(r).problems()).extracting(Problem::option).containsExactly(
          "customIndex(titel)", "customIndex(title).include", "customIndex(posts_lower_title).errorFields");
      valid(simple("post", b -> b.attribute("title", Type.STRING).attribute("body", Type.STRING).postgres(pg -> pg
          .customIndex(i -> i.fields("title").include("body"))
          .customIndex(i -> i.fields("lower(title)", "coalesce(body, '')").name("posts_expr").errorFields("title"))
          .customIndex(i -> i.fields(IndexField.desc("body"), IndexField.asc("title"))))));
    }

    @Test
    void identityKeysAreAttributesOrSqlCalculations() {
      Resource r = simple("user", b -> b.attribute("email", Type.STRING).calculation("lower_email", Type.STRING)
          .identity("by_nope", "nope").identity("by_lower", "lower_email"));
      DefinitionException e = failure(r);
      assertThat(e.problems()).extracting(Problem::option).containsExactly("identity(by_nope)", "identity(by_lower)");
      assertThat(e.problems().get(1).message()).contains("calculationToSql(\"lower_email\"");
      valid(simple("user", b -> b.attribute("email", Type.STRING).calculation("lower_email", Type.STRING)
          .postgres(pg -> pg.calculationToSql("lower_email", "lower(email)"))
          .identity("by_email", "email").identity("by_lower", "lower_email")));
    }

    @Test
    void optionKeysNameExistingThings() {
      Resource r = simple("user", b -> b.attribute("email", Type.STRING).identity("by_email", "email")
          .postgres(pg -> pg
              .migrationType("mail", "varchar(5)")
              .migrationDefault("mail", "''")
              .migrationIgnoreAttributes("mail")
              .storageType("mail", "text")
              .identityIndexName("by_mail", "x")
              .identityWhereToSql("by_mail", "true")
              .skipUniqueIndexes("by_mail")
              .calculationToSql("nope", "1")));
      assertThat(failure(r).problems()).extracting(Problem::option).containsExactly("migrationTypes",
          "migrationDefaults", "migrationIgnoreAttributes", "storageTypes", "identityIndexNames",
          "identityWheresToSql", "skipUniqueIndexes", "calculationsToSql");
      valid(simple("user", b -> b.attribute("email", Type.STRING).identity("by_email", "email")
          .calculation("c", Type.STRING)
          .postgres(pg -> pg.migrationType("email", "varchar(255)").migrationDefault("email", "''")
              .migrationIgnoreAttributes("email").storageType("email", "text").identityIndexName("by_email", "u_e")
              .identityWhereToSql("by_email", "email IS NOT NULL").skipUniqueIndexes("by_email")
              .calculationToSql("c", "1"))));
    }
  }

  @Nested
  class VerifyRelationshipsTest {
    @Test
    void destinationsMustExist() {
      Resource r = simple("post", b -> b.belongsTo("author", "writer"));
      assertSingleProblem(failure(r), "post", "belongsTo(author)", "\"writer\" is not in the domain");
    }

    @Test
    void joinAttributesMustExist() {
      Resource post = simple("post", b -> b.hasMany("comments", "comment"));
      Resource comment = simple("comment", b -> {});
      assertSingleProblem(failure(post, comment), "post", "hasMany(comments).destinationAttribute", "\"post_id\"");

      Resource noKey = simple("post", b -> b.belongsTo("author", "author", rel -> rel.defineAttribute(false)));
      assertSingleProblem(failure(noKey, AUTHOR), "post", "belongsTo(author).sourceAttribute", "defineAttribute");
    }

    @Test
    void manyToManyThroughMustExistWithItsKeys() {
      Resource post = simple("post", b -> b.manyToMany("tags", "tag", "post_tag"));
      Resource tag = simple("tag", b -> {});
      assertSingleProblem(failure(post, tag), "post", "manyToMany(tags).through", "\"post_tag\"");

      Resource join = simple("post_tag", b -> b.attribute("post_id", Type.UUID));
      assertSingleProblem(failure(post, tag, join), "post", "manyToMany(tags).through", "\"tag_id\"");

      valid(post, tag, simple("post_tag", b -> b.belongsTo("post", "post").belongsTo("tag", "tag")));
    }

    @Test
    void belongsToKeyTypeMatchesTheReferencedKey() {
      Resource team = Resource.define("team", b -> b.postgres(pg -> pg.repo(PlainRepo.class).table("teams"))
          .integerPrimaryKey("id"));
      Resource player = simple("player", b -> b.belongsTo("team", "team"));
      assertSingleProblem(failure(team, player), "player", "belongsTo(team).attributeType", "bigint", "uuid");
      valid(team, simple("player", b -> b.belongsTo("team", "team", rel -> rel.attributeType(Type.INTEGER))));
    }
  }

  @Nested
  class VerifyUniqueNamesTest {
    @Test
    void duplicateDeclarations() {
      Resource r = simple("post", b -> b
          .attribute("title", Type.STRING).attribute("title", Type.STRING)
          .attribute("heading", Type.STRING, a -> a.source("headline")).attribute("headline", Type.STRING)
          .identity("t", "title").identity("t", "title")
          .belongsTo("author", "author").belongsTo("author", "author"));
      assertThat(failure(r, AUTHOR).problems()).extracting(Problem::option).contains("attribute(title)",
          "attribute.source(headline)", "identity(t)", "relationship(author)");
    }

    @Test
    void indexAndConstraintNamesAreUniquePerTable() {
      Resource r = simple("post", b -> b.attribute("title", Type.STRING).attribute("slug", Type.STRING)
          .identity("by_title", "title")
          .identity("by_slug", "slug")
          .postgres(pg -> pg
              .identityIndexName("by_slug", "posts_by_title_index")
              .customIndex(i -> i.fields("title").name("posts_by_title_index"))
              .checkConstraint("title", "c", c -> c.check("true"))
              .checkConstraint("slug", "c", c -> c.check("true"))));
      DefinitionException e = failure(r);
      assertThat(e.problems()).extracting(Problem::option).containsExactly("identityIndexNames(by_slug)",
          "customIndex(posts_by_title_index)", "checkConstraint(c)");
      assertThat(e.problems().get(0).message()).contains("already used", "\"posts\"");
      valid(simple("post", b -> b.attribute("title", Type.STRING).identity("by_title", "title")
          .postgres(pg -> pg.customIndex(i -> i.fields("title")))));
    }
  }

  @Nested
  class VerifyIdentifierLengthsTest {
    static final String LONG = "x".repeat(60);

    @Test
    void generatedIdentityIndexName() {
      Resource r = simple("post", b -> b.attribute("title", Type.STRING).identity("unique_" + LONG, "title"));
      assertSingleProblem(failure(r), "post", "identity(unique_" + LONG + ")",
          "bytes", "identityIndexName(\"unique_" + LONG + "\", \"other_name\")");
      valid(simple("post", b -> b.attribute("title", Type.STRING).identity("unique_" + LONG, "title")
          .postgres(pg -> pg.identityIndexName("unique_" + LONG, "posts_title_uniq"))));
    }

    @Test
    void declaredAndGeneratedNamesOfAllKinds() {
      String col = "c".repeat(58);
      Resource r = simple("post", b -> b
          .attribute(col, Type.STRING)
          .attribute("t", Type.STRING, a -> a.source("s".repeat(64)))
          .belongsTo("author", "author", rel -> rel.sourceAttribute(col + "_id"))
          .postgres(pg -> pg
              .customIndex(i -> i.fields(col))
              .customIndex(i -> i.fields("t").name("n".repeat(64)))
              .checkConstraint("t", "k".repeat(64), c -> c.check("true"))));
      DefinitionException e = failure(r, AUTHOR);
      assertThat(e.problems()).extracting(Problem::option).containsExactlyInAnyOrder(
          "attribute(t)",
          "customIndex(" + col + ")",
          "customIndex(" + "n".repeat(64) + ")",
          "reference(author).name",
          "checkConstraint(" + "k".repeat(64) + ")");
      assertThat(e.problems()).filteredOn(p -> p.option().equals("reference(author).name")).singleElement()
          .satisfies(p -> assertThat(p.message()).contains("ref.name("));
      assertThat(e.problems()).filteredOn(p -> p.option().equals("customIndex(" + col + ")")).singleElement()
          .satisfies(p -> assertThat(p.message()).contains("name(...)"));
    }

    @Test
    void tableSchemaAndMultibyteNames() {
      Resource r = Resource.define("post", b -> b.postgres(pg -> pg.repo(PlainRepo.class)
          .table("ä".repeat(32)).schema("s".repeat(64))));
      assertThat(failure(r).problems()).extracting(Problem::option).containsExactly("table", "schema");
      valid(Resource.define("post", b -> b.postgres(pg -> pg.repo(PlainRepo.class).table("ä".repeat(31)))));
    }
  }

  @Nested
  class CustomIndexNameTest {
    @Test
    void expressionFieldsNeedAName() {
      Resource r = simple("post", b -> b.attribute("title", Type.STRING)
          .postgres(pg -> pg.customIndex(i -> i.fields("lower(title)"))));
      assertSingleProblem(failure(r), "post", "customIndex(lower(title)).name", "name(...)");
    }

    @Test
    void declaredNameCharset() {
      Resource r = simple("post", b -> b.attribute("title", Type.STRING)
          .postgres(pg -> pg.customIndex(i -> i.fields("title").name("posts-title"))));
      assertSingleProblem(failure(r), "post", "customIndex(posts-title).name", "letters, digits and underscores");
    }
  }

  @Nested
  class VerifyExtensionsTest {
    @Test
    void trigramSqlNeedsPgTrgm() {
      Resource r = simple("post", b -> b.attribute("title", Type.STRING).postgres(pg -> pg
          .customIndex(i -> i.fields("title gin_trgm_ops").name("posts_title_trgm").using("gin"))
          .baseFilterSql("similarity(title, 'x') > 0.1")));
      DefinitionException e = failure(r);
      assertThat(e.problems()).extracting(Problem::option)
          .containsExactly("customIndex(posts_title_trgm)", "baseFilterSql");
      assertThat(e.problems().get(0).message()).contains("\"pg_trgm\"", "PlainRepo.installedExtensions()");

      valid(Resource.define("post", b -> b.postgres(pg -> pg.repo(BlogRepo.class).table("posts")
              .customIndex(i -> i.fields("title gin_trgm_ops").name("posts_title_trgm").using("gin"))
              .checkConstraint("title", "similar", c -> c.check("word_similarity(title, 'x') < 1")))
          .uuidPrimaryKey("id").attribute("title", Type.STRING)));
    }

    @Test
    void ciStringNeedsCitext() {
      Resource r = simple("user", b -> b.attribute("email", Type.CI_STRING)
          .attribute("aliases", Type.arrayOf(Type.CI_STRING)).attribute("name", Type.STRING)
          .attribute("id2", Type.UUID, a -> a.defaultValue(io.ashpg.resource.AttributeDefault.uuidGenerate())));
      assertThat(failure(r).problems()).extracting(Problem::option)
          .containsExactly("attribute(email)", "attribute(aliases)");
      valid(Resource.define("user", b -> b.postgres(pg -> pg.repo(CitextRepo.class).table("users"))
          .uuidPrimaryKey("id").attribute("email", Type.CI_STRING)));
    }
  }

  /** A repo with citext installed. */
  public static final class CitextRepo extends io.ashpg.repo.Repo {
    @Override
    public List<String> installedExtensions() {
      return List.of("citext");
    }
  }

  @Nested
  class VerifyMultitenancyTest {
    @Test
    void attributeStrategyNeedsAnExistingAttribute() {
      Resource none = simple("doc", b -> b.multitenancy(m -> m.strategy(Strategy.ATTRIBUTE)));
      assertSingleProblem(failure(none), "doc", "multitenancy.attribute", "attribute(\"org_id\")");
      Resource missing = simple("doc", b -> b.multitenancy(m -> m.strategy(Strategy.ATTRIBUTE).attribute("org_id")));
      assertSingleProblem(failure(missing), "doc", "multitenancy.attribute", "\"org_id\" does not exist");
      valid(simple("doc", b -> b.attribute("org_id", Type.UUID)
          .multitenancy(m -> m.strategy(Strategy.ATTRIBUTE).attribute("org_id"))));
    }

    @Test
    void contextStrategyWithSchemaIsAllowed() {
      valid(simple("doc", b -> b.postgres(pg -> pg.schema("docs")).multitenancy(m -> m.strategy(Strategy.CONTEXT))));
    }
  }

  @Nested
  class VerifyManageTenantTest {
    @Test
    void templateAttributesMustExist() {
      Resource r = simple("org", b -> b.postgres(pg -> pg.manageTenant(t -> t.template("org_", TemplatePart.attr("slug")))));
      assertSingleProblem(failure(r), "org", "manageTenant.template", "attr(\"slug\")");
      valid(simple("org", b -> b.postgres(pg -> pg.manageTenant(t -> t.template("org_", TemplatePart.attr("id"))))));
    }
  }

  @Nested
  class VerifyPolymorphicOptionsTest {
    @Test
    void polymorphicOptionsNeedAPolymorphicRelationship() {
      Resource r = simple("post", b -> b.postgres(pg -> pg.polymorphicOnDelete(OnDelete.DELETE)
          .polymorphicOnUpdate(OnUpdate.UPDATE)));
      assertThat(failure(r).problems()).extracting(Problem::option)
          .containsExactly("polymorphicOnDelete", "polymorphicOnUpdate");

      Resource reaction = Resource.define("reaction", b -> b.postgres(pg -> pg.repo(PlainRepo.class).polymorphic(true))
          .uuidPrimaryKey("id").attribute("resource_id", Type.UUID));
      Resource post = simple("post", b -> b.postgres(pg -> pg.polymorphicOnDelete(OnDelete.DELETE)
              .polymorphicName("post_reactions_post_fkey"))
          .hasMany("reactions", "reaction", rel -> rel.contextTable("post_reactions").destinationAttribute("resource_id")));
      valid(reaction, post);
    }

    @Test
    void polymorphicForeignKeyNamesAreLengthChecked() {
      Resource reaction = Resource.define("reaction", b -> b.postgres(pg -> pg.repo(PlainRepo.class).polymorphic(true))
          .uuidPrimaryKey("id").attribute("resource_id", Type.UUID));
      Resource post = simple("post", b -> b.hasMany("reactions", "reaction",
          rel -> rel.contextTable("p".repeat(50)).destinationAttribute("resource_id")));
      assertSingleProblem(failure(reaction, post), "post", "polymorphicName", "polymorphicName(...)");
    }
  }
}
