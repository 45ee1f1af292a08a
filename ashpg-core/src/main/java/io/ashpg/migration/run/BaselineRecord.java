package io.ashpg.migration.run;

import java.io.IOException;
import java.lang.System.Logger.Level;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Records migrations as applied without running them: the baseline of a database adopted with
 * {@code io.ashpg.adopt}, whose objects exist already. Each file goes into {@code schema_migrations} (created when
 * missing) with its checksum, as if {@code migrate} had run it; a version recorded already is left alone.
 */
public final class BaselineRecord {

  private BaselineRecord() {
  }

  /** {@link #record(Connection, String, List)} on the database at {@code url}. */
  public static List<Long> record(String url, String user, String password, String schema, List<Path> files)
      throws SQLException, IOException {
    try (Connection connection = Connections.simple(url, user, password).getConnection()) {
      return record(connection, schema, files);
    }
  }

  /**
   * Records {@code files} (migration files, e.g. {@code 20261207120000_adopt.sql}) as applied in {@code schema}.
   *
   * @return the versions recorded now (those not recorded before)
   */
  public static List<Long> record(Connection connection, String schema, List<Path> files)
      throws SQLException, IOException {
    Objects.requireNonNull(connection, "connection");
    SchemaRunner runner = new SchemaRunner(connection, schema, false,
        MigratorOptions.builder().quiet(true).build(), Level.DEBUG);
    Map<Long, AppliedMigration> applied = runner.prepare();
    List<Long> recorded = new ArrayList<>();
    for (Path file : files) {
      MigrationFile migration = MigrationFile.parse(file.getFileName().toString(), file.toString(),
          Files.readString(file, StandardCharsets.UTF_8));
      if (!applied.containsKey(migration.version())) {
        runner.recordApplied(migration);
        recorded.add(migration.version());
      }
    }
    return recorded;
  }
}
