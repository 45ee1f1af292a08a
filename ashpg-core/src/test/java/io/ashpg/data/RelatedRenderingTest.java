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
  void plainCountsAreOneGroupedJoinOverTheParentsTheQueryReads() {
    Sql all = DL.toSql(Query.of(RelBlog.POST).select("title").aggregate("n", Aggregate.count("comments")));
    assertThat(all.text()).isEqualTo("SELECT t0.\"id\", t0.\"title\", coalesce(ag0.v, ?) AS \"n\" FROM"
        + " \"public\".\"posts\" AS t0 LEFT JOIN (SELECT r1.\"post_id\" AS k, count(*) AS v FROM"
        + " \"public\".\"comments\" AS r1 GROUP BY r1.\"post_id\") AS ag0 ON ag0.k = t0.\"id\"");
    assertThat(all.binds()).containsExactly(0L);

    // a filtered read counts only its parents' rows: the filter (paths and exists included) chooses them again
    Sql some = DL.toSql(Query.of(RelBlog.POST).select("title")
        .aggregate("liked", Aggregate.count("comments", "text").distinct().filter(attr("likes").gt(0)))
        .filter(attr("score").gt(1).and(path("author", "name").eq("Ann")))
        .sort(Sort.desc(aggregate("liked"))));
    assertThat(some.text()).isEqualTo("SELECT t0.\"id\", t0.\"title\", coalesce(ag0.v, ?) AS \"liked\" FROM"
        + " \"public\".\"posts\" AS t0 LEFT JOIN (SELECT r1.\"post_id\" AS k, count(DISTINCT r1.\"text\") AS v"
        + " FROM \"public\".\"comments\" AS r1 WHERE r1.\"post_id\" IN (SELECT p1.\"id\" FROM \"public\".\"posts\""
        + " AS p1 WHERE p1.\"score\" > ? AND (SELECT r2.\"name\" FROM \"public\".\"authors\" AS r2 WHERE"
        + " r2.\"id\" = (p1.\"author_id\") LIMIT 1) = ?) AND (r1.\"likes\" > ?) GROUP BY r1.\"post_id\") AS ag0"
        + " ON ag0.k = t0.\"id\" WHERE t0.\"score\" > ? AND (SELECT r1.\"name\" FROM \"public\".\"authors\" AS r1"
        + " WHERE r1.\"id\" = (t0.\"author_id\") LIMIT 1) = ? ORDER BY coalesce(ag0.v, ?) DESC");
    assertThat(some.binds()).containsExactly(0L, 1L, "Ann", 0L, 1L, "Ann", 0L);

    // belongs_to: grouped by the destination's key
    assertThat(DL.toSql(Query.of(RelBlog.COMMENT).select("text").aggregate("p", Aggregate.count("post"))).text())
        .contains("LEFT JOIN (SELECT r1.\"id\" AS k, count(*) AS v FROM \"public\".\"posts\" AS r1 GROUP BY"
            + " r1.\"id\") AS ag0 ON ag0.k = t0.\"post_id\"");
  }

  @Test
  void countsStayLateralWhenGroupingCouldChangeTheAnswerOrTheCost() {
    Query base = Query.of(RelBlog.POST).select("title").aggregate("n", Aggregate.count("comments"));
    String lateral = "LEFT JOIN LATERAL (SELECT count(*) AS v FROM \"public\".\"comments\" AS r1";
    // a page: grouping would count the comments of every post, not of the page's
    assertThat(DL.toSql(base.limit(10)).text()).contains(lateral);
    assertThat(DL.toSql(base.offset(10)).text()).contains(lateral);
    assertThat(DL.toSql(base.sort(Sort.asc("title")).after(new Cursor(java.util.Map.of("title", "t",
        "id", "00000000-0000-0000-0000-000000000001")))).text()).contains(lateral);
    // filters that cannot be repeated for the parents: on the aggregate itself, a calculation, raw SQL
    assertThat(DL.toSql(base.filter(aggregate("n").gt(1))).text()).contains(lateral);
    assertThat(DL.toSql(base.calculate("c", attr("score").plus(1)).filter(calc("c").gt(1))).text())
        .contains(lateral);
    assertThat(DL.toSql(base.filter(io.ashpg.sql.Exprs.fragment("random() < 0.5"))).text()).contains(lateral);
    // a default of its own would show for parents without rows, where a lateral count is 0
    assertThat(DL.toSql(Query.of(RelBlog.POST).aggregate("n", Aggregate.count("comments").defaultValue(7))).text())
        .contains(lateral);
    // other kinds, and many to many (an EXISTS per row)
    assertThat(DL.toSql(Query.of(RelBlog.POST).aggregate("s", Aggregate.sum("comments", "likes"))).text())
        .contains("LEFT JOIN LATERAL");
    assertThat(DL.toSql(Query.of(RelBlog.POST).aggregate("t", Aggregate.count("tags"))).text())
        .contains("LEFT JOIN LATERAL (SELECT count(*) AS v FROM \"public\".\"tags\" AS r1 WHERE (EXISTS");
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
        + " \"public\".\"tags\" AS t0 ORDER BY t0.\"name\" ASC LIMIT 2) EXCEPT (SELECT t0.\"id\","
        + " t0.\"name\" FROM \"public\".\"tags\" AS t0 WHERE t0.\"name\" = ?)) AS t0 ORDER BY t0.\"name\" DESC"
        + " LIMIT 5 OFFSET ?");
    assertThat(sql.binds()).containsExactly("a", "b", 1);
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
