package it.consumer;

import io.ashpg.resource.Api;
import io.ashpg.resource.Multitenancy;
import io.ashpg.resource.Resource;
import io.ashpg.resource.Type;
import java.util.List;

/** Orgs and products in the public schema; orders in each org's own schema (context multitenancy). */
public final class Shop implements Api {

  static final Resource ORG = Resource.define("org", r -> r
      .postgres(pg -> pg.repo(ShopRepo.class).table("orgs"))
      .integerPrimaryKey("id")
      .attribute("name", Type.STRING, a -> a.allowNil(false)));

  static final Resource PRODUCT = Resource.define("product", r -> r
      .postgres(pg -> pg.repo(ShopRepo.class).table("products"))
      .uuidPrimaryKey("id")
      .attribute("title", Type.STRING, a -> a.allowNil(false))
      .attribute("price", Type.decimal(10, 2)));

  static final Resource ORDER = Resource.define("order", r -> r
      .postgres(pg -> pg.repo(ShopRepo.class).table("orders"))
      .multitenancy(m -> m.strategy(Multitenancy.Strategy.CONTEXT))
      .uuidPrimaryKey("id")
      .attribute("quantity", Type.INTEGER, a -> a.allowNil(false))
      .belongsTo("product", "product"));

  @Override
  public List<Resource> resources() {
    return List.of(ORG, PRODUCT, ORDER);
  }
}
