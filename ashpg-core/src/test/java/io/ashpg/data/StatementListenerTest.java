package io.ashpg.data;

import static io.ashpg.sql.Exprs.attr;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ashpg.error.ConstraintViolationException;
import io.ashpg.testing.TestDatabase;
import io.ashpg.testing.WithPostgres;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Statement listeners and SQL logging: every statement the data layer runs is reported once, with its context. */
@WithPostgres
class StatementListenerTest {
  private final TestDatabase db;
  private final List<StatementEvent> events = new CopyOnWriteArrayList<>();
  private final DataLayer dl;

  StatementListenerTest(TestDatabase db) {
    this.db = db;
    this.dl = DataLayer.of(Blog.domain(), db.dataSource()).withListener(events::add);
  }

  @BeforeAll
  static void schema(TestDatabase db) {
    Schema.migrate(db, Blog.domain());
  }

  @BeforeEach
  void clean() throws Exception {
    Schema.emptyBlog(db);
  }

  @Test
  void reportsEachStatementOfAReadWithItsContext() {
    Row ann = dl.create(Changeset.create(Blog.AUTHOR).set("name", "Ann"));
    dl.create(Changeset.create(Blog.POST).set("title", "a").set("author_id", ann.get("id")));
    dl.create(Changeset.create(Blog.POST).set("title", "b").set("author_id", ann.get("id")));
    events.clear();

    Query q = Query.of(Blog.POST).filter(attr("title").in("a", "b", "c")).load("author");
    List<Row> posts = dl.read(q);

    assertThat(posts).hasSize(2);
    // the posts, then both authors in one statement: the listener counts statements without a DataSource proxy
    assertThat(events).hasSize(2);
    StatementEvent read = events.get(0);
    assertThat(read.operation()).isEqualTo("read");
    assertThat(read.resource()).contains("post");
    assertThat(read.sql()).isEqualTo(dl.toSql(q).text());
    assertThat(read.bindCount()).isEqualTo(dl.toSql(q).binds().size()).isPositive();
    assertThat(read.binds()).as("values only when opted in").isEmpty();
    assertThat(read.rows()).isEqualTo(2);
    assertThat(read.duration()).isPositive();
    assertThat(read.succeeded()).isTrue();
    StatementEvent load = events.get(1);
    assertThat(load.operation()).isEqualTo("load");
    assertThat(load.resource()).contains("author");
    assertThat(load.rows()).isEqualTo(1);
  }

  @Test
  void reportsWritesCountsAndNamedActions() {
    dl.create(Changeset.create(Blog.AUTHOR).set("name", "Ann"));
    dl.count(Query.of(Blog.AUTHOR));
    dl.read(Query.forAction(Blog.POST, "published"));
    BulkResult bulk = dl.bulkCreate(Blog.AUTHOR, List.of(Map.of("name", "B"), Map.of("name", "C"), Map.of("name",
        "D")), BulkOptions.defaults().noReturn());
    dl.bulkUpdate(Query.of(Blog.AUTHOR).filter(attr("name").ne("Ann")), Map.of("email", "x@y"));
    dl.bulkDestroy(Query.of(Blog.AUTHOR).filter(attr("name").eq("B")));

    assertThat(events).extracting(StatementEvent::operation)
        .containsExactly("create", "count", "read", "bulk_create", "bulk_update", "bulk_destroy");
    assertThat(events.get(0).rows()).isEqualTo(1);
    assertThat(events.get(1).rows()).isEqualTo(1);
    assertThat(events.get(2).action()).contains("published");
    assertThat(events.get(0).action()).isEmpty();
    Row p = dl.create(Changeset.create(Blog.POST).set("title", "t"));
    dl.update(Changeset.update(Blog.POST, p).action("retitle").set("title", "u"));
    assertThat(events.get(events.size() - 1).action()).contains("retitle");
    assertThat(events.get(events.size() - 1).operation()).isEqualTo("update");
    assertThat(events.get(3).sql()).startsWith("COPY ");
    assertThat(events.get(3).rows()).isEqualTo(bulk.count()).isEqualTo(3);
    assertThat(events.get(4).rows()).isEqualTo(3);
    assertThat(events.get(5).rows()).isEqualTo(1);
    assertThat(events).allSatisfy(e -> assertThat(e.resource()).isPresent());
  }

  @Test
  void reportsFailuresAndTransactionBookkeeping() {
    dl.create(Changeset.create(Blog.AUTHOR).set("name", "Ann"));
    events.clear();
    assertThatThrownBy(() -> dl.create(Changeset.create(Blog.AUTHOR).set("name", "Ann")))
        .isInstanceOf(ConstraintViolationException.class);
    assertThat(events).hasSize(1);
    assertThat(events.get(0).succeeded()).isFalse();
    assertThat(events.get(0).failure().orElseThrow()).hasMessageContaining("unique");
    assertThat(events.get(0).rows()).isZero();
    events.clear();

    dl.withStatementTimeout(Duration.ofSeconds(5)).transaction(tx -> tx.count(Query.of(Blog.AUTHOR)));
    assertThat(events).extracting(StatementEvent::operation).containsExactly("transaction", "count");
    assertThat(events.get(0).resource()).isEmpty();
    assertThat(events.get(0).sql()).contains("set_config('statement_timeout'");
  }

  @Test
  void bindValuesOnlyWhenOptedInAndAFailingListenerIsIgnored() {
    List<StatementEvent> withValues = new ArrayList<>();
    DataLayer valued = DataLayer.of(Blog.domain(), db.dataSource())
        .withListener(e -> {
          throw new IllegalStateException("broken metric");
        })
        .withListener(withValues::add)
        .withBindValues();
    Row ann = valued.create(Changeset.create(Blog.AUTHOR).set("name", "Ann").set("email", "ann@example.org"));
    assertThat(ann.getString("name")).isEqualTo("Ann");
    assertThat(withValues).hasSize(1);
    assertThat(withValues.get(0).binds()).contains("ann@example.org");
    assertThat(withValues.get(0).bindCount()).isEqualTo(withValues.get(0).binds().size());
  }

  @Test
  void everyStatementHandedToTheDriverIsReported() {
    RecordingDataSource recording = new RecordingDataSource(db.dataSource());
    List<String> reported = new CopyOnWriteArrayList<>();
    DataLayer recorded = DataLayer.of(Blog.domain(), recording).withListener(e -> reported.add(e.sql()));
    Row ann = recorded.create(Changeset.create(Blog.AUTHOR).set("name", "Ann"));
    recorded.get(Blog.AUTHOR, ann.get("id"));
    recorded.upsert(Changeset.create(Blog.AUTHOR).set("name", "Ann").set("email", "a@x"), "unique_name");
    recorded.bulkCreate(Blog.AUTHOR, List.of(Map.of("name", "B")), BulkOptions.defaults().noReturn());
    recorded.bulkCreate(Blog.AUTHOR, List.of(Map.of("name", "C")), BulkOptions.defaults());
    recorded.bulkCreate(Blog.POST, List.of(Map.of("title", "p", "author_id", ann.get("id"))));
    recorded.withStatementTimeout(Duration.ofSeconds(5)).transaction(tx -> {
      tx.update(Changeset.update(Blog.AUTHOR, ann).set("email", "b@x"));
      return tx.transaction(inner -> inner.read(Query.of(Blog.POST).load("author")));
    });
    recorded.bulkUpdate(Query.of(Blog.AUTHOR).limit(1), Map.of("email", "c@x"), true);
    recorded.bulkDestroy(Query.of(Blog.POST));
    recorded.destroy(Changeset.destroy(Blog.AUTHOR, ann));
    assertThat(reported).hasSize(13).containsExactlyElementsOf(recording.statements);
  }

  @Test
  void logsStatementsAtDebugWithoutValuesUnlessOptedIn() {
    Logger logger = Logger.getLogger(DataLayer.class.getName());
    Level before = logger.getLevel();
    List<LogRecord> records = new CopyOnWriteArrayList<>();
    Handler handler = new Handler() {
      @Override
      public void publish(LogRecord r) {
        records.add(r);
      }

      @Override
      public void flush() {}

      @Override
      public void close() {}
    };
    logger.addHandler(handler);
    try {
      logger.setLevel(Level.FINE);
      dl.create(Changeset.create(Blog.AUTHOR).set("name", "Ann").set("email", "secret@example.org"));
      assertThat(records).singleElement().satisfies(r -> {
        assertThat(r.getLevel()).isEqualTo(Level.FINE);
        String text = java.text.MessageFormat.format(r.getMessage(), r.getParameters());
        assertThat(text).contains("INSERT INTO").contains("create of author").contains("binds")
            .doesNotContain("secret@example.org");
      });
      records.clear();
      logger.setLevel(Level.FINEST);
      dl.withBindValues().count(Query.of(Blog.AUTHOR).filter(attr("email").eq("secret@example.org")));
      assertThat(records).singleElement().satisfies(r -> {
        assertThat(r.getLevel()).as("TRACE is FINER in java.util.logging").isEqualTo(Level.FINER);
        assertThat(java.text.MessageFormat.format(r.getMessage(), r.getParameters()))
            .contains("secret@example.org");
      });
      records.clear();
      logger.setLevel(Level.INFO);
      dl.count(Query.of(Blog.AUTHOR));
      assertThat(records).isEmpty();
    } finally {
      logger.removeHandler(handler);
      logger.setLevel(before);
    }
  }
}
