package io.ashpg.examples.blog;

import io.ashpg.resource.Api;
import io.ashpg.resource.Resource;
import java.util.List;

/** The blog's resources. */
public final class Blog implements Api {

  @Override
  public List<Resource> resources() {
    return List.of(Author.RESOURCE, Post.RESOURCE, Comment.RESOURCE, Reaction.RESOURCE, Organization.RESOURCE,
        Invoice.RESOURCE);
  }
}
