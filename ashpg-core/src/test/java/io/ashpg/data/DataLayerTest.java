package io.ashpg.data;

import static io.ashpg.sql.Exprs.attr;
import static io.ashpg.sql.Exprs.fragment;
import static io.ashpg.sql.Exprs.trigramSimilarity;
import static io.ashpg.sql.Exprs.type;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.ashpg.error.InvalidQueryException;
import io.ashpg.error.StaleRecordException;
import io.ashpg.resource.Domain;
import io.ashpg.resource.Type;
import io.ashpg.testing.WithPostgres;
import io.ashpg.testing.TestDatabase;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Reads and single-record writes against PostgreSQL, with tables made by ashpg's generator and migrator. */
@WithPostgres
class DataLayerTest {
  private static final Instant NOW = Instant.parse("2026-03-04T05:06:07.123456789Z");

  private final TestDatabase db;
  private final DataLayer dl;

  DataLayerTest(TestDatabase db) {
    this.db = db;
    Domain domain = Blog.domain();
    this.dl = DataLayer.of(domain, db.dataSource()).withClock(Clock.fixed(NOW, ZoneOffset.UTC));
  }

  @BeforeAll
  static void schema(TestDatabase db) {
    Schema.migrate(db, Blog.domain());
  }

  @BeforeEach
  void clean() throws Exception {
    try (Connection c = db.connect(); Statement s = c.createStatement()) {
      s.execute("TRUNCATE public.comments, public.posts, public.authors, app.notes RESTART IDENTITY CASCADE");
    }
  }

  record PostView(UUID id, String title, long score, BigDecimal price, boolean published, List<String> tags,
                  Map<String, Object> meta, LocalDate publishedOn, Instant insertedAt, LocalDateTime updatedAt,
                  UUID authorId) {}

  record Meta(String lang, long words) {}

  record PostMeta(UUID id, Meta meta) {}

  enum Status { draft, live }

  record PostStatus(String title, Status status) {}

  private Row author(String name) {
    return dl.create(Changeset.create(Blog.AUTHOR).set("name", name));
  }

  private Row post(String title, long score) {
    return dl.create(Changeset.create(Blog.POST).set("title", title).set("score", score));
  }

  @Test
  void createAppliesDefaultsAndConvertsTypes() {
    Row a = author("Ann");
    Row p = dl.create(Changeset.create(Blog.POST).set("title", "Hello").set("price", "12.50").set("rating", 4.5)
        .set("tags", List.of("a", "b,c", "\"q\"")).set("meta", Map.of("lang", "en", "words", 120))
        .set("published_on", LocalDate.of(2024, 2, 29)).set("author_id", a.getUuid("id").toString()));
    assertThat(p.getUuid("id")).isNotNull();
    assertThat(p.getString("title")).isEqualTo("Hello");
    assertThat(p.getLong("score")).isZero();
    assertThat(p.getBigDecimal("price")).isEqualByComparingTo("12.50");
    assertThat(p.getDouble("rating")).isEqualTo(4.5);
    assertThat(p.getBoolean("published")).isFalse();
    assertThat(p.getList("tags")).containsExactly("a", "b,c", "\"q\"");
    assertThat(p.getMap("meta")).containsEntry("lang", "en").containsEntry("words", 120L);
    assertThat(p.getLocalDate("published_on")).isEqualTo(LocalDate.of(2024, 2, 29));
    assertThat(p.getString("status")).isEqualTo("draft");
    assertThat(p.getInstant("inserted_at")).isEqualTo(Instant.parse("2026-03-04T05:06:07.123456Z"));
    assertThat(p.getLocalDateTime("updated_at")).isEqualTo(p.getLocalDateTime("inserted_at"));
    assertThat(p.getUuid("author_id")).isEqualTo(a.getUuid("id"));
    Row c = dl.create(Changeset.create(Blog.COMMENT).set("text", "hi").set("post_id", p.getUuid("id"))
        .set("at", OffsetDateTime.parse("2024-01-01T10:00:00+02:00")));
    assertThat(c.getOffsetDateTime("at").toInstant()).isEqualTo(Instant.parse("2024-01-01T08:00:00Z"));
  }

  @Test
  void readsToRecords() {
    post("b", 2);
    dl.create(Changeset.create(Blog.POST).set("title", "a").set("meta", Map.of("lang", "de", "words", 3))
        .set("status", Status.live));
    List<PostView> views = dl.read(Query.of(Blog.POST).sort(Sort.asc("title")), PostView.class);
    assertThat(views).extracting(PostView::title).containsExactly("a", "b");
    assertThat(views.get(1).score()).isEqualTo(2);
    assertThat(views.get(0).insertedAt()).isEqualTo(Instant.parse("2026-03-04T05:06:07.123456Z"));
    assertThat(dl.read(Query.of(Blog.POST).filter(attr("title").eq("a")), PostMeta.class).get(0).meta())
        .isEqualTo(new Meta("de", 3));
    assertThat(dl.read(Query.of(Blog.POST).select("title", "status").sort(Sort.asc("title")), PostStatus.class))
        .containsExactly(new PostStatus("a", Status.live), new PostStatus("b", Status.draft));
    assertThatThrownBy(() -> dl.read(Query.of(Blog.POST).select("title"), PostView.class))
        .hasMessageContaining("component 'score'");
    // a layout that cannot fill the record fails before anything is read, even when no row would match
    assertThatThrownBy(() -> dl.read(Query.of(Blog.POST).select("title").filter(attr("title").eq("none")),
        PostView.class)).hasMessageContaining("component 'score'");
    // paging backwards reads in reverse and flips the records back into the query's order
    post("c", 3);
    Query byTitle = Query.of(Blog.POST).sort(Sort.asc("title")).limit(5);
    Row c = dl.read(byTitle.filter(attr("title").eq("c"))).get(0);
    assertThat(dl.read(byTitle.before(Cursor.of(c, byTitle)), PostView.class)).extracting(PostView::title)
        .containsExactly("a", "b");
  }

  @Test
  void filterSortLimitOffsetCount() {
    for (int i = 1; i <= 10; i++) {
      post("post " + i, i);
    }
    Query q = Query.of(Blog.POST).filter(attr("score").gt(2).and(attr("score").le(8)));
    assertThat(dl.count(q)).isEqualTo(6);
    assertThat(dl.read(q.sort(Sort.desc("score")).limit(2).offset(1))).extracting(r -> r.getLong("score"))
        .containsExactly(7L, 6L);
    assertThat(dl.count(q.limit(4))).isEqualTo(4);
    assertThat(dl.read(Query.of(Blog.POST).filter(attr("score").in(List.of(1, 3, 99))).sort(Sort.asc("score"))))
        .extracting(r -> r.getLong("score")).containsExactly(1L, 3L);
    assertThat(dl.read(Query.of(Blog.POST).filter(attr("score").plus(1).times(2).eq(8)))).hasSize(1);
    assertThat(dl.read(Query.of(Blog.POST).filter(attr("title").concat("!").eq("post 2!")))).hasSize(1);
    assertThat(dl.read(Query.of(Blog.POST).filter(attr("title").contains("st 1")))).hasSize(2);
    assertThat(dl.read(Query.of(Blog.POST).filter(attr("title").like("post 1%")))).hasSize(2);
    assertThat(dl.read(Query.of(Blog.POST).filter(attr("title").ilike("POST 1_")))).hasSize(1);
    assertThat(dl.read(Query.of(Blog.POST).filter(attr("body").isNil()))).hasSize(10);
    assertThat(dl.read(Query.of(Blog.POST).filter(attr("body").eq(null).not()))).isEmpty();
    assertThat(dl.read(Query.of(Blog.POST).filter(attr("score").ne(1).and(attr("score").lt(3))))).hasSize(1);
    assertThat(dl.first(Query.of(Blog.POST).sort(Sort.desc("score")))).get()
        .extracting(r -> r.getString("title")).isEqualTo("post 10");
  }

  @Test
  void sortNullsAndSeveralFields() {
    dl.create(Changeset.create(Blog.POST).set("title", "x").set("score", 1L).set("body", "b"));
    dl.create(Changeset.create(Blog.POST).set("title", "y").set("score", 1L));
    dl.create(Changeset.create(Blog.POST).set("title", "z").set("score", 2L).set("body", "a"));
    assertThat(dl.read(Query.of(Blog.POST).sort(Sort.asc("body").nullsFirst())))
        .extracting(r -> r.getString("title")).containsExactly("y", "z", "x");
    assertThat(dl.read(Query.of(Blog.POST).sort(Sort.asc("score"), Sort.desc("title"))))
        .extracting(r -> r.getString("title")).containsExactly("y", "x", "z");
  }

  @Test
  void selectDistinctAndDistinctOn() {
    Row a = author("A");
    Row b = author("B");
    for (int i = 0; i < 3; i++) {
      dl.create(Changeset.create(Blog.POST).set("title", "a" + i).set("score", (long) i).set("author_id",
          a.get("id")).set("body", "same"));
      dl.create(Changeset.create(Blog.POST).set("title", "b" + i).set("score", 10L + i).set("author_id",
          b.get("id")).set("body", "same"));
    }
    List<Row> selected = dl.read(Query.of(Blog.POST).select("title"));
    assertThat(selected.get(0).attributes()).containsExactly("id", "title");
    // Top post per author, then ordered by score descending (needs the inner/outer query).
    List<Row> top = dl.read(Query.of(Blog.POST).distinctOn("author_id").sort(Sort.desc("score")));
    assertThat(top).extracting(r -> r.getString("title")).containsExactly("b2", "a2");
    assertThat(dl.read(Query.of(Blog.POST).distinctOn("author_id").sort(Sort.asc("author_id"), Sort.asc("score"))))
        .hasSize(2);
    assertThat(dl.count(Query.of(Blog.POST).distinctOn("author_id"))).isEqualTo(2);
    assertThat(dl.count(Query.of(Blog.POST).select("body").distinct())).isEqualTo(6);
  }

  @Test
  void fragmentsTypeCastsTrigram() {
    post("Geoffrey", 1);
    post("Jeff", 2);
    post("Anna", 3);
    assertThat(dl.read(Query.of(Blog.POST).filter(fragment("lower(?) = ?", attr("title"), "jeff")))).hasSize(1);
    assertThat(dl.read(Query.of(Blog.POST).filter(type(attr("score"), Type.STRING).eq("3")))).hasSize(1);
    assertThat(dl.read(Query.of(Blog.POST).filter(trigramSimilarity(attr("title"), "geoff").gt(0.4))))
        .extracting(r -> r.getString("title")).containsExactly("Geoffrey");
    assertThat(dl.read(Query.of(Blog.POST).sort(Sort.desc(trigramSimilarity(attr("title"), "jef"))).limit(1)))
        .extracting(r -> r.getString("title")).containsExactly("Jeff");
    dl.update(Changeset.update(Blog.POST, dl.read(Query.of(Blog.POST).filter(attr("title").eq("Anna"))).get(0))
        .set("meta", Map.of("k", 1)));
    assertThat(dl.read(Query.of(Blog.POST).filter(fragment("meta \\? ?", "k")))).hasSize(1);
  }

  @Test
  void ciStringComparesCaseInsensitively() {
    author("Zoe");
    assertThat(dl.read(Query.of(Blog.AUTHOR).filter(attr("name").eq("ZOE")))).hasSize(1);
    assertThat(dl.read(Query.of(Blog.AUTHOR).filter(attr("name").in("zoe", "x")))).hasSize(1);
  }

  @Test
  void updateByPrimaryKeyWithOptimisticLockAndAtomicValues() {
    Row p = post("t", 1);
    Row later = dl.withClock(Clock.fixed(NOW.plusSeconds(60), ZoneOffset.UTC))
        .update(Changeset.update(Blog.POST, p).set("body", "new").set("score", attr("score").plus(41)));
    assertThat(later.getString("body")).isEqualTo("new");
    assertThat(later.getLong("score")).isEqualTo(42);
    assertThat(later.getInstant("updated_at")).isEqualTo(Instant.parse("2026-03-04T05:07:07.123456Z"));
    assertThat(later.get("inserted_at")).isEqualTo(p.get("inserted_at"));
    assertThatThrownBy(() -> dl.update(Changeset.update(Blog.POST, p).set("body", "x")
        .filter(attr("score").eq(1)))).isInstanceOf(StaleRecordException.class)
        .hasMessageContaining("post").hasMessageContaining("changeset filter");
    Row ok = dl.update(Changeset.update(Blog.POST, p).set("body", "y").filter(attr("score").eq(42)));
    assertThat(ok.getString("body")).isEqualTo("y");
    assertThat(dl.update(Changeset.update(Blog.POST, p.getUuid("id")).select("title")).attributes())
        .containsExactly("id", "title");
  }

  @Test
  void getByPrimaryKey() {
    Row a = post("a", 1);
    Row b = post("b", 2);
    // a bad id fails the same way before and after the lookup's statement text is first rendered
    String before = catchThrowableOfType(() -> dl.get(Blog.POST, "not-a-uuid"), InvalidQueryException.class)
        .getMessage();
    assertThat(dl.get(Blog.POST, a.get("id")).map(r -> r.getString("title"))).contains("a");
    assertThat(dl.get(Blog.POST, b.getUuid("id").toString()).map(r -> r.getString("title"))).contains("b");
    assertThat(dl.get(Blog.POST, UUID.randomUUID())).isEmpty();
    assertThat(dl.get(Blog.POST, null)).isEmpty();
    assertThatThrownBy(() -> dl.get(Blog.POST, "not-a-uuid")).isInstanceOf(InvalidQueryException.class)
        .hasMessage(before).hasMessageContaining("post");
    // the base filter applies to lookups by key too
    Row kept = dl.create(Changeset.create(Blog.NOTE).set("text", "kept"));
    Row archived = dl.create(Changeset.create(Blog.NOTE).set("text", "old").set("archived", true));
    assertThat(dl.get(Blog.NOTE, kept.get("id")).map(r -> r.getString("text"))).contains("kept");
    assertThat(dl.get(Blog.NOTE, archived.get("id"))).isEmpty();
    assertThat(dl.get(Blog.NOTE, kept.get("id"))).isPresent();
    // the statement is the key filter alone: the key is unique, so no LIMIT
    RecordingDataSource recording = new RecordingDataSource(db.dataSource());
    DataLayer recorded = DataLayer.of(Blog.domain(), recording);
    recorded.get(Blog.POST, a.get("id"));
    recorded.get(Blog.POST, b.get("id"));
    assertThat(recording.statements).containsExactly(
        dl.toSql(Query.of(Blog.POST).filter(attr("id").eq(a.get("id")))).text(),
        dl.toSql(Query.of(Blog.POST).filter(attr("id").eq(b.get("id")))).text());
    assertThat(recording.statements.get(0)).endsWith(" WHERE t0.\"id\" = ?");
  }

  @Test
  void destroyReturnsTheRowAndIsStaleTheSecondTime() {
    Row p = post("t", 1);
    assertThat(dl.destroy(Changeset.destroy(Blog.POST, p)).getString("title")).isEqualTo("t");
    assertThatThrownBy(() -> dl.destroy(Changeset.destroy(Blog.POST, p))).isInstanceOf(StaleRecordException.class);
    assertThat(dl.get(Blog.POST, p.get("id"))).isEmpty();
  }

  @Test
  void upsertOnIdentity() {
    Row first = dl.create(Changeset.create(Blog.POST).set("title", "same").set("body", "one").set("score", 1L));
    Row second = dl.withClock(Clock.fixed(NOW.plusSeconds(5), ZoneOffset.UTC)).upsert(Changeset.create(Blog.POST)
        .set("title", "same").set("body", "two").set("score", 2L), "unique_title", List.of("body"));
    assertThat(second.get("id")).isEqualTo(first.get("id"));
    assertThat(second.getString("body")).isEqualTo("two");
    assertThat(second.getLong("score")).isEqualTo(1);
    assertThat(second.getInstant("updated_at")).isAfter(first.getInstant("updated_at"));
    assertThat(second.get("inserted_at")).isEqualTo(first.get("inserted_at"));
    Row third = dl.upsert(Changeset.create(Blog.POST).set("title", "same").set("score", 3L), "unique_title");
    assertThat(third.getLong("score")).isEqualTo(3);
    assertThat(third.getString("body")).isEqualTo("two");
    Row fresh = dl.upsert(Changeset.create(Blog.POST).set("title", "other"), "unique_title", List.of());
    assertThat(dl.count(Query.of(Blog.POST))).isEqualTo(2);
    Row again = dl.upsert(Changeset.create(Blog.POST).set("title", "other"), "unique_title", List.of());
    assertThat(again.get("id")).isEqualTo(fresh.get("id"));
    Row byPk = dl.upsert(Changeset.create(Blog.POST).force("id", fresh.get("id")).set("title", "renamed"), "",
        List.of("title"));
    assertThat(byPk.getString("title")).isEqualTo("renamed");
  }

  @Test
  void baseFilterAppliesToReadsUpdatesAndDestroys() {
    Row kept = dl.create(Changeset.create(Blog.NOTE).set("text", "kept"));
    Row archived = dl.create(Changeset.create(Blog.NOTE).set("text", "old").set("archived", true));
    assertThat(kept.getLong("id")).isEqualTo(1);
    assertThat(dl.read(Query.of(Blog.NOTE))).extracting(r -> r.getString("text")).containsExactly("kept");
    assertThat(dl.count(Query.of(Blog.NOTE))).isEqualTo(1);
    assertThatThrownBy(() -> dl.update(Changeset.update(Blog.NOTE, archived).set("text", "x")))
        .isInstanceOf(StaleRecordException.class).hasMessageContaining("base filter");
    assertThatThrownBy(() -> dl.destroy(Changeset.destroy(Blog.NOTE, archived)))
        .isInstanceOf(StaleRecordException.class);
    assertThat(dl.bulkUpdate(Query.of(Blog.NOTE), Map.of("text", "all")).count()).isEqualTo(1);
    assertThat(dl.bulkDestroy(Query.of(Blog.NOTE)).count()).isEqualTo(1);
  }

  @Test
  void locks() {
    Row p = post("t", 1);
    dl.transaction(tx -> {
      for (Lock lock : List.of(Lock.forUpdate(), Lock.forNoKeyUpdate(), Lock.forShare(), Lock.forKeyShare(),
          Lock.forUpdate().nowait(), Lock.forUpdate().skipLocked())) {
        assertThat(tx.read(Query.of(Blog.POST).lock(lock))).hasSize(1);
      }
      // Another connection cannot take the row: NOWAIT fails, SKIP LOCKED skips it.
      assertThatThrownBy(() -> dl.read(Query.of(Blog.POST).lock(Lock.forUpdate().nowait())))
          .isInstanceOf(io.ashpg.error.LockUnavailableException.class).hasMessageContaining("55P03");
      assertThat(dl.read(Query.of(Blog.POST).lock(Lock.forUpdate().skipLocked()))).isEmpty();
      return p;
    });
  }

  @Test
  void errorsBeforeTheDatabase() {
    assertThatThrownBy(() -> dl.read(Query.of(Blog.POST).filter(attr("score").eq("abc"))))
        .isInstanceOf(InvalidQueryException.class).hasMessageContaining("not an integer");
    assertThatThrownBy(() -> dl.create(Changeset.create(Blog.POST).set("title", "t").set("status", "nope")))
        .isInstanceOf(InvalidQueryException.class).hasMessageContaining("attribute 'status'");
    assertThatThrownBy(() -> dl.create(Changeset.update(Blog.POST, UUID.randomUUID())))
        .isInstanceOf(InvalidQueryException.class).hasMessageContaining("create changeset");
  }
}
