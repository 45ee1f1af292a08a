package io.ashpg.spring.boot.store;

import io.ashpg.resource.Api;
import io.ashpg.resource.Multitenancy;
import io.ashpg.resource.Resource;
import io.ashpg.resource.Type;
import java.util.List;

/** The test Api: stores and products in public, items in each store's schema. */
public final class Stores implements Api {

  public static final Resource STORE = Resource.define("store", r -> r
      .postgres(pg -> pg.repo(StoreRepo.class).table("stores"))
      .integerPrimaryKey("id")
      .attribute("name", Type.STRING, a -> a.allowNil(false)));

  public static final Resource PRODUCT = Resource.define("product", r -> r
      .postgres(pg -> pg.repo(StoreRepo.class).table("products"))
      .integerPrimaryKey("id")
      .attribute("name", Type.STRING, a -> a.allowNil(false)));

  public static final Resource ITEM = Resource.define("item", r -> r
      .postgres(pg -> pg.repo(StoreRepo.class).table("items"))
      .multitenancy(m -> m.strategy(Multitenancy.Strategy.CONTEXT))
      .integerPrimaryKey("id")
      .attribute("label", Type.STRING, a -> a.allowNil(false)));

  @Override
  public List<Resource> resources() {
    return List.of(STORE, PRODUCT, ITEM);
  }
}
