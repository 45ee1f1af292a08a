package io.ashpg.examples.shop;

import io.ashpg.resource.Resource;
import io.ashpg.resource.Type;

/** A product on sale; names are unique. */
public final class Product {

  public static final Resource RESOURCE = Resource.define("product", r -> r
      .postgres(pg -> pg
          .repo(ShopRepo.class)
          .table("products")
          .checkConstraint("price", "price_must_be_positive", c -> c.check("price > 0").message("must be positive")))
      .integerPrimaryKey("id")
      .attribute("name", Type.STRING, a -> a.allowNil(false))
      .attribute("price", Type.decimal(10, 2), a -> a.allowNil(false))
      .createTimestamp("inserted_at")
      .identity("unique_name", "name"));

  private Product() {
  }
}
