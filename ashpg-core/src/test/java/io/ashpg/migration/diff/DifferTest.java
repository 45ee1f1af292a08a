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

import io.ashpg.migration.diff.Operation.AddAttribute;
import io.ashpg.migration.diff.Operation.AddCheckConstraint;
import io.ashpg.migration.diff.Operation.AddCustomIndex;
import io.ashpg.migration.diff.Operation.AddForeignKey;
import io.ashpg.migration.diff.Operation.AddReferenceIndex;
import io.ashpg.migration.diff.Operation.AddUniqueIndex;
import io.ashpg.migration.diff.Operation.CreateTable;
import io.ashpg.migration.diff.Operation.DropForeignKey;
import io.ashpg.migration.diff.Operation.RemoveAttribute;
import io.ashpg.migration.diff.Operation.RemoveCheckConstraint;
import io.ashpg.migration.diff.Operation.RemoveCustomIndex;
import io.ashpg.migration.diff.Operation.RemoveReferenceIndex;
import io.ashpg.migration.diff.Operation.RemoveUniqueIndex;
import io.ashpg.migration.diff.Operation.RenameAttribute;
import io.ashpg.migration.diff.Operation.RenameUniqueIndex;
import io.ashpg.migration.snapshot.AttributeSnapshot;
import io.ashpg.migration.snapshot.CheckConstraintSnapshot;
import io.ashpg.migration.snapshot.CustomIndexSnapshot;
import io.ashpg.migration.snapshot.MultitenancySnapshot;
import io.ashpg.migration.snapshot.TableSnapshot;
import java.util.List;
import org.junit.jupiter.api.Test;

class DifferTest {

  private final Differ differ = new Differ(false);
  private final TableSnapshot authors = table("authors", uuidPk("id"));

  private List<Class<?>> kinds(List<Operation> ops) {
    return ops.stream().<Class<?>>map(Object::getClass).toList();
  }

  @Test
  void sameSnapshotMeansNoOperations() {
    TableSnapshot t = table("posts", uuidPk("id"), col("title", "text"))
        .withIdentities(List.of(identity("posts", "unique_title", "title")));
    assertThat(differ.diff(t, t, RenameDecider.strict())).isEmpty();
    assertThat(differ.diff(set(t, authors), set(t, authors), RenameDecider.strict())).isEmpty();
  }

  @Test
  void newTableIsCreateTablePlusSeparateForeignKeysAndIndexes() {
    TableSnapshot posts = table("posts", uuidPk("id"), fk("author_id", "uuid", "posts", "authors"))
        .withIdentities(List.of(identity("posts", "u", "author_id")));
    assertThat(kinds(differ.diff(null, posts, RenameDecider.strict())))
        .containsExactly(CreateTable.class, AddForeignKey.class, AddUniqueIndex.class);
  }

  @Test
  void newForeignKeyColumnIsAddColumnPlusAddForeignKey() {
    TableSnapshot before = table("posts", uuidPk("id"));
    TableSnapshot after = before.withAttribute(fk("author_id", "uuid", "posts", "authors"));
    assertThat(kinds(OperationGraph.order(differ.diff(before, after, RenameDecider.strict()))))
        .containsExactly(AddAttribute.class, AddForeignKey.class);
  }

  @Test
  void referenceChangeDropsThenAddsButIndexOnlyChangeLeavesTheConstraint() {
    AttributeSnapshot plain = fk("author_id", "uuid", "posts", "authors");
    TableSnapshot before = table("posts", uuidPk("id"), plain);
    TableSnapshot cascade = table("posts", uuidPk("id"),
        plain.withReferences(plain.references().withOnDelete("delete", null)));
    assertThat(kinds(differ.diff(before, cascade, RenameDecider.strict())))
        .containsExactly(DropForeignKey.class, AddForeignKey.class);

    TableSnapshot indexed = table("posts", uuidPk("id"), plain.withReferences(plain.references().withIndex(true, null)));
    assertThat(kinds(differ.diff(before, indexed, RenameDecider.strict()))).containsExactly(AddReferenceIndex.class);
    TableSnapshot partial = table("posts", uuidPk("id"),
        plain.withReferences(plain.references().withIndex(true, "not_nil")));
    assertThat(kinds(differ.diff(indexed, partial, RenameDecider.strict())))
        .containsExactly(RemoveReferenceIndex.class, AddReferenceIndex.class);
  }

  @Test
  void identityChangesAreDropAndCreateButANameChangeIsARename() {
    TableSnapshot base = table("users", uuidPk("id"), col("email", "text"), col("org", "text"))
        .withIdentities(List.of(identity("users", "unique_email", "email")));
    for (var changed : List.of(
        identity("users", "unique_email", "email", "org"),
        identity("users", "unique_email", "email").withWhere("org IS NOT NULL"),
        identity("users", "unique_email", "email").withNullsDistinct(false),
        identity("users", "unique_email", "email").withBaseFilter("org IS NULL"),
        identity("users", "unique_email", "email").withAllTenants(true))) {
      assertThat(kinds(differ.diff(base, base.withIdentities(List.of(changed)), RenameDecider.strict())))
          .as(changed.toString()).containsExactly(RemoveUniqueIndex.class, AddUniqueIndex.class);
    }
    assertThat(kinds(differ.diff(base, base.withIdentities(List.of(identity("users", "unique_email", "email")
        .withIndexName("users_email_index"))), RenameDecider.strict()))).containsExactly(RenameUniqueIndex.class);
  }

  @Test
  void multitenancyChangeRewritesIdentitiesUnlessAllTenants() {
    TableSnapshot base = table("users", uuidPk("id"), col("email", "text"), col("org_id", "uuid"))
        .withIdentities(List.of(identity("users", "unique_email", "email"),
            identity("users", "global_email", "email").withAllTenants(true)));
    TableSnapshot tenanted = base.withMultitenancy(new MultitenancySnapshot("attribute", "org_id", false));
    List<Operation> ops = differ.diff(base, tenanted, RenameDecider.strict());
    assertThat(ops).extracting(Operation::describe)
        .containsExactly("drop unique index users_unique_email_index on users",
            "add unique index users_unique_email_index on users");
  }

  @Test
  void customIndexAndCheckChangesAreDropAndCreate() {
    TableSnapshot base = table("t", uuidPk("id"), col("a", "text"))
        .withCustomIndexes(List.of(CustomIndexSnapshot.on("a")))
        .withCheckConstraints(List.of(new CheckConstraintSnapshot("a_set", List.of("a"), "a <> ''", null)));
    TableSnapshot changed = base.withCustomIndexes(List.of(CustomIndexSnapshot.on("a").withUsing("hash")))
        .withCheckConstraints(List.of(new CheckConstraintSnapshot("a_set", List.of("a"), "a <> 'x'", null)));
    assertThat(kinds(differ.diff(base, changed, RenameDecider.strict()))).containsExactly(
        RemoveCustomIndex.class, RemoveCheckConstraint.class, AddCheckConstraint.class, AddCustomIndex.class);
    // a message is runtime-only: no DDL
    TableSnapshot message = base.withCustomIndexes(List.of(CustomIndexSnapshot.on("a").withMessage("taken")));
    assertThat(differ.diff(base, message, RenameDecider.strict())).isEmpty();
  }

  @Test
  void anUnchangedForeignKeyWhoseReferencedKeyIsReplacedIsDroppedBeforeAndAddedAfter() {
    AttributeSnapshot postCode = col("post_code", "text").withReferences(
        io.ashpg.migration.snapshot.ReferenceSnapshot.to("comments_post_code_fkey", "posts", "code")
            .withDestination("code", false));
    TableSnapshot comments = table("comments", uuidPk("id"), postCode);
    TableSnapshot posts = table("posts", uuidPk("id"), notNull("code", "text"))
        .withIdentities(List.of(identity("posts", "unique_code", "code")));
    TableSnapshot posts2 = table("posts", uuidPk("id"), notNull("code", "text"))
        .withCustomIndexes(List.of(CustomIndexSnapshot.on("code").withUnique(true)));
    List<Operation> ops = OperationGraph.order(differ.diff(set(posts, comments), set(posts2, comments),
        RenameDecider.strict()));
    assertThat(kinds(ops)).containsExactly(DropForeignKey.class, RemoveUniqueIndex.class, AddCustomIndex.class,
        AddForeignKey.class);
    assertThat(((AddForeignKey) ops.get(3)).attribute()).isEqualTo(postCode);
    // nothing to rebind when the key stays
    assertThat(differ.diff(set(posts, comments), set(posts.withAttribute(col("body", "text")), comments),
        RenameDecider.strict())).extracting(Operation::getClass).containsExactly(AddAttribute.class);
  }

  @Test
  void removedColumnsAreCommentedUnlessDropColumns() {
    TableSnapshot before = table("posts", uuidPk("id"), notNull("legacy", "text"));
    TableSnapshot after = table("posts", uuidPk("id"));
    List<Operation> ops = differ.diff(before, after, RenameDecider.strict());
    assertThat(ops).singleElement().isInstanceOfSatisfying(RemoveAttribute.class, r -> {
      assertThat(r.commented()).isTrue();
      assertThat(r.destructive()).isFalse();
    });
    List<Operation> dropping = new Differ(true).diff(before, after, RenameDecider.strict());
    assertThat(dropping).singleElement().isInstanceOfSatisfying(RemoveAttribute.class,
        r -> assertThat(r.destructive()).isTrue());
  }

  @Test
  void addAndRemoveOnOneTableWithoutADecisionIsAnError() {
    TableSnapshot before = table("posts", uuidPk("id"), col("title", "text"));
    TableSnapshot after = table("posts", uuidPk("id"), col("headline", "text"));
    assertThatThrownBy(() -> differ.diff(before, after, RenameDecider.strict()))
        .isInstanceOf(AmbiguousRenameException.class)
        .hasMessageContaining("posts").hasMessageContaining("[title]").hasMessageContaining("headline")
        .hasMessageContaining("-Dashpg.renames=posts.title:headline");
    assertThat(kinds(differ.diff(before, after, new HintRenameDecider(List.of("posts.title:headline")))))
        .containsExactly(RenameAttribute.class);
    assertThat(kinds(differ.diff(before, after, new HintRenameDecider(List.of("posts.title:-")))))
        .containsExactly(AddAttribute.class, RemoveAttribute.class);
    assertThat(kinds(differ.diff(before, after, NeverRename.INSTANCE)))
        .containsExactly(AddAttribute.class, RemoveAttribute.class);
  }

  @Test
  void tableSetsCreateRenameMoveAndDrop() {
    TableSnapshot a = table("a", uuidPk("id"));
    TableSnapshot b = table("b", uuidPk("id"));
    assertThatThrownBy(() -> differ.diff(set(a), set(b), RenameDecider.strict()))
        .isInstanceOf(AmbiguousRenameException.class).hasMessageContaining("a:b");
    assertThat(differ.diff(set(a), set(b), new HintRenameDecider(List.of("a:b"))))
        .extracting(Operation::describe).containsExactly("rename table a to b");
    assertThat(differ.diff(set(a), set(a.withSchema("s")), new HintRenameDecider(List.of("a:s.a"))))
        .extracting(Operation::describe).containsExactly("move table a from schema public to s");
    assertThat(differ.diff(set(a), set(b), new HintRenameDecider(List.of("a:-"))))
        .extracting(Operation::describe).containsExactly("drop table a", "create table b");
    // a drop loses data: it needs a decision, never happens silently
    assertThatThrownBy(() -> differ.diff(set(a, b), set(b), RenameDecider.strict()))
        .isInstanceOf(AmbiguousRenameException.class).hasMessageContaining("-Dashpg.renames=a:-");
    assertThat(differ.diff(set(a, b), set(b), new HintRenameDecider(List.of("a:-"))))
        .extracting(Operation::describe).containsExactly("drop table a");
  }
}
