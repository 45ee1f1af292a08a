package io.ashpg.data;

import io.ashpg.testing.TestDatabase;
import io.ashpg.testing.WithPostgres;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;

/**
 * A test class on {@link RelBlog}'s domain: its database is migrated once, emptied before every test (before the
 * subclass's own {@code @BeforeEach}), and read through a data layer that records the statements it runs.
 */
@WithPostgres
abstract class RelBlogSuite {
  final TestDatabase db;
  final RecordingDataSource recording;
  final DataLayer dl;

  RelBlogSuite(TestDatabase db) {
    this.db = db;
    this.recording = new RecordingDataSource(db.dataSource());
    this.dl = DataLayer.of(RelBlog.domain(), recording);
  }

  @BeforeAll
  static void schema(TestDatabase db) {
    Schema.migrate(db, RelBlog.domain());
  }

  @BeforeEach
  void emptyTables() throws Exception {
    RelBlog.truncate(db);
  }

  Row author(String name) {
    return dl.create(Changeset.create(RelBlog.AUTHOR).set("name", name));
  }
}
