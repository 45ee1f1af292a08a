package io.ashpg.migration;

import static org.assertj.core.api.Assertions.assertThat;

import io.ashpg.migration.ddl.MigrationFile;
import io.ashpg.migration.introspect.CatalogOracle;
import io.ashpg.testing.TestDatabase;
import io.ashpg.testing.WithPostgres;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Removed columns are written commented out; a user who uncomments the whole file (up and down) must get a migration
 * whose down restores what the up dropped, including the foreign key and index PostgreSQL drops with the column.
 */
@WithPostgres
class CommentedRemovalTest {

  private final TestDatabase db;

  CommentedRemovalTest(TestDatabase db) {
    this.db = db;
  }

  @Test
  void uncommentedRemovalRoundTrips() throws SQLException {
    GoldenCases.Case c = GoldenCases.get("remove_columns_commented");
    List<MigrationFile> files = c.files().stream().map(CommentedRemovalTest::uncomment).toList();
    assertThat(files.get(0).text()).contains("ADD CONSTRAINT \"pages_owner_id_fkey\"")
        .contains("CREATE INDEX \"pages_owner_id_index\"");
    try (Connection conn = db.connect()) {
      GoldenRoundTripTest.reset(conn);
      GoldenRoundTripTest.apply(conn, GoldenRoundTripTest.create(c.base(), io.ashpg.migration.ddl.RenderContext.GLOBAL),
          true);
      GoldenRoundTripTest.apply(conn, files, true);
      GoldenRoundTripTest.apply(conn, files, false);
      CatalogOracle.on(conn).assertMatches("after the uncommented up and down", c.base());
    }
  }

  /** The file as a user who uncommented every commented statement has it. */
  private static MigrationFile uncomment(MigrationFile f) {
    String text = f.text().lines()
        .map(l -> l.startsWith("-- ") && !l.startsWith("-- ashpg:") ? l.substring(3) : l)
        .collect(Collectors.joining("\n", "", "\n"));
    return new MigrationFile(f.version(), f.name(), text, f.noTransaction(), f.operations());
  }
}
