package io.ashpg.data;

import static io.ashpg.sql.Exprs.attr;
import static org.assertj.core.api.Assertions.assertThat;

import io.ashpg.sql.Sql;
import io.ashpg.sql.SqlArray;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * Expected SQL of relationship loads, without a database: one flat select with the parent keys as {@code = ANY(?)}
 * when the destination query is the same for every parent, a lateral subquery per parent key when it is not.
 */
class LoadRenderingTest {
  private static final DataLayer DL = DataLayer.of(RelBlog.domain(), null);
  private static final UUID K1 = UUID.fromString("00000000-0000-0000-0000-000000000001");
  private static final UUID K2 = UUID.fromString("00000000-0000-0000-0000-000000000002");
  private static final SqlArray KEYS = new SqlArray("uuid", new String[] {K1.toString(), K2.toString()});
  private static final String COMMENT_COLS = "t0.\"id\", t0.\"text\", t0.\"likes\", t0.\"post_id\", t0.\"author_id\"";

  private static Sql load(io.ashpg.resource.Resource source, String relationship, UnaryOperator<Query> refine) {
    return new RelationshipLoader(DL).sql(source, Optional.empty(), new Load(relationship, refine), List.of(K1, K2));
  }

  @Test
  void hasManyWithoutLimitIsOneFlatSelectWithTheKeysAsAnArray() {
    Sql sql = load(RelBlog.POST, "comments", c -> c.filter(attr("likes").gt(0)).sort(Sort.desc("likes")));
    assertThat(sql.text()).isEqualTo("SELECT " + COMMENT_COLS + ", t0.\"post_id\" FROM \"public\".\"comments\""
        + " AS t0 WHERE t0.\"likes\" > ? AND t0.\"post_id\" = ANY(?) ORDER BY t0.\"likes\" DESC");
    assertThat(sql.binds()).containsExactly(0L, KEYS);
  }

  @Test
  void theKeyIsReadEvenWhenTheSelectLeavesItOut() {
    Sql sql = load(RelBlog.POST, "comments", c -> c.select("text"));
    assertThat(sql.text()).isEqualTo("SELECT t0.\"id\", t0.\"text\", t0.\"post_id\" FROM \"public\".\"comments\""
        + " AS t0 WHERE t0.\"post_id\" = ANY(?)");
  }

  @Test
  void aLimitOrOffsetKeepsTheLateralSubqueryPerParent() {
    Sql sql = load(RelBlog.POST, "comments", c -> c.sort(Sort.desc("likes")).limit(2));
    assertThat(sql.text()).isEqualTo("SELECT s.\"id\", s.\"text\", s.\"likes\", s.\"post_id\", s.\"author_id\", lk.k"
        + " FROM unnest(?::uuid[]) AS lk(k) CROSS JOIN LATERAL (SELECT " + COMMENT_COLS + " FROM"
        + " \"public\".\"comments\" AS t0 WHERE t0.\"post_id\" = (lk.k) ORDER BY t0.\"likes\" DESC"
        + " LIMIT 2) AS s");
    assertThat(sql.binds()).containsExactly(KEYS);
    assertThat(load(RelBlog.POST, "comments", c -> c.offset(1)).text()).contains("CROSS JOIN LATERAL");
  }

  @Test
  void distinctLocksAndCursorsKeepTheLateralSubquery() {
    assertThat(load(RelBlog.POST, "comments", c -> c.distinct()).text()).contains("CROSS JOIN LATERAL");
    assertThat(load(RelBlog.POST, "comments", c -> c.distinctOn("likes").sort(Sort.asc("likes"))).text())
        .contains("CROSS JOIN LATERAL");
    assertThat(load(RelBlog.POST, "comments", c -> c.lock(Lock.forUpdate())).text())
        .contains("CROSS JOIN LATERAL").doesNotContain("FOR UPDATE");
    Cursor after = new Cursor(java.util.Map.of("likes", "1", "id", K1.toString()));
    assertThat(load(RelBlog.POST, "comments", c -> c.sort(Sort.asc("likes")).after(after)).text())
        .contains("CROSS JOIN LATERAL");
  }

  @Test
  void hasOneReadsTheFirstRowPerParentLaterally() {
    Sql sql = load(RelBlog.AUTHOR, "profile", p -> p.sort(Sort.asc("bio")));
    assertThat(sql.text()).isEqualTo("SELECT s.\"id\", s.\"bio\", s.\"author_id\", lk.k FROM unnest(?::uuid[]) AS"
        + " lk(k) CROSS JOIN LATERAL (SELECT t0.\"id\", t0.\"bio\", t0.\"author_id\" FROM \"public\".\"profiles\" AS t0"
        + " WHERE t0.\"author_id\" = (lk.k) ORDER BY t0.\"bio\" ASC LIMIT 1) AS s");
    assertThat(sql.binds()).containsExactly(KEYS);
  }

  @Test
  void belongsToIsFlat() {
    Sql sql = load(RelBlog.COMMENT, "post", UnaryOperator.identity());
    assertThat(sql.text()).isEqualTo("SELECT t0.\"id\", t0.\"title\", t0.\"score\", t0.\"author_id\", t0.\"id\""
        + " FROM \"public\".\"posts\" AS t0 WHERE t0.\"id\" = ANY(?)");
    assertThat(sql.binds()).containsExactly(KEYS);
  }

  @Test
  void manyToManyJoinsTheDistinctPairsOfTheJoinTable() {
    Sql sql = load(RelBlog.POST, "tags", t -> t.filter(attr("name").ne("x")).sort(Sort.asc("name")));
    assertThat(sql.text()).isEqualTo("SELECT t0.\"id\", t0.\"name\", lj.\"post_id\" FROM \"public\".\"tags\" AS t0"
        + " JOIN (SELECT DISTINCT \"post_id\", \"tag_id\" FROM \"public\".\"post_tags\" WHERE \"post_id\" = ANY(?))"
        + " AS lj ON lj.\"tag_id\" = t0.\"id\" WHERE t0.\"name\" <> ? ORDER BY t0.\"name\" ASC");
    assertThat(sql.binds()).containsExactly(KEYS, "x");
    assertThat(load(RelBlog.POST, "tags", t -> t.limit(1)).text()).contains("CROSS JOIN LATERAL")
        .contains("EXISTS (SELECT 1 FROM \"public\".\"post_tags\" AS j1 WHERE j1.\"tag_id\" = t0.\"id\""
            + " AND j1.\"post_id\" = lk.k)");
  }

  @Test
  void contextTablesAggregatesAndCalculationsStayInTheFlatSelect() {
    assertThat(load(RelBlog.POST, "reactions", UnaryOperator.identity()).text()).isEqualTo("SELECT t0.\"id\","
        + " t0.\"resource_id\", t0.\"kind\", t0.\"resource_id\" FROM \"public\".\"post_reactions\" AS t0"
        + " WHERE t0.\"resource_id\" = ANY(?)");
    Sql sql = load(RelBlog.AUTHOR, "posts", p -> p.select("title").aggregate("n", Aggregate.count("comments"))
        .calculate("double", attr("score").times(2)).sort(Sort.desc(io.ashpg.sql.Exprs.aggregate("n"))));
    // the count is grouped over the comments of the loaded posts: their filter (the keys) chooses them
    assertThat(sql.text()).isEqualTo("SELECT t0.\"id\", t0.\"title\", coalesce(ag0.v, ?) AS \"n\","
        + " ((t0.\"score\" * ?)) AS \"double\", t0.\"author_id\" FROM \"public\".\"posts\" AS t0 LEFT JOIN"
        + " (SELECT r1.\"post_id\" AS k, count(*) AS v FROM \"public\".\"comments\" AS r1 WHERE r1.\"post_id\" IN"
        + " (SELECT p1.\"id\" FROM \"public\".\"posts\" AS p1 WHERE p1.\"author_id\" = ANY(?)) GROUP BY"
        + " r1.\"post_id\") AS ag0 ON ag0.k = t0.\"id\" WHERE t0.\"author_id\" = ANY(?)"
        + " ORDER BY coalesce(ag0.v, ?) DESC");
    assertThat(sql.binds()).containsExactly(0L, 2L, KEYS, KEYS, 0L);
    // per parent (a limit), the count stays a lateral subquery per row
    assertThat(load(RelBlog.AUTHOR, "posts", p -> p.aggregate("n", Aggregate.count("comments")).limit(3)).text())
        .contains("LEFT JOIN LATERAL (SELECT count(*) AS v FROM \"public\".\"comments\" AS r1");
  }
}
