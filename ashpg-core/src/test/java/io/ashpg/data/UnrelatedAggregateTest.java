package io.ashpg.data;

import static io.ashpg.sql.Exprs.aggregate;
import static io.ashpg.sql.Exprs.attr;
import static io.ashpg.sql.Exprs.parent;
import static io.ashpg.sql.Exprs.startsWith;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ashpg.error.InvalidQueryException;
import io.ashpg.resource.Resource;
import io.ashpg.resource.Type;
import io.ashpg.testing.TestDatabase;
import io.ashpg.testing.WithPostgres;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Aggregates over a resource the queried one has no relationship to (AshPostgres's unrelated aggregates): the filter
 * picks the rows for each queried row through {@code parent(...)}, computed in the same statement.
 */
@WithPostgres
class UnrelatedAggregateTest {
  private final TestDatabase db;
  private final List<StatementEvent> events = new CopyOnWriteArrayList<>();
  private final DataLayer dl;

  UnrelatedAggregateTest(TestDatabase db) {
    this.db = db;
    this.dl = DataLayer.of(Blog.domain(), db.dataSource()).withListener(events::add);
  }

  @BeforeAll
  static void schema(TestDatabase db) {
    Schema.migrate(db, Blog.domain());
  }

  @BeforeEach
  void seed() throws Exception {
    Schema.emptyBlog(db);
    dl.create(Changeset.create(Blog.AUTHOR).set("name", "Ann"));
    dl.create(Changeset.create(Blog.AUTHOR).set("name", "Bob"));
    dl.create(Changeset.create(Blog.AUTHOR).set("name", "Cy"));
    // no author_id: the posts are tied to authors only by their title's prefix
    dl.create(Changeset.create(Blog.POST).set("title", "Ann: first").set("score", 3L));
    dl.create(Changeset.create(Blog.POST).set("title", "Ann: again").set("score", 4L));
    dl.create(Changeset.create(Blog.POST).set("title", "Bob: once").set("score", 10L).set("published", true));
    events.clear();
  }

  @Test
  void aggregatesOverAnUnrelatedResourceByParentFilter() {
    io.ashpg.sql.Expr mine = startsWith(attr("title"), parent("name"));
    Query q = Query.of(Blog.AUTHOR)
        .aggregate("posts", Aggregate.count(Blog.POST).filter(mine))
        .aggregate("best", Aggregate.max(Blog.POST, "score").filter(mine))
        .aggregate("titles", Aggregate.list(Blog.POST, "title").filter(mine).sort(Sort.asc("title")))
        .aggregate("published", Aggregate.exists(Blog.POST).filter(mine).filter(attr("published").eq(true)))
        .sort(Sort.asc("name"));
    List<Row> authors = dl.read(q);
    assertThat(events).as("one statement for the rows and all their aggregates").hasSize(1);
    assertThat(authors).extracting(r -> r.get("posts")).containsExactly(2L, 1L, 0L);
    assertThat(authors).extracting(r -> r.get("best")).containsExactly(4L, 10L, null);
    assertThat(authors.get(0).getList("titles")).containsExactly("Ann: again", "Ann: first");
    assertThat(authors).extracting(r -> r.get("published")).containsExactly(false, true, false);

    // filtered and sorted on like any aggregate
    List<Row> prolific = dl.read(Query.of(Blog.AUTHOR).aggregate("posts", Aggregate.count(Blog.POST).filter(mine))
        .filter(aggregate("posts").ge(1)).sort(Sort.desc(aggregate("posts"))));
    assertThat(prolific).extracting(r -> r.getString("name")).containsExactly("Ann", "Bob");
    // without a filter it counts every row of the other resource
    assertThat(dl.read(Query.of(Blog.AUTHOR).aggregate("all", Aggregate.count(Blog.POST))))
        .allSatisfy(r -> assertThat(r.get("all")).isEqualTo(3L));
  }

  @Test
  void errorsNameTheAggregate() {
    Resource stranger = Resource.define("stranger", r -> r
        .postgres(pg -> pg.repo(DataRepo.class).table("strangers")).uuidPrimaryKey("id")
        .attribute("n", Type.INTEGER));
    assertThatThrownBy(() -> dl.read(Query.of(Blog.AUTHOR).aggregate("x", Aggregate.sum(stranger, "n"))))
        .isInstanceOf(InvalidQueryException.class).hasMessageContaining("aggregate 'x'")
        .hasMessageContaining("stranger");
    assertThatThrownBy(() -> dl.read(Query.of(Blog.AUTHOR).filter(attr("name").eq(parent("name")))))
        .isInstanceOf(InvalidQueryException.class).hasMessageContaining("parent(");
    assertThatThrownBy(() -> dl.read(Query.of(Blog.AUTHOR).aggregate("x", Aggregate.sum(Blog.POST, "nope"))))
        .isInstanceOf(InvalidQueryException.class).hasMessageContaining("nope");
  }
}
