package io.ashpg.examples.blog;

import static org.assertj.core.api.Assertions.assertThat;

import io.ashpg.resource.Domain;
import org.junit.jupiter.api.Test;

class BlogTest {

  @Test
  void theBlogDefinitionPassesEveryVerifier() {
    Domain domain = Domain.build(new Blog());
    assertThat(domain.resources()).hasSize(6);
    assertThat(domain.tables(Reaction.RESOURCE)).containsExactlyInAnyOrder("post_reactions", "comment_reactions");
    assertThat(domain.repos()).singleElement().isInstanceOf(BlogRepo.class);
  }
}
