package io.ashpg.data;

import static io.ashpg.sql.Exprs.attr;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.ashpg.sql.Sql;
import io.ashpg.testing.TestDatabase;
import io.ashpg.testing.WithPostgres;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A limited read, prepared repeatedly on one connection as pgjdbc does, settles on PostgreSQL's generic plan instead
 * of being planned again on every execution (which a bound {@code LIMIT $n} causes).
 */
@WithPostgres
class PreparedPlanTest {
  private final TestDatabase db;

  PreparedPlanTest(TestDatabase db) {
    this.db = db;
  }

  @BeforeAll
  static void schema(TestDatabase db) throws SQLException {
    Schema.migrate(db, Blog.domain());
    // enough rows that a generic plan for an unknown limit (PostgreSQL assumes 10% of the rows) costs clearly more
    // than the planned top 10, which is what kept a bound limit from ever using the generic plan
    try (Connection c = db.connect(); Statement s = c.createStatement()) {
      s.execute("INSERT INTO public.posts (id, title, score) SELECT gen_random_uuid(), 'p' || g, g"
          + " FROM generate_series(1, 50000) g");
      s.execute("CREATE INDEX posts_score_plan_test ON public.posts (score)");
      s.execute("ANALYZE public.posts");
    }
  }

  @Test
  void aTopNReadReachesTheGenericPlan() throws SQLException {
    // generic_plans / custom_plans exist from PostgreSQL 14 on
    assumeTrue(db.serverVersionNum() >= 140000, "needs PostgreSQL 14+");
    DataLayer dl = DataLayer.of(Blog.domain(), null);
    try (Connection c = db.connect()) {
      String text = null;
      for (int i = 0; i < 20; i++) {
        Sql sql = dl.toSql(Query.of(Blog.POST).select("title").filter(attr("score").gt(1000 * (i % 8)))
            .sort(Sort.desc("score")).limit(10));
        text = sql.text();
        try (PreparedStatement ps = c.prepareStatement(text)) {
          Jdbc.bind(c, ps, sql.binds());
          try (ResultSet rs = ps.executeQuery()) {
            int n = 0;
            while (rs.next()) {
              n++;
            }
            assertThat(n).isEqualTo(10);
          }
        }
      }
      assertThat(text).endsWith(" LIMIT 10");
      try (PreparedStatement ps = c.prepareStatement("SELECT generic_plans, custom_plans FROM pg_prepared_statements"
          + " WHERE statement = ?")) {
        ps.setString(1, text.replace("> ?", "> $1"));
        try (ResultSet rs = ps.executeQuery()) {
          assertThat(rs.next()).as("pgjdbc prepared the statement on the server").isTrue();
          // PostgreSQL plans the first five executions individually, then compares them with the generic plan
          assertThat(rs.getLong("custom_plans")).isLessThanOrEqualTo(5);
          assertThat(rs.getLong("generic_plans")).isGreaterThan(0);
        }
      }
    }
  }
}
