package io.ashpg.data;

import static io.ashpg.sql.Exprs.attr;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ashpg.error.InvalidQueryException;
import io.ashpg.testing.WithPostgres;
import io.ashpg.testing.TestDatabase;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Keyset pagination forwards and backwards, and named read actions with registered preparations. */
@WithPostgres
class PaginationTest {
  private final DataLayer dl;

  PaginationTest(TestDatabase db) {
    this.dl = DataLayer.of(Blog.domain(), db.dataSource());
  }

  @BeforeAll
  static void schema(TestDatabase db) {
    Schema.migrate(db, Blog.domain());
    DataLayer dl = DataLayer.of(Blog.domain(), db.dataSource());
    List<Map<String, Object>> rows = new ArrayList<>();
    for (int i = 0; i < 25; i++) {
      // Scores repeat so the primary key has to break ties.
      rows.add(Map.of("title", String.format("p%02d", i), "score", i / 3, "published", i % 2 == 0));
    }
    dl.bulkCreate(Blog.POST, rows);
  }

  @Test
  void keysetForwardThenBackward() {
    Query base = Query.of(Blog.POST).sort(Sort.desc("score")).limit(4).stable();
    List<Row> all = dl.read(Query.of(Blog.POST).sort(base.keysetSort()));
    List<Row> seen = new ArrayList<>();
    List<Row> page = dl.read(base);
    Cursor last = null;
    while (!page.isEmpty()) {
      seen.addAll(page);
      last = Cursor.of(page.get(page.size() - 1), base);
      page = dl.read(base.after(Cursor.decode(last.encode())));
    }
    assertThat(seen).hasSize(25).isEqualTo(all);
    // Back from the end: the 4 rows before the last one, in the query's order.
    List<Row> before = dl.read(base.before(last));
    assertThat(before).isEqualTo(all.subList(20, 24));
    assertThat(dl.count(base.after(Cursor.of(all.get(9), base)).limit(100))).isEqualTo(15);
  }

  @Test
  void keysetWithSelectedColumnsAndFilter() {
    Query q = Query.of(Blog.POST).select("title").filter(attr("published").eq(true)).sort(Sort.asc("title"))
        .limit(5);
    List<Row> first = dl.read(q);
    List<Row> second = dl.read(q.after(Cursor.of(first.get(4), q)));
    assertThat(first).extracting(r -> r.getString("title")).containsExactly("p00", "p02", "p04", "p06", "p08");
    assertThat(second).extracting(r -> r.getString("title")).containsExactly("p10", "p12", "p14", "p16", "p18");
    assertThatThrownBy(() -> dl.read(q.after(new Cursor(Map.of("score", "1")))))
        .isInstanceOf(InvalidQueryException.class).hasMessageContaining("keyset order");
  }

  @Test
  void stableOffsetPagesCoverEveryRowOnceDespiteEqualScores() {
    // scores repeat three times each: only the appended primary key makes the page boundaries deterministic
    Query q = Query.of(Blog.POST).sort(Sort.asc("score")).stable();
    List<Row> all = dl.read(q);
    List<Row> paged = new ArrayList<>();
    for (int offset = 0; offset < 25; offset += 4) {
      paged.addAll(dl.read(q.limit(4).offset(offset)));
    }
    assertThat(paged).isEqualTo(all);
    assertThat(paged).extracting(r -> r.get("id")).doesNotHaveDuplicates();
    assertThat(dl.toSql(q.limit(4)).text()).contains("ORDER BY t0.\"score\" ASC, t0.\"id\" ASC LIMIT 4");
    assertThat(dl.toSql(Query.of(Blog.POST).sort(Sort.asc("score")).limit(4)).text())
        .endsWith("ORDER BY t0.\"score\" ASC LIMIT 4");
  }

  @Test
  void namedReadActions() {
    DataLayer withActions = dl.withReadPreparation(Blog.POST, "published",
        q -> q.filter(attr("published").eq(true)).sort(Sort.desc("title")));
    List<Row> rows = withActions.read(Query.forAction(Blog.POST, "published").limit(2));
    assertThat(rows).extracting(r -> r.getString("title")).containsExactly("p24", "p22");
    assertThat(withActions.count(Query.forAction(Blog.POST, "published"))).isEqualTo(13);
    assertThat(withActions.read(Query.forAction(Blog.POST, "read"))).hasSize(25);
    assertThatThrownBy(() -> Query.forAction(Blog.POST, "nope")).isInstanceOf(InvalidQueryException.class)
        .hasMessageContaining("no action 'nope'");
    assertThatThrownBy(() -> dl.withReadPreparation(Blog.AUTHOR, "read", q -> q))
        .isInstanceOf(InvalidQueryException.class);
  }
}
