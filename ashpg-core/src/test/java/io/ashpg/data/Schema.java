package io.ashpg.data;

import io.ashpg.migration.ThrowawaySchema;
import io.ashpg.resource.Domain;
import io.ashpg.testing.TestDatabase;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/** Creates a domain's tables in a test database with ashpg's own generator and migrator. */
final class Schema {
  private Schema() {}

  /**
   * Generates the domain's migrations into a temporary directory and applies the public ones; returns the
   * generated {@code db} directory ({@code <repo>/migrations}, {@code <repo>/tenant_migrations}) so tests can run
   * tenant migrations from it.
   */
  static Path migrate(TestDatabase db, Domain domain) {
    return ThrowawaySchema.migrate(domain, db.dataSource());
  }

  /** Empties the blog's public tables (authors, posts, comments) between tests. */
  static void emptyBlog(TestDatabase db) throws SQLException {
    try (Connection c = db.connect(); Statement s = c.createStatement()) {
      s.execute("TRUNCATE public.comments, public.posts, public.authors CASCADE");
    }
  }
}
