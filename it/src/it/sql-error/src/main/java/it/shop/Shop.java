package it.shop;

import io.ashpg.resource.Api;
import io.ashpg.resource.Resource;
import io.ashpg.resource.Type;
import java.util.List;

public final class Shop implements Api {
  static final Resource STORE = Resource.define("store", r -> r
      .postgres(pg -> pg.repo(ShopRepo.class).table("stores"))
      .integerPrimaryKey("id")
      .attribute("name", Type.STRING));

  @Override
  public List<Resource> resources() {
    return List.of(STORE);
  }
}
