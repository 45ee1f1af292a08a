package io.ashpg.data;

import static io.ashpg.sql.Exprs.aggregate;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ashpg.error.InvalidQueryException;
import io.ashpg.testing.TestDatabase;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code simpleJoinFirstAggregates} (AshPostgres' {@code simple_join_first_aggregates}): a first aggregate the
 * resource lists ({@code author} lists {@code bio}) joins its related row plainly instead of a lateral
 * {@code (array_agg(…))[1]} per row, with the same values — here over the to-one {@code profile}.
 */
class SimpleJoinFirstAggregateTest extends RelBlogSuite {
  SimpleJoinFirstAggregateTest(TestDatabase db) {
    super(db);
  }

  @BeforeEach
  void seed() {
    Row ann = author("Ann");
    author("Bob"); // no profile
    Row cy = author("Cy");
    dl.create(Changeset.create(RelBlog.PROFILE).set("bio", "ann's bio").set("author_id", ann.get("id")));
    dl.create(Changeset.create(RelBlog.PROFILE).set("author_id", cy.get("id"))); // a profile without a bio
  }

  /** name → value of the aggregate, read with {@code aggregate} named {@code name}. */
  private Map<String, Object> read(String name, Aggregate aggregate, java.util.function.UnaryOperator<Query> refine) {
    statements.clear();
    Map<String, Object> out = new TreeMap<>();
    for (Row r : dl.read(refine.apply(Query.of(RelBlog.AUTHOR).aggregate(name, aggregate)))) {
      out.put(r.getString("name"), r.get(name));
    }
    return out;
  }

  @Test
  void aListedFirstAggregateIsAPlainJoinWithTheLateralValues() {
    Aggregate bio = Aggregate.first("profile", "bio");
    Map<String, Object> joined = read("bio", bio, q -> q);
    String sql = statements.get(0);
    assertThat(sql).contains("LEFT JOIN (SELECT").doesNotContain("LATERAL").doesNotContain("array_agg");

    Map<String, Object> lateral = read("other_bio", bio, q -> q);
    assertThat(statements.get(0)).contains("LEFT JOIN LATERAL").contains("array_agg");
    assertThat(joined).isEqualTo(lateral);
    assertThat(joined).containsEntry("Ann", "ann's bio").containsEntry("Bob", null).containsEntry("Cy", null);

    // a default, a filter on the aggregate, a sort by it and a limit, as with the lateral form
    assertThat(read("bio", bio.defaultValue("none"), q -> q)).containsEntry("Bob", "none").containsEntry("Cy", "none");
    assertThat(read("bio", bio, q -> q.filter(aggregate("bio").eq("ann's bio")))).containsOnlyKeys("Ann");
    assertThat(dl.read(Query.of(RelBlog.AUTHOR).aggregate("bio", bio).sort(Sort.asc("name")).limit(2)))
        .extracting(r -> r.getString("name")).containsExactly("Ann", "Bob");
  }

  @Test
  void aListedNameThatIsNotAFirstAggregateIsAnError() {
    assertThatThrownBy(() -> dl.read(Query.of(RelBlog.AUTHOR).aggregate("bio", Aggregate.count("posts"))))
        .isInstanceOf(InvalidQueryException.class)
        .hasMessageContaining("'bio'").hasMessageContaining("count").hasMessageContaining("simpleJoinFirstAggregates");
  }
}
