package io.ashpg.examples.blog;

import io.ashpg.resource.Resource;
import io.ashpg.resource.TemplatePart;
import io.ashpg.resource.Type;

/** Organizations own a tenant schema each ({@code org_<id>}), created and renamed with the record. */
public final class Organization {

  public static final Resource RESOURCE = Resource.define("organization", r -> r
      .postgres(pg -> pg
          .repo(BlogRepo.class)
          .table("organizations")
          .manageTenant(t -> t.template("org_", TemplatePart.attr("id"))))
      .integerPrimaryKey("id")
      .attribute("name", Type.STRING, a -> a.allowNil(false))
      .createTimestamp("inserted_at"));

  private Organization() {
  }
}
