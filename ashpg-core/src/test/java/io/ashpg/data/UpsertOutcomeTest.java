package io.ashpg.data;

import static io.ashpg.sql.Exprs.attr;
import static io.ashpg.sql.Exprs.upsertConflict;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ashpg.error.InvalidQueryException;
import io.ashpg.testing.TestDatabase;
import io.ashpg.testing.WithPostgres;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * AshPostgres 2.x upserts: a condition on the existing row decides whether a conflict updates it or is skipped, and
 * each upsert says whether it inserted or updated (read from the row's {@code xmax}), single and bulk.
 */
@WithPostgres
class UpsertOutcomeTest {
  private final TestDatabase db;
  private final List<StatementEvent> events = new CopyOnWriteArrayList<>();
  private final DataLayer dl;

  UpsertOutcomeTest(TestDatabase db) {
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

  private Changeset ann(String email) {
    return Changeset.create(Blog.AUTHOR).set("name", "Ann").set("email", email);
  }

  @Test
  void singleUpsertSaysWhetherItInsertedOrUpdated() {
    UpsertResult first = dl.upsertWithOutcome(ann("a@x"), "unique_name", List.of("email"));
    assertThat(first.outcome()).isEqualTo(UpsertResult.Outcome.INSERTED);
    UpsertResult second = dl.upsertWithOutcome(ann("b@x"), "unique_name", List.of("email"));
    assertThat(second.outcome()).isEqualTo(UpsertResult.Outcome.UPDATED);
    assertThat(second.row().orElseThrow().getUuid("id")).isEqualTo(first.row().orElseThrow().getUuid("id"));
    assertThat(second.row().orElseThrow().getString("email")).isEqualTo("b@x");
    // the outcome costs no extra statement
    assertThat(events).hasSize(2).allSatisfy(e -> assertThat(e.operation()).isEqualTo("upsert"));
  }

  @Test
  void conditionalUpsertUpdatesOnlyWhenTheConditionHolds() {
    dl.create(ann(null));
    // update only rows without an email yet
    UpsertResult filled = dl.upsert(ann("a@x"), "unique_name", List.of("email"), attr("email").isNil());
    assertThat(filled.outcome()).isEqualTo(UpsertResult.Outcome.UPDATED);
    assertThat(filled.row().orElseThrow().getString("email")).isEqualTo("a@x");

    UpsertResult skipped = dl.upsert(ann("b@x"), "unique_name", List.of("email"), attr("email").isNil());
    assertThat(skipped.outcome()).isEqualTo(UpsertResult.Outcome.SKIPPED);
    assertThat(skipped.row()).isEmpty();
    assertThat(dl.first(Query.of(Blog.AUTHOR)).orElseThrow().getString("email")).isEqualTo("a@x");

    // the proposed value against the stored one; values are bind parameters
    UpsertResult changed = dl.upsert(ann("c@x"), "unique_name", List.of("email"),
        upsertConflict("email").ne(attr("email")).and(attr("email").ne("nobody@x")));
    assertThat(changed.outcome()).isEqualTo(UpsertResult.Outcome.UPDATED);
    assertThat(changed.row().orElseThrow().getString("email")).isEqualTo("c@x");
    assertThat(events.get(events.size() - 1).sql()).contains("DO UPDATE SET").contains("WHERE")
        .contains("EXCLUDED.\"email\"").doesNotContain("nobody");

    UpsertResult fresh = dl.upsert(Changeset.create(Blog.AUTHOR).set("name", "Bob"), "unique_name",
        List.of("email"), attr("email").isNil().not());
    assertThat(fresh.outcome()).as("no conflict: the condition does not apply").isEqualTo(
        UpsertResult.Outcome.INSERTED);
  }

  @Test
  void conditionMustNameAttributes() {
    assertThatThrownBy(() -> dl.upsert(ann("x"), "unique_name", List.of("email"), attr("nope").isNil()))
        .isInstanceOf(InvalidQueryException.class).hasMessageContaining("nope");
    assertThatThrownBy(() -> dl.read(Query.of(Blog.AUTHOR).filter(upsertConflict("email").isNil())))
        .isInstanceOf(InvalidQueryException.class).hasMessageContaining("upsert condition");
  }

  private static Map<String, Object> post(String title, long score) {
    return Map.of("title", title, "score", score);
  }

  @Test
  void bulkUpsertReportsInsertedUpdatedAndSkippedRows() {
    // posts carry an array attribute, so they go as multi-row VALUES; authors below take the unnest path
    for (BulkOptions.Method method : List.of(BulkOptions.Method.AUTO, BulkOptions.Method.VALUES)) {
      dl.bulkDestroy(Query.of(Blog.POST));
      dl.bulkCreate(Blog.POST, List.of(post("a", 5), post("b", 5)));
      events.clear();
      // keep the highest score: a conflict updates only when the proposed score is higher
      BulkResult r = dl.bulkCreate(Blog.POST, List.of(post("a", 3), post("b", 9), post("c", 1)),
          BulkOptions.defaults().method(method).upsert("unique_title", List.of("score"))
              .upsertCondition(upsertConflict("score").gt(attr("score"))));
      assertThat(events).as(method + ": one statement").hasSize(1);
      assertThat(r.count()).as(method.name()).isEqualTo(2);
      assertThat(r.skipped()).isEqualTo(1);
      assertThat(r.inserted()).isEqualTo(1);
      assertThat(r.updated()).isEqualTo(1);
      assertThat(r.rows()).extracting(x -> x.getString("title")).containsExactlyInAnyOrder("b", "c");
      for (int i = 0; i < r.rows().size(); i++) {
        assertThat(r.outcomes().get(i)).isEqualTo("c".equals(r.rows().get(i).getString("title"))
            ? UpsertResult.Outcome.INSERTED : UpsertResult.Outcome.UPDATED);
      }
      assertThat(dl.read(Query.of(Blog.POST).sort(Sort.asc("title")))).extracting(x -> x.getLong("score"))
          .containsExactly(5L, 9L, 1L);
    }
  }

  @Test
  void bulkUpsertThroughUnnest() {
    dl.create(Changeset.create(Blog.AUTHOR).set("name", "Ann"));
    dl.create(Changeset.create(Blog.AUTHOR).set("name", "Bob").set("email", "bob@x"));
    events.clear();
    BulkResult r = dl.bulkCreate(Blog.AUTHOR, List.of(Map.of("name", "Ann", "email", "ann@x"),
        Map.of("name", "Bob", "email", "other@x"), Map.of("name", "Cy", "email", "cy@x")),
        BulkOptions.defaults().method(BulkOptions.Method.UNNEST).upsert("unique_name", List.of("email"))
            .upsertCondition(attr("email").isNil()));
    assertThat(events).singleElement().satisfies(e -> assertThat(e.sql()).contains("unnest(").contains("xmax"));
    assertThat(r.skipped()).isEqualTo(1);
    assertThat(r.inserted()).isEqualTo(1);
    assertThat(r.updated()).isEqualTo(1);
    assertThat(dl.read(Query.of(Blog.AUTHOR).sort(Sort.asc("name")))).extracting(x -> x.getString("email"))
        .containsExactly("ann@x", "bob@x", "cy@x");
  }

  @Test
  void bulkUpsertWithoutReturnedRowsStillCounts() {
    dl.bulkCreate(Blog.POST, List.of(post("a", 5)));
    BulkResult r = dl.bulkCreate(Blog.POST, List.of(post("a", 6), post("d", 1)),
        BulkOptions.defaults().noReturn().upsert("unique_title", List.of("score")));
    assertThat(r.rows()).isEmpty();
    assertThat(r.count()).isEqualTo(2);
    assertThat(r.inserted()).isEqualTo(1);
    assertThat(r.updated()).isEqualTo(1);
    assertThat(r.skipped()).isZero();
    assertThatThrownBy(() -> BulkOptions.defaults().upsertCondition(attr("score").gt(1)))
        .hasMessageContaining("needs an upsert");
  }
}
