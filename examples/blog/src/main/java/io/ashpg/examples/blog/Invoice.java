package io.ashpg.examples.blog;

import io.ashpg.resource.Multitenancy;
import io.ashpg.resource.Resource;
import io.ashpg.resource.Type;

/** Context-multitenant: every organization's invoices live in its own schema. */
public final class Invoice {

  public static final Resource RESOURCE = Resource.define("invoice", r -> r
      .postgres(pg -> pg.repo(BlogRepo.class).table("invoices"))
      .multitenancy(m -> m.strategy(Multitenancy.Strategy.CONTEXT))
      .uuidPrimaryKey("id")
      .attribute("number", Type.STRING, a -> a.allowNil(false))
      .attribute("amount", Type.decimal(12, 2), a -> a.allowNil(false))
      .createTimestamp("inserted_at")
      .identity("unique_number", "number")
      .belongsTo("organization", "organization", b -> b.attributeType(Type.INTEGER).allowNil(false)));

  private Invoice() {
  }
}
