package io.ashpg.resource.verify;

import io.ashpg.resource.Resource;

/** A resource needs a table unless it is polymorphic, and a polymorphic one must not have a table. */
public final class EnsureTableOrPolymorphic implements ResourceVerifier {
  @Override
  public void verify(Resource resource, VerificationContext context) {
    boolean polymorphic = resource.postgres().polymorphic();
    if (resource.table().isEmpty() && !polymorphic) {
      context.problem(resource, "table", "no table is set; add postgres(pg -> pg.table(\"...\")), "
          + "or polymorphic(true) if relationships choose the table via contextTable(...)");
    }
    if (resource.table().isPresent() && polymorphic) {
      context.problem(resource, "polymorphic", "a polymorphic resource gets its table from relationship or action "
          + "context, but table(\"" + resource.table().get() + "\") is also set; remove one of them");
    }
  }
}
