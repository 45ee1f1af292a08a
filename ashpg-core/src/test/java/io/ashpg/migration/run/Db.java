package io.ashpg.migration.run;

import io.ashpg.testing.TestDatabase;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/** Small helpers for migrator tests. */
public final class Db {

  private Db() {
  }

  /** Writes migration files (name/content pairs) into {@code dir}, creating it. */
  public static Path files(Path dir, String... namesAndContents) {
    try {
      Files.createDirectories(dir);
      for (int i = 0; i < namesAndContents.length; i += 2) {
        Files.writeString(dir.resolve(namesAndContents[i]), namesAndContents[i + 1]);
      }
      return dir;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static void exec(TestDatabase db, String sql) {
    try (Connection c = db.connect(); Statement s = c.createStatement()) {
      s.execute(sql);
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  public static long count(TestDatabase db, String sql) {
    try (Connection c = db.connect(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  public static List<Long> versions(TestDatabase db, String schema) {
    List<Long> out = new ArrayList<>();
    try (Connection c = db.connect(); Statement s = c.createStatement();
         ResultSet rs = s.executeQuery("SELECT version FROM \"" + schema + "\".schema_migrations ORDER BY 1")) {
      while (rs.next()) {
        out.add(rs.getLong(1));
      }
      return out;
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  public static boolean tableExists(TestDatabase db, String schema, String table) {
    return count(db, "SELECT count(*) FROM pg_tables WHERE schemaname = '" + schema + "' AND tablename = '" + table
        + "'") == 1;
  }

  public static MigratorOptions.Builder options(String schema, Path dir) {
    return MigratorOptions.builder().repoName("test_repo").prefix(schema).location(dir.toString()).quiet(true);
  }
}
