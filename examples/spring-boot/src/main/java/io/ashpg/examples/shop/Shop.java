package io.ashpg.examples.shop;

import io.ashpg.resource.Api;
import io.ashpg.resource.Resource;
import java.util.List;

/** The shop's resources; {@code ashpg.apis} in application.properties names this class. */
public final class Shop implements Api {

  @Override
  public List<Resource> resources() {
    return List.of(Product.RESOURCE);
  }
}
