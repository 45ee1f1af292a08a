package io.ashpg.resource.verify;

import io.ashpg.resource.Attribute;
import io.ashpg.resource.Names;
import io.ashpg.resource.Relationship;
import io.ashpg.resource.BelongsTo;
import io.ashpg.resource.Resource;

/**
 * Every identifier the resource declares or generates fits PostgreSQL's limit of {@value Names#MAX_IDENTIFIER_BYTES}
 * bytes (longer ones are silently truncated, which breaks migrations and error mapping).
 */
public final class VerifyIdentifierLengths implements ResourceVerifier {
  @Override
  public void verify(Resource resource, VerificationContext context) {
    resource.table().ifPresent(t -> check(resource, context, t, "the table name", "table", "shorten it"));
    resource.postgres().schema().ifPresent(s -> check(resource, context, s, "the schema name", "schema",
        "shorten it"));
    for (Attribute attribute : resource.attributes()) {
      check(resource, context, attribute.source(), "the column of attribute \"" + attribute.name() + "\"",
          "attribute(" + attribute.name() + ")", "set a shorter source(...) column");
    }
    for (String table : context.tables(resource)) {
      for (TableObjects.Named object : TableObjects.of(resource, table, context)) {
        check(resource, context, object.name(), object.what(), object.option(), object.fix());
      }
    }
    polymorphicForeignKeys(resource, context);
  }

  /** Tables generated for a polymorphic destination get a foreign key back to this resource's table. */
  private static void polymorphicForeignKeys(Resource resource, VerificationContext context) {
    for (Relationship relationship : resource.relationships()) {
      if (relationship instanceof BelongsTo || relationship.contextTable().isEmpty()) {
        continue;
      }
      boolean polymorphic = context.resource(relationship.destination())
          .map(d -> d.postgres().polymorphic()).orElse(false);
      if (!polymorphic) {
        continue;
      }
      String column = context.resource(relationship.destination())
          .flatMap(d -> d.attribute(relationship.destinationAttribute())).map(Attribute::source)
          .orElse(relationship.destinationAttribute());
      String name = resource.postgres().polymorphicName()
          .orElse(Names.foreignKey(relationship.contextTable().get(), column));
      check(resource, context, name, "the foreign key from polymorphic table \"" + relationship.contextTable().get()
          + "\"", "polymorphicName", "set a shorter polymorphicName(...)");
    }
  }

  private static void check(Resource resource, VerificationContext context, String identifier, String what,
                            String option, String fix) {
    int bytes = Names.byteLength(identifier);
    if (bytes > Names.MAX_IDENTIFIER_BYTES) {
      context.problem(resource, option, what + " \"" + identifier + "\" is " + bytes + " bytes, more than "
          + "PostgreSQL's " + Names.MAX_IDENTIFIER_BYTES + "; " + fix);
    }
  }
}
