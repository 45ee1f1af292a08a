package io.ashpg.resource;

import static org.assertj.core.api.Assertions.assertThat;

import io.ashpg.fixtures.BlogRepo;
import io.ashpg.repo.Repo;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The examples of the AshPostgres docs (the seed), written in the Java DSL. */
class SeedExamplesTest {

  static final Resource REACTION = Resource.define("reaction", r -> r
      .postgres(pg -> pg.repo(BlogRepo.class).polymorphic(true))
      .uuidPrimaryKey("id")
      .attribute("resource_id", Type.UUID)
      .read("for_comments", a -> a.setContext(Map.of("data_layer", Map.of("table", "comment_reactions"))))
      .read("for_posts", a -> a.setContext(Map.of("data_layer", Map.of("table", "post_reactions")))));

  static final Resource POST = Resource.define("post", r -> r
      .postgres(pg -> pg.repo(BlogRepo.class).table("posts"))
      .uuidPrimaryKey("id")
      .hasMany("reactions", "reaction", rel -> rel
          .relationshipContext(Map.of("data_layer", Map.of("table", "post_reactions")))
          .destinationAttribute("resource_id")));

  static final Resource COMMENT = Resource.define("comment", r -> r
      .postgres(pg -> pg.repo(BlogRepo.class).table("comments"))
      .uuidPrimaryKey("id")
      .hasMany("reactions", "reaction", rel -> rel.contextTable("comment_reactions").destinationAttribute("resource_id")));

  static final Resource ORGANIZATION = Resource.define("organization", r -> r
      .postgres(pg -> pg
          .repo(BlogRepo.class)
          .table("organizations")
          .manageTenant(t -> t.template("org_", TemplatePart.attr("id"))))
      .integerPrimaryKey("id"));

  static final Resource PRODUCT = Resource.define("product", r -> r
      .postgres(pg -> pg
          .repo(BlogRepo.class)
          .table("products")
          .checkConstraint("price", "price_must_be_positive", c -> c.check("price > 0").message("price must be positive")))
      .uuidPrimaryKey("id")
      .attribute("price", Type.DECIMAL));

  static List<Resource> reactionsExample() {
    return List.of(REACTION, POST, COMMENT);
  }

  @Test
  void polymorphicReactions() {
    assertThat(REACTION.postgres().polymorphic()).isTrue();
    assertThat(REACTION.table()).isEmpty();
    assertThat(REACTION.attribute("resource_id").orElseThrow().type()).isEqualTo(Type.UUID);
    assertThat(REACTION.action("for_comments").orElseThrow().contextTable()).contains("comment_reactions");
    assertThat(REACTION.action("for_posts").orElseThrow().contextTable()).contains("post_reactions");
    assertThat(REACTION.action("for_posts").orElseThrow().type()).isEqualTo(ActionType.READ);

    for (Resource source : List.of(POST, COMMENT)) {
      HasMany reactions = (HasMany) source.relationship("reactions").orElseThrow();
      assertThat(reactions.destination()).isEqualTo("reaction");
      assertThat(reactions.destinationAttribute()).isEqualTo("resource_id");
    }
    assertThat(POST.relationship("reactions").orElseThrow().contextTable()).contains("post_reactions");
    assertThat(COMMENT.relationship("reactions").orElseThrow().contextTable()).contains("comment_reactions");

    Domain domain = Domain.of(reactionsExample());
    assertThat(domain.tables(REACTION)).containsExactlyInAnyOrder("post_reactions", "comment_reactions");
  }

  @Test
  void organizationManagesTenants() {
    ManageTenant tenant = ORGANIZATION.postgres().manageTenant().orElseThrow();
    assertThat(tenant.template()).containsExactly(new TemplatePart.Literal("org_"), new TemplatePart.Attr("id"));
    assertThat(tenant.create()).isTrue();
    assertThat(tenant.update()).isTrue();
    assertThat(tenant.tenantName(Map.of("id", 10L)::get)).isEqualTo("org_10");
    Domain.of(List.of(ORGANIZATION));
  }

  @Test
  void productCheckConstraint() {
    assertThat(PRODUCT.postgres().checkConstraints()).singleElement().satisfies(c -> {
      assertThat(c.attributes()).containsExactly("price");
      assertThat(c.name()).isEqualTo("price_must_be_positive");
      assertThat(c.check()).contains("price > 0");
      assertThat(c.message()).contains("price must be positive");
    });
    Domain.of(List.of(PRODUCT));
  }

  @Test
  void repoWithInstalledExtensions() {
    Domain domain = Domain.of(List.of(PRODUCT, ORGANIZATION, REACTION, POST, COMMENT));
    Repo repo = domain.repo(PRODUCT);
    assertThat(repo.installedExtensions()).containsExactly("pg_trgm", "uuid-ossp");
    assertThat(repo.name()).isEqualTo("blog_repo");
    assertThat(domain.repos()).containsExactly(repo);
  }
}
