package io.ashpg.resource;

import java.util.List;

/** A group of resources (Ash's api/domain). Pass implementations to {@link Domain#build(Api...)}. */
public interface Api {
  /** The resources of this api. */
  List<Resource> resources();
}
