package io.ashpg.migration.generate;

import io.ashpg.migration.snapshot.IdentitySnapshot;
import io.ashpg.migration.snapshot.IndexField;
import io.ashpg.resource.DefinitionException;
import io.ashpg.resource.Names;
import io.ashpg.resource.Problem;
import java.util.List;
import java.util.Set;

/**
 * A unique identity the generator adds on its own over plain columns (a primary key not chosen for a shared
 * table, the referenced columns of a composite tenant foreign key): named {@code <table>_<k1>_<k2>}, index
 * {@code <table>_<k1>_<k2>_index}, as AshPostgres names them.
 */
final class KeyIdentity {

  private KeyIdentity() {
  }

  /**
   * @param resource the resource to blame when the name is too long
   * @param option   the option that causes the index
   * @param fix      how to avoid the long name
   */
  static IdentitySnapshot of(String table, List<String> columns, String resource, String option, String fix) {
    return of(table, columns, resource, option, fix, Set.of());
  }

  /**
   * Like {@link #of(String, List, String, String, String)}, avoiding index names the table already uses (a custom
   * index over the same columns has the same default name): {@code _key} and then a number are appended.
   *
   * @param takenIndexNames index names of the table's other indexes
   */
  static IdentitySnapshot of(String table, List<String> columns, String resource, String option, String fix,
      Set<String> takenIndexNames) {
    String base = table + "_" + String.join("_", columns);
    String name = base;
    for (int n = 1; takenIndexNames.contains(name + "_index"); n++) {
      name = base + "_key" + (n == 1 ? "" : n);
    }
    String indexName = name + "_index";
    if (Names.tooLong(indexName)) {
      throw new DefinitionException(List.of(new Problem(resource, option, "the generated unique index \""
          + indexName + "\" is " + Names.byteLength(indexName) + " bytes, more than PostgreSQL's "
          + Names.MAX_IDENTIFIER_BYTES + "; " + fix)));
    }
    return new IdentitySnapshot(name, columns.stream().map(IndexField::column).toList(), indexName, null, null,
        true, true);
  }
}
