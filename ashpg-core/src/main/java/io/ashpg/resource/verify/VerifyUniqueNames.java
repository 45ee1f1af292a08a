package io.ashpg.resource.verify;

import io.ashpg.resource.Action;
import io.ashpg.resource.Attribute;
import io.ashpg.resource.Calculation;
import io.ashpg.resource.Identity;
import io.ashpg.resource.Relationship;
import io.ashpg.resource.Resource;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * No duplicate attribute names or columns, relationship, identity, calculation or action names, and no two indexes or
 * constraints of a resource sharing a name on one table (the error mapper identifies violations by that name).
 */
public final class VerifyUniqueNames implements ResourceVerifier {
  @Override
  public void verify(Resource resource, VerificationContext context) {
    duplicates(resource, context, "attribute", resource.attributes(), Attribute::name);
    duplicates(resource, context, "attribute.source", resource.attributes(), Attribute::source);
    duplicates(resource, context, "relationship", resource.relationships(), Relationship::name);
    duplicates(resource, context, "identity", resource.identities(), Identity::name);
    duplicates(resource, context, "calculation", resource.calculations(), Calculation::name);
    duplicates(resource, context, "action", resource.actions(), Action::name);
    for (String table : context.tables(resource)) {
      Map<String, TableObjects.Named> byName = new HashMap<>();
      for (TableObjects.Named object : TableObjects.of(resource, table, context)) {
        TableObjects.Named first = byName.putIfAbsent(object.name(), object);
        if (first != null) {
          context.problem(resource, object.option(), "name \"" + object.name() + "\" of " + object.what()
              + " is already used by " + first.what() + " on table \"" + table + "\"; names must be unique per "
              + "table: " + object.fix());
        }
      }
    }
  }

  private static <T> void duplicates(Resource resource, VerificationContext context, String option, List<T> items,
                                     Function<T, String> name) {
    Set<String> seen = new HashSet<>();
    Set<String> reported = new HashSet<>();
    for (T item : items) {
      String n = name.apply(item);
      if (!seen.add(n) && reported.add(n)) {
        context.problem(resource, option + "(" + n + ")", "\"" + n + "\" is declared more than once; "
            + "rename or remove the duplicate");
      }
    }
  }
}
