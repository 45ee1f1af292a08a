package io.ashpg.resource;

import static io.ashpg.fixtures.Fixtures.failure;
import static io.ashpg.fixtures.Fixtures.simple;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ashpg.fixtures.Blog;
import io.ashpg.fixtures.BlogRepo;
import io.ashpg.fixtures.PlainRepo;
import io.ashpg.fixtures.ReplicaRepo;
import io.ashpg.repo.Repo;
import java.util.List;
import org.junit.jupiter.api.Test;

class DomainTest {

  @Test
  void buildsTheBlogAndResolvesLookups() {
    Domain domain = Domain.build(new Blog());
    assertThat(domain.resources()).extracting(Resource::name).containsExactly("author", "post", "comment");
    assertThat(domain.resource("post")).containsSame(Blog.POST);
    assertThat(domain.resource("nope")).isEmpty();
    Relationship author = Blog.POST.relationship("author").orElseThrow();
    assertThat(domain.destination(Blog.POST, author)).isSameAs(Blog.AUTHOR);
    assertThatThrownBy(() -> domain.destination(Blog.AUTHOR, author)).isInstanceOf(IllegalArgumentException.class);
    assertThat(domain.tables(Blog.POST)).containsExactly("posts");
  }

  @Test
  void oneRepoInstancePerClass() {
    Domain domain = Domain.build(new Blog());
    Repo repo = domain.repo(Blog.POST);
    assertThat(repo).isInstanceOf(BlogRepo.class);
    assertThat(domain.repo(Blog.AUTHOR)).isSameAs(repo);
    assertThat(domain.repo(Blog.COMMENT, RepoPurpose.READ)).isSameAs(repo);
    assertThat(domain.repos()).containsExactly(repo);
    assertThat(domain.resources(repo)).hasSize(3);
  }

  @Test
  void repoFunctionFormResolvesBothPurposes() {
    Resource r = Resource.define("thing", b -> b
        .postgres(pg -> pg.table("things")
            .repo((res, purpose) -> purpose == RepoPurpose.READ ? ReplicaRepo.class : PlainRepo.class))
        .uuidPrimaryKey("id"));
    Resource other = simple("other", b -> {});
    Domain domain = Domain.of(List.of(r, other));
    assertThat(domain.repo(r, RepoPurpose.READ)).isInstanceOf(ReplicaRepo.class);
    assertThat(domain.repo(r)).isInstanceOf(PlainRepo.class).isSameAs(domain.repo(other));
    // the replica is read from, never migrated
    assertThat(domain.repos()).containsExactly(domain.repo(other));
  }

  @Test
  void problemsAreCollectedOnePerLine() {
    Resource broken = Resource.define("broken", b -> b
        .attribute("a", Type.STRING)
        .identity("by_b", "b"));
    DefinitionException e = failure(broken);
    assertThat(e.problems()).extracting(Problem::option).contains("table", "repo", "identity(by_b)");
    assertThat(e.getMessage().lines().count()).isEqualTo(e.problems().size() + 1);
    assertThat(e.getMessage()).startsWith(e.problems().size() + " problems in the resource definitions:");
    assertThat(e.getMessage()).contains("resource \"broken\", option table: ");
  }

  @Test
  void duplicateResourceNamesAreRejected() {
    DefinitionException e = failure(simple("post", b -> {}), simple("post", b -> {}));
    assertThat(e.problems()).singleElement().satisfies(p -> {
      assertThat(p.resource()).isEqualTo("post");
      assertThat(p.option()).isEqualTo("name");
      assertThat(p.message()).contains("unique");
    });
  }

  @Test
  void polymorphicTablesComeFromRelationshipContexts() {
    Domain domain = Domain.of(SeedExamplesTest.reactionsExample());
    Resource reaction = domain.resource("reaction").orElseThrow();
    assertThat(domain.tables(reaction)).containsExactly("post_reactions", "comment_reactions");
  }
}
