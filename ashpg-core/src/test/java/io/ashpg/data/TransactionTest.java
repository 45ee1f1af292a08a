package io.ashpg.data;

import static io.ashpg.sql.Exprs.attr;
import static io.ashpg.sql.Exprs.fragment;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ashpg.error.ConstraintViolationException;
import io.ashpg.error.StatementTimeoutException;
import io.ashpg.testing.WithPostgres;
import io.ashpg.testing.TestDatabase;
import java.time.Duration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Transactions, nested savepoints, statement timeouts. */
@WithPostgres
class TransactionTest {
  private final TestDatabase db;
  private final DataLayer dl;

  TransactionTest(TestDatabase db) {
    this.db = db;
    this.dl = DataLayer.of(Blog.domain(), db.dataSource());
  }

  @BeforeAll
  static void schema(TestDatabase db) {
    Schema.migrate(db, Blog.domain());
  }

  @BeforeEach
  void clean() throws Exception {
    Schema.emptyBlog(db);
  }

  private Changeset author(String name) {
    return Changeset.create(Blog.AUTHOR).set("name", name);
  }

  private long authors() {
    return dl.count(Query.of(Blog.AUTHOR));
  }

  @Test
  void commitsOnReturnAndRollsBackOnThrow() {
    Row created = dl.transaction(tx -> {
      assertThat(tx.inTransaction()).isTrue();
      Row a = tx.create(author("a"));
      // Not visible outside before commit.
      assertThat(authors()).isZero();
      assertThat(tx.count(Query.of(Blog.AUTHOR))).isEqualTo(1);
      return a;
    });
    assertThat(authors()).isEqualTo(1);
    assertThat(created.getString("name")).isEqualTo("a");
    assertThatThrownBy(() -> dl.transaction(tx -> {
      tx.create(author("b"));
      throw new IllegalStateException("boom");
    })).hasMessage("boom");
    assertThat(authors()).isEqualTo(1);
  }

  @Test
  void nestedTransactionIsASavepointSoAFailedWriteLeavesTheOuterUsable() {
    dl.transaction(tx -> {
      tx.create(author("dup"));
      assertThatThrownBy(() -> tx.transaction(inner -> inner.create(author("dup"))))
          .isInstanceOf(ConstraintViolationException.class);
      // The outer transaction was not aborted.
      tx.create(author("after"));
      tx.transaction(inner -> inner.create(author("inner ok")));
      assertThatThrownBy(() -> tx.transaction(inner -> {
        inner.create(author("rolled back"));
        throw new IllegalArgumentException("undo inner");
      })).hasMessage("undo inner");
      return null;
    });
    assertThat(dl.read(Query.of(Blog.AUTHOR).sort(Sort.asc("name")))).extracting(r -> r.getString("name"))
        .containsExactly("after", "dup", "inner ok");
  }

  @Test
  void aTransactionsDataLayerCannotBeUsedAfterItEnds() {
    DataLayer escaped = dl.transaction(tx -> tx);
    assertThatThrownBy(() -> escaped.count(Query.of(Blog.AUTHOR))).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("ended");
  }

  @Test
  void statementTimeout() {
    dl.create(author("existing"));
    DataLayer quick = dl.withStatementTimeout(Duration.ofMillis(100));
    assertThatThrownBy(() -> quick.read(Query.of(Blog.AUTHOR).filter(fragment("pg_sleep(?) IS NOT NULL", 1.0))))
        .isInstanceOf(StatementTimeoutException.class).hasMessageContaining("57014");
    assertThat(quick.read(Query.of(Blog.AUTHOR))).hasSize(1);
    assertThatThrownBy(() -> quick.transaction(tx -> {
      tx.create(author("t"));
      return tx.read(Query.of(Blog.AUTHOR).filter(fragment("pg_sleep(?) IS NOT NULL", 1.0)));
    })).isInstanceOf(StatementTimeoutException.class);
    assertThat(authors()).isEqualTo(1);
    // A timeout set for one operation does not leak into the pooled connection's later use.
    assertThat(dl.read(Query.of(Blog.AUTHOR).filter(fragment("pg_sleep(?) IS NOT NULL", 0.2)))).hasSize(1);
    assertThatThrownBy(() -> dl.transaction(tx -> tx.withStatementTimeout(Duration.ofSeconds(1))))
        .isInstanceOf(IllegalStateException.class);
  }

  @Test
  void bulkCreateIsAtomic() {
    assertThatThrownBy(() -> dl.bulkCreate(Blog.AUTHOR, java.util.List.of(java.util.Map.of("name", "x"),
        java.util.Map.of("name", "y"), java.util.Map.of("name", "x")), BulkOptions.defaults().batchSize(1)))
        .isInstanceOf(ConstraintViolationException.class);
    assertThat(authors()).isZero();
    assertThat(dl.read(Query.of(Blog.AUTHOR).filter(attr("name").eq("x")))).isEmpty();
  }
}
