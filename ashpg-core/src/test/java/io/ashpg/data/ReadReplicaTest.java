package io.ashpg.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ashpg.repo.Repo;
import io.ashpg.resource.Domain;
import io.ashpg.resource.RepoPurpose;
import io.ashpg.resource.Resource;
import io.ashpg.resource.Type;
import io.ashpg.testing.TestDatabase;
import io.ashpg.testing.TestPostgres;
import io.ashpg.testing.WithPostgres;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Read replicas through {@code repo(RepoSelector)}: notes read through {@link NoteReplica}, which
 * {@link DataLayer#withReadDataSource} maps to a second pool on another database. Its rows differ from the
 * primary's, so every result shows where the statement went: reads (rows, count, get, loads) to the replica;
 * writes, locking reads and everything in a transaction to the primary; resources reading through the primary's repo
 * stay there.
 */
@WithPostgres
class ReadReplicaTest {

  /** The repo notes are read through. */
  public static final class NoteReplica extends Repo {}

  static final Resource NOTE = Resource.define("note", r -> r
      .postgres(pg -> pg.repo((resource, purpose) -> purpose == RepoPurpose.READ ? NoteReplica.class
          : PlainDataRepo.class).table("notes"))
      .uuidPrimaryKey("id")
      .attribute("body", Type.STRING)
      .belongsTo("tag", "tag"));

  static final Resource TAG = Resource.define("tag", r -> r
      .postgres(pg -> pg.repo(PlainDataRepo.class).table("tags"))
      .uuidPrimaryKey("id")
      .attribute("name", Type.STRING)
      .hasMany("notes", "note"));

  private final TestDatabase db;

  ReadReplicaTest(TestDatabase db) {
    this.db = db;
  }

  private static void exec(TestDatabase on, String sql) throws SQLException {
    try (Connection c = on.connect(); Statement s = c.createStatement()) {
      s.execute(sql);
    }
  }

  private static List<String> bodies(List<Row> rows) {
    return rows.stream().map(r -> r.getString("body")).sorted().toList();
  }

  @Test
  void readsGoToTheReplicaWritesLocksAndTransactionsToThePrimary() throws SQLException {
    Domain domain = Domain.of(List.of(NOTE, TAG));
    try (TestDatabase replica = TestPostgres.createDatabase("replica")) {
      Schema.migrate(db, domain);
      Schema.migrate(replica, domain);
      exec(replica, "INSERT INTO tags (id, name) VALUES ('00000000-0000-0000-0000-000000000001', 'replica tag');"
          + " INSERT INTO notes (id, body, tag_id) VALUES (gen_random_uuid(), 'on the replica',"
          + " '00000000-0000-0000-0000-000000000001')");
      DataLayer dl = DataLayer.of(domain, db.dataSource()).withReadDataSource(NoteReplica.class,
          replica.dataSource());

      Row tag = dl.create(Changeset.create(TAG).set("name", "primary tag"));
      Row written = dl.create(Changeset.create(NOTE).set("body", "written").set("tag_id", tag.get("id")));

      // writes went to the primary, plain reads of notes to the replica
      assertThat(bodies(DataLayer.of(domain, db.dataSource()).read(Query.of(NOTE)))).containsExactly("written");
      assertThat(bodies(dl.read(Query.of(NOTE)))).containsExactly("on the replica");
      assertThat(dl.count(Query.of(NOTE))).isEqualTo(1);
      assertThat(dl.get(NOTE, written.get("id"))).isEmpty();
      // tags read through the primary's repo: the primary's tag, and loading its notes reads notes on the replica
      assertThat(dl.read(Query.of(TAG).load("notes"))).singleElement().satisfies(t -> {
        assertThat(t.getString("name")).isEqualTo("primary tag");
        assertThat(t.isLoaded("notes")).isTrue();
        assertThat(t.many("notes")).isEmpty();
      });

      // locking reads and transactions stay on the primary
      assertThat(bodies(dl.read(Query.of(NOTE).lock(Lock.forUpdate())))).containsExactly("written");
      List<String> inTransaction = dl.transaction(tx -> bodies(tx.read(Query.of(NOTE))));
      assertThat(inTransaction).containsExactly("written");
      java.util.Optional<Row> got = dl.transaction(tx -> tx.get(NOTE, written.get("id")));
      assertThat(got).isPresent();

      assertThatThrownBy(() -> dl.withReadDataSource(Replica2.class, replica.dataSource()))
          .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Replica2")
          .hasMessageContaining("RepoPurpose.READ");
    }
  }

  /** A repo no resource reads through. */
  public static final class Replica2 extends Repo {}
}
