package io.ashpg.migration.diff;

import static io.ashpg.migration.Snap.col;
import static io.ashpg.migration.Snap.fk;
import static io.ashpg.migration.Snap.identity;
import static io.ashpg.migration.Snap.notNull;
import static io.ashpg.migration.Snap.set;
import static io.ashpg.migration.Snap.table;
import static io.ashpg.migration.Snap.uuidPk;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ashpg.migration.snapshot.AttributeSnapshot;
import io.ashpg.migration.snapshot.ReferenceSnapshot;
import io.ashpg.migration.snapshot.TableSnapshot;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OrderingTest {

  private final Differ differ = new Differ(true);

  private List<String> ordered(Map<io.ashpg.migration.snapshot.TableKey, TableSnapshot> old,
      Map<io.ashpg.migration.snapshot.TableKey, TableSnapshot> now) {
    // drops are confirmed (NeverRename): what is under test is their order
    return OperationGraph.order(differ.diff(old, now, NeverRename.INSTANCE)).stream()
        .map(Operation::describe).toList();
  }

  private static AttributeSnapshot refTo(String col, String table, String destTable, String destCol) {
    return col(col, "text").withReferences(ReferenceSnapshot.to(table + "_" + col + "_fkey", destTable, destCol)
        .withDestination(destCol, false));
  }

  @Test
  void selfReferenceToAnIdentityColumnCreatesTheUniqueIndexBeforeTheForeignKey() {
    TableSnapshot categories = table("categories", uuidPk("id"), notNull("code", "text"),
        refTo("parent_code", "categories", "categories", "code"))
        .withIdentities(List.of(identity("categories", "unique_code", "code")));
    assertThat(ordered(Map.of(), set(categories))).containsExactly(
        "create table categories",
        "add unique index categories_unique_code_index on categories",
        "add foreign key categories_parent_code_fkey on categories.parent_code");
  }

  @Test
  void foreignKeyToAnIdentityOfAnotherNewTableWaitsForItsIndex() {
    TableSnapshot a = table("a_posts", uuidPk("id"), refTo("author_code", "a_posts", "z_authors", "code"));
    TableSnapshot z = table("z_authors", uuidPk("id"), notNull("code", "text"))
        .withIdentities(List.of(identity("z_authors", "unique_code", "code")));
    // z_authors and its unique index come first, so the FK can be inline in CREATE TABLE a_posts
    List<Operation> ops = OperationGraph.order(differ.diff(Map.of(), set(a, z), RenameDecider.strict()));
    assertThat(ops).extracting(Operation::describe).containsExactly("create table z_authors",
        "add unique index z_authors_unique_code_index on z_authors", "create table a_posts");
    assertThat(((Operation.CreateTable) ops.get(2)).inlineForeignKeys()).hasSize(1);
  }

  @Test
  void droppingAnIdentityAnFkDependsOnDropsTheFkFirst() {
    TableSnapshot authors = table("authors", uuidPk("id"), notNull("code", "text"))
        .withIdentities(List.of(identity("authors", "unique_code", "code")));
    TableSnapshot posts = table("posts", uuidPk("id"), refTo("author_code", "posts", "authors", "code"));
    TableSnapshot authors2 = authors.withIdentities(List.of());
    TableSnapshot posts2 = table("posts", uuidPk("id"), col("author_code", "text"));
    // "authors" sorts first, so without the facts its index drop would come first
    assertThat(ordered(set(authors, posts), set(authors2, posts2))).containsExactly(
        "drop foreign key posts_author_code_fkey on posts",
        "drop unique index authors_unique_code_index on authors");
  }

  @Test
  void twoNewTablesWithForeignKeysBothWays() {
    TableSnapshot teams = table("teams", uuidPk("id"), fk("captain_id", "uuid", "teams", "players"));
    TableSnapshot players = table("players", uuidPk("id"), fk("team_id", "uuid", "players", "teams"));
    List<Operation> ops = OperationGraph.order(differ.diff(Map.of(), set(teams, players), RenameDecider.strict()));
    assertThat(ops).hasSize(3);
    assertThat(ops.get(0)).isInstanceOfSatisfying(Operation.CreateTable.class, c -> {
      assertThat(c.table().table()).isEqualTo("teams");
      assertThat(c.inlineForeignKeys()).isEmpty();
    });
    assertThat(ops.get(1)).isInstanceOfSatisfying(Operation.CreateTable.class, c -> {
      assertThat(c.table().table()).isEqualTo("players");
      assertThat(c.inlineForeignKeys()).extracting(AttributeSnapshot::source).containsExactly("team_id");
    });
    assertThat(ops.get(2).describe()).isEqualTo("add foreign key teams_captain_id_fkey on teams.captain_id");
  }

  @Test
  void dependentTablesAreDroppedFirst() {
    TableSnapshot companies = table("companies", uuidPk("id"));
    TableSnapshot projects = table("projects", uuidPk("id"), fk("company_id", "uuid", "projects", "companies"));
    TableSnapshot tasks = table("tasks", uuidPk("id"), fk("project_id", "uuid", "tasks", "projects"));
    assertThat(ordered(set(companies, projects, tasks), Map.of()))
        .containsExactly("drop table tasks", "drop table projects", "drop table companies");
  }

  @Test
  void renamesComeBeforeTheAltersThatUseThem() {
    TableSnapshot before = table("notes", uuidPk("id"), notNull("title", "text"));
    TableSnapshot after = table("notes", uuidPk("id"), col("headline", "text"))
        .withIdentities(List.of(identity("notes", "unique_headline", "headline")));
    List<String> order = OperationGraph.order(differ.diff(before, after,
        new HintRenameDecider(List.of("notes.title:headline")))).stream().map(Operation::describe).toList();
    assertThat(order).containsExactly("rename column notes.title to headline", "alter column notes.headline",
        "add unique index notes_unique_headline_index on notes");
  }

  @Test
  void sortIsStableAndDetectsCycles() {
    TableSnapshot t = table("t", uuidPk("id"), col("a", "text"));
    List<Operation> independent = List.of(
        new Operation.AddCustomIndex(t, io.ashpg.migration.snapshot.CustomIndexSnapshot.on("a")),
        new Operation.AddCheckConstraint(t, new io.ashpg.migration.snapshot.CheckConstraintSnapshot("c",
            List.of(), "true", null)));
    assertThat(OperationGraph.sort(independent)).isEqualTo(independent);
    // two identities swapping index names by drop/add is fine, but renaming into each other's name is a cycle
    var i1 = identity("t", "one", "a");
    var i2 = identity("t", "two", "a").withIndexName("t_one_index");
    List<Operation> swap = List.of(new Operation.RenameUniqueIndex(t, i2, "t_two_index"),
        new Operation.RenameUniqueIndex(t, i1.withIndexName("t_two_index"), "t_one_index"));
    assertThatThrownBy(() -> OperationGraph.sort(swap)).isInstanceOf(OperationCycleException.class)
        .hasMessageContaining("rename index");
  }
}
