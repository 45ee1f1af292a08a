package io.ashpg.resource.verify;

import io.ashpg.resource.CustomIndex;
import io.ashpg.resource.IndexField;
import io.ashpg.resource.Resource;
import java.util.Optional;

/**
 * Custom index plain-column fields, {@code include} columns and {@code errorFields} name attributes (expressions are
 * not checked); a declared name uses only {@code [0-9a-zA-Z_]}; an index over an expression has a declared name.
 */
public final class VerifyCustomIndexes implements ResourceVerifier {
  @Override
  public void verify(Resource resource, VerificationContext context) {
    for (CustomIndex index : resource.postgres().customIndexes()) {
      String option = "customIndex(" + describe(index) + ")";
      for (IndexField field : index.fields()) {
        field.column().filter(c -> !Hints.isColumn(resource, c)).ifPresent(c -> context.problem(resource, option,
            "field \"" + c + "\" is not an attribute; use an attribute name, or write an SQL expression"
                + Hints.knownAttributes(resource)));
      }
      for (String column : index.include()) {
        if (!Hints.isColumn(resource, column)) {
          context.problem(resource, option + ".include", "\"" + column + "\" is not an attribute"
              + Hints.knownAttributes(resource));
        }
      }
      var columns = index.fields().stream().map(IndexField::column).flatMap(Optional::stream).toList();
      for (String field : index.errorFields()) {
        // error fields derived from the index columns were already checked above; report each mistake once
        if (resource.attribute(field).isEmpty() && !columns.contains(field)) {
          context.problem(resource, option + ".errorFields", "\"" + field + "\" is not an attribute"
              + Hints.knownAttributes(resource));
        }
      }
      Optional<String> name = index.name();
      if (name.isPresent() && !CustomIndex.VALID_NAME.matcher(name.get()).matches()) {
        context.problem(resource, option + ".name", "\"" + name.get()
            + "\" is not a valid index name; use letters, digits and underscores only");
      }
      if (name.isEmpty() && !index.canGenerateName()) {
        context.problem(resource, option + ".name", "no name can be generated for an index over an expression "
            + "or a field with characters outside [0-9a-zA-Z_]; give the index a name(...)");
      }
    }
  }

  static String describe(CustomIndex index) {
    return index.name().orElseGet(() -> String.join(", ", index.fields().stream().map(IndexField::text).toList()));
  }
}
