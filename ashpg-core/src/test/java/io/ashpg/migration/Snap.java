package io.ashpg.migration;

import io.ashpg.migration.snapshot.AttributeSnapshot;
import io.ashpg.migration.snapshot.IdentitySnapshot;
import io.ashpg.migration.snapshot.IndexField;
import io.ashpg.migration.snapshot.ReferenceSnapshot;
import io.ashpg.migration.snapshot.TableKey;
import io.ashpg.migration.snapshot.TableSnapshot;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Short builders for snapshots in tests. */
public final class Snap {

  public static final String REPO = "test_repo";

  private Snap() {
  }

  public static TableSnapshot table(String name, AttributeSnapshot... attributes) {
    return TableSnapshot.empty(REPO, null, name).withAttributes(List.of(attributes));
  }

  public static TableSnapshot table(String schema, String name, AttributeSnapshot... attributes) {
    return TableSnapshot.empty(REPO, schema, name).withAttributes(List.of(attributes));
  }

  public static AttributeSnapshot uuidPk(String name) {
    return new AttributeSnapshot(name, "uuid", null, null, null, "gen_random_uuid()", false, false, true, null);
  }

  public static AttributeSnapshot col(String name, String type) {
    return AttributeSnapshot.of(name, type);
  }

  public static AttributeSnapshot notNull(String name, String type) {
    return AttributeSnapshot.of(name, type).withAllowNil(false);
  }

  public static AttributeSnapshot fk(String name, String type, String sourceTable, String destTable) {
    return AttributeSnapshot.of(name, type)
        .withReferences(ReferenceSnapshot.to(sourceTable + "_" + name + "_fkey", destTable, "id"));
  }

  public static IdentitySnapshot identity(String table, String name, String... columns) {
    return IdentitySnapshot.of(table, name, columns);
  }

  public static IndexField expr(String sql) {
    return IndexField.expression(sql);
  }

  public static Map<TableKey, TableSnapshot> set(TableSnapshot... tables) {
    Map<TableKey, TableSnapshot> m = new TreeMap<>();
    Arrays.stream(tables).forEach(t -> m.put(t.key(), t));
    return m;
  }
}
