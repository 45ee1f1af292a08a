package io.ashpg.migration.generate;

import io.ashpg.migration.snapshot.IdentitySnapshot;
import io.ashpg.migration.snapshot.IndexField;
import io.ashpg.resource.DefinitionException;
import io.ashpg.resource.Names;
import io.ashpg.resource.Problem;
import java.util.List;

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
    String name = table + "_" + String.join("_", columns);
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
