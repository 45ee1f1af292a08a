package io.ashpg.data;

import static org.assertj.core.api.Assertions.assertThat;

import io.ashpg.testing.TestDatabase;
import io.ashpg.testing.WithPostgres;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;

/**
 * A test class on {@link RelBlog}'s domain: its database is migrated once, emptied before every test (before the
 * subclass's own {@code @BeforeEach}), and read through a data layer whose statement listener records the statements
 * it runs ({@link #statements}). After each test the listener's record is checked against what the driver was handed
 * ({@link RecordingDataSource}): every statement goes through the one reported path.
 */
@WithPostgres
abstract class RelBlogSuite {
  final TestDatabase db;
  final RecordingDataSource recording;
  /** The SQL of every statement the data layer reported since the test started (tests may clear it). */
  final List<String> statements = new CopyOnWriteArrayList<>();
  private final List<String> reported = new CopyOnWriteArrayList<>();
  final DataLayer dl;

  RelBlogSuite(TestDatabase db) {
    this.db = db;
    this.recording = new RecordingDataSource(db.dataSource());
    this.dl = DataLayer.of(RelBlog.domain(), recording).withListener(e -> {
      statements.add(e.sql());
      reported.add(e.sql());
    });
  }

  @AfterEach
  void everyStatementWasReported() {
    assertThat(reported).as("statements reported to the listener vs. handed to the driver")
        .containsExactlyElementsOf(recording.statements);
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
