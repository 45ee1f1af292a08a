package io.ashpg.data;

import static io.ashpg.sql.Exprs.aggregate;
import static io.ashpg.sql.Exprs.attr;
import static io.ashpg.sql.Exprs.calc;
import static io.ashpg.sql.Exprs.exists;
import static io.ashpg.sql.Exprs.path;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ashpg.error.InvalidQueryException;
import io.ashpg.sql.Sql;
import org.junit.jupiter.api.Test;

/** Expected SQL text and binds for paths, exists, aggregates, calculations and combinations, without a database. */
class RelatedRenderingTest {
  private static final DataLayer DL = DataLayer.of(RelBlog.domain(), null);

  @Test
  void toOnePathIsACorrelatedSubqueryAndToManyIsExists() {
    Sql sql = DL.toSql(Query.of(RelBlog.POST).select("title")
        .filter(path("author", "name").eq("Ann").and(exists("comments", attr("text").ilike("%x%"))))
        .sort(Sort.asc(path("author", "name"))));
    assertThat(sql.text()).isEqualTo("SELECT t0.\"id\", t0.\"title\" FROM \"public\".\"posts\" AS t0 WHERE"
        + " (SELECT r1.\"name\" FROM \"public\".\"authors\" AS r1 WHERE r1.\"id\" = (t0.\"author_id\") LIMIT 1) = ?"
        + " AND EXISTS (SELECT 1 FROM \"public\".\"comments\" AS r1 WHERE r1.\"post_id\" = (t0.\"id\")"
        + " AND (r1.\"text\" ILIKE ?)) ORDER BY (SELECT r1.\"name\" FROM \"public\".\"authors\" AS r1"
        + " WHERE r1.\"id\" = (t0.\"author_id\") LIMIT 1) ASC");
    assertThat(sql.binds()).containsExactly("Ann", "%x%");
  }

  @Test
  void manyToManyAndPolymorphicDestinationsInsideExists() {
    String text = DL.toSql(Query.of(RelBlog.POST).select("title").filter(exists("tags").and(exists("reactions"))))
        .text();
    assertThat(text).contains("EXISTS (SELECT 1 FROM \"public\".\"tags\" AS r1 WHERE (EXISTS (SELECT 1 FROM"
        + " \"public\".\"post_tags\" AS j1 WHERE j1.\"tag_id\" = r1.\"id\" AND j1.\"post_id\" = t0.\"id\")))");
    assertThat(text).contains("EXISTS (SELECT 1 FROM \"public\".\"post_reactions\" AS r1 WHERE"
        + " r1.\"resource_id\" = (t0.\"id\"))");
  }

  @Test
  void aggregatesAreLateralJoinsReadWithCoalesce() {
    Sql sql = DL.toSql(Query.of(RelBlog.POST).select("title")
        .aggregate("n", Aggregate.count("comments"))
        .aggregate("liked", Aggregate.sum("comments", "likes").filter(attr("likes").gt(1)).defaultValue(0))
        .aggregate("top", Aggregate.first("comments", "text").sort(Sort.desc("likes")))
        .aggregate("texts", Aggregate.list("comments", "text").distinct())
        .filter(aggregate("n").gt(3))
        .sort(Sort.desc(aggregate("liked"))));
    assertThat(sql.text()).isEqualTo("SELECT t0.\"id\", t0.\"title\", coalesce(ag0.v, ?) AS \"n\","
        + " coalesce(ag1.v, ?) AS \"liked\", ag2.v AS \"top\", ag3.v AS \"texts\" FROM \"public\".\"posts\" AS t0"
        + " LEFT JOIN LATERAL (SELECT count(*) AS v FROM \"public\".\"comments\" AS r1 WHERE r1.\"post_id\" ="
        + " (t0.\"id\")) AS ag0 ON TRUE"
        + " LEFT JOIN LATERAL (SELECT (sum(r1.\"likes\"))::bigint AS v FROM \"public\".\"comments\" AS r1 WHERE"
        + " r1.\"post_id\" = (t0.\"id\") AND (r1.\"likes\" > ?)) AS ag1 ON TRUE"
        + " LEFT JOIN LATERAL (SELECT (array_agg(r1.\"text\" ORDER BY r1.\"likes\" DESC) FILTER (WHERE r1.\"text\""
        + " IS NOT NULL))[1] AS v FROM \"public\".\"comments\" AS r1 WHERE r1.\"post_id\" = (t0.\"id\")) AS ag2 ON TRUE"
        + " LEFT JOIN LATERAL (SELECT array_agg(DISTINCT r1.\"text\") FILTER (WHERE r1.\"text\" IS NOT NULL) AS v"
        + " FROM \"public\".\"comments\" AS r1 WHERE r1.\"post_id\" = (t0.\"id\")) AS ag3 ON TRUE"
        + " WHERE coalesce(ag0.v, ?) > ? ORDER BY coalesce(ag1.v, ?) DESC");
    assertThat(sql.binds()).containsExactly(0L, 0L, 1L, 0L, 3L, 0L);
  }

  @Test
  void calculationsRenderInline() {
    Sql sql = DL.toSql(Query.of(RelBlog.POST).select("title")
        .calculate("full_title", attr("title").concat(" by ").concat(path("author", "name")))
        .filter(calc("full_title").ne("x")));
    assertThat(sql.text()).isEqualTo("SELECT t0.\"id\", t0.\"title\", (((t0.\"title\" || ?) || (SELECT r1.\"name\""
        + " FROM \"public\".\"authors\" AS r1 WHERE r1.\"id\" = (t0.\"author_id\") LIMIT 1))) AS \"full_title\""
        + " FROM \"public\".\"posts\" AS t0 WHERE (((t0.\"title\" || ?) || (SELECT r1.\"name\" FROM"
        + " \"public\".\"authors\" AS r1 WHERE r1.\"id\" = (t0.\"author_id\") LIMIT 1))) <> ?");
    assertThat(sql.binds()).containsExactly(" by ", " by ", "x");
  }

  @Test
  void combinationsWrapParenthesisedParts() {
    Sql sql = DL.toSql(Combination.of(Query.of(RelBlog.TAG).filter(attr("name").eq("a")))
        .unionAll(Query.of(RelBlog.TAG).sort(Sort.asc("name")).limit(2))
        .except(Query.of(RelBlog.TAG).filter(attr("name").eq("b")))
        .sort(Sort.desc("name")).limit(5).offset(1));
    assertThat(sql.text()).isEqualTo("SELECT t0.\"id\", t0.\"name\" FROM ((SELECT t0.\"id\", t0.\"name\" FROM"
        + " \"public\".\"tags\" AS t0 WHERE t0.\"name\" = ?) UNION ALL (SELECT t0.\"id\", t0.\"name\" FROM"
        + " \"public\".\"tags\" AS t0 ORDER BY t0.\"name\" ASC LIMIT ?) EXCEPT (SELECT t0.\"id\","
        + " t0.\"name\" FROM \"public\".\"tags\" AS t0 WHERE t0.\"name\" = ?)) AS t0 ORDER BY t0.\"name\" DESC"
        + " LIMIT ? OFFSET ?");
    assertThat(sql.binds()).containsExactly("a", 2, "b", 5, 1);
  }

  @Test
  void invalidAggregatesFailWithClearErrors() {
    assertThatThrownBy(() -> Aggregate.min("comments", "likes").distinct())
        .isInstanceOf(InvalidQueryException.class).hasMessageContaining("min aggregate over 'comments'");
    assertThatThrownBy(() -> Aggregate.sum("comments", "likes").sort(Sort.asc("likes")))
        .isInstanceOf(InvalidQueryException.class).hasMessageContaining("cannot be sorted");
    assertThatThrownBy(() -> Query.of(RelBlog.POST).aggregate("n", Aggregate.count("nope")))
        .isInstanceOf(InvalidQueryException.class).hasMessageContaining("no relationship 'nope' (used by aggregate 'n')");
    assertThatThrownBy(() -> DL.toSql(Query.of(RelBlog.POST).aggregate("s", Aggregate.sum("comments", "nope"))))
        .isInstanceOf(InvalidQueryException.class)
        .hasMessageContaining("aggregate 's' (sum over post.comments)").hasMessageContaining("'nope'");
    assertThatThrownBy(() -> DL.toSql(Query.of(RelBlog.POST).aggregate("n", Aggregate.count("comments"))
        .distinctOn("score").sort(Sort.asc("title"))))
        .isInstanceOf(InvalidQueryException.class).hasMessageContaining("aggregates or calculations");
  }
}
