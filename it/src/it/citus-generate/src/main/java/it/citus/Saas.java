package it.citus;

import io.ashpg.resource.Api;
import io.ashpg.resource.Multitenancy;
import io.ashpg.resource.Resource;
import io.ashpg.resource.TemplatePart;
import io.ashpg.resource.Type;
import java.util.List;

public final class Saas implements Api {
  static final Resource USER = Resource.define("user", r -> r
      .postgres(pg -> pg.repo(SaasRepo.class).table("users"))
      .uuidPrimaryKey("id")
      .attribute("email", Type.STRING));

  static final Resource ORGANIZATION = Resource.define("organization", r -> r
      .postgres(pg -> pg.repo(SaasRepo.class).table("organizations")
          .manageTenant(t -> t.template("org_", TemplatePart.attr("id"))))
      .integerPrimaryKey("id")
      .attribute("name", Type.STRING));

  static final Resource PROJECT = Resource.define("project", r -> r
      .postgres(pg -> pg.repo(SaasRepo.class).table("projects"))
      .multitenancy(m -> m.strategy(Multitenancy.Strategy.CONTEXT))
      .uuidPrimaryKey("id")
      .belongsTo("owner", "user"));

  /** With -Dit.refused the tenant column is left out of the primary key, which Citus refuses. */
  static final Resource AUDIT_ENTRY = Resource.define("audit_entry", r -> r
      .postgres(pg -> pg.repo(SaasRepo.class).table("audit_log"))
      .multitenancy(m -> m.strategy(Multitenancy.Strategy.ATTRIBUTE).attribute("org_id"))
      .uuidPrimaryKey("id")
      .belongsTo("organization", "organization", b -> b.sourceAttribute("org_id").attributeType(Type.INTEGER)
          .allowNil(false).primaryKey(!Boolean.getBoolean("it.refused")))
      .attribute("action", Type.STRING));

  @Override
  public List<Resource> resources() {
    return List.of(USER, ORGANIZATION, PROJECT, AUDIT_ENTRY);
  }
}
