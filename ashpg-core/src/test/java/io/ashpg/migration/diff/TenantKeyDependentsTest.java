package io.ashpg.migration.diff;

import static io.ashpg.migration.Snap.col;
import static io.ashpg.migration.Snap.identity;
import static io.ashpg.migration.Snap.notNull;
import static io.ashpg.migration.Snap.set;
import static io.ashpg.migration.Snap.table;
import static io.ashpg.migration.Snap.uuidPk;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import io.ashpg.migration.diff.TenantKeyDependents.Dependent;
import io.ashpg.migration.snapshot.AttributeSnapshot;
import io.ashpg.migration.snapshot.MultitenancySnapshot;
import io.ashpg.migration.snapshot.ReferenceSnapshot;
import io.ashpg.migration.snapshot.TableSnapshot;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Which tenant foreign keys are in the way of a public migration: only keys to exactly the columns of a removed
 * unique key (or to a dropped table), found through renames and schema moves of the global table and column renames
 * of its primary key; never keys to a tenant schema's own tables, nor to keys that stay.
 */
class TenantKeyDependentsTest {

  private static final MultitenancySnapshot CONTEXT = new MultitenancySnapshot("context", null, false);

  private final Differ differ = new Differ(true);

  /** posts(id) with a unique code; every tenant reference below points into it or at the tenant's own drafts. */
  private final TableSnapshot posts = table("posts", uuidPk("id"), notNull("code", "text"))
      .withIdentities(List.of(identity("posts", "unique_code", "code")));

  private final TableSnapshot revisions = table("revisions", uuidPk("id"),
      ref("post_id", ReferenceSnapshot.to("revisions_post_id_fkey", "posts", "id")),
      ref("post_code", ReferenceSnapshot.to("revisions_post_code_fkey", "posts", "code")),
      ref("draft_id", ReferenceSnapshot.to("revisions_draft_id_fkey", "posts", "id").withMultitenancy(CONTEXT)))
      .withMultitenancy(CONTEXT);

  private static AttributeSnapshot ref(String name, ReferenceSnapshot r) {
    return col(name, "uuid").withReferences(r);
  }

  private List<Dependent> dependents(TableSnapshot after, String... hints) {
    return dependents(posts, after, hints);
  }

  private List<Dependent> dependents(TableSnapshot before, TableSnapshot after, String... hints) {
    List<Operation> ops = differ.diff(set(before), set(after), new HintRenameDecider(List.of(hints)));
    return TenantKeyDependents.find(List.of(revisions), ops);
  }

  private TableSnapshot keyMovedToGuid(TableSnapshot t) {
    return t.withAttributes(t.attributes().stream().map(a -> a.source().equals("id") ? a.withPrimaryKey(false) : a)
        .toList()).withAttribute(uuidPk("guid"));
  }

  @Test
  void aMovedPrimaryKeyConcernsOnlyTheGlobalKeysToItsColumns() {
    // the draft key names table posts too, but as a tenant table: it lives in the tenant schema
    assertThat(dependents(keyMovedToGuid(posts)))
        .extracting(Dependent::tenantTable, Dependent::constraint, Dependent::columns, Dependent::globalTable,
            Dependent::referencedColumns, Dependent::removal)
        .containsExactly(tuple("revisions", "revisions_post_id_fkey", List.of("post_id"), "public.posts",
            List.of("id"), "primary key posts_pkey (id) of global table public.posts"));
  }

  @Test
  void aRemovedIdentityConcernsTheKeysToItsColumns() {
    assertThat(dependents(posts.withIdentities(List.of()))).extracting(Dependent::constraint, Dependent::removal)
        .containsExactly(tuple("revisions_post_code_fkey",
            "unique index posts_unique_code_index (code) of identity unique_code of global table public.posts"));
  }

  @Test
  void aPartialUniqueIndexNeverBacksAForeignKey() {
    TableSnapshot partial = posts.withIdentities(List.of(identity("posts", "unique_code", "code")
        .withWhere("code <> ''")));
    assertThat(dependents(partial, posts.withIdentities(List.of()))).isEmpty();
  }

  @Test
  void changesThatKeepTheKeysConcernNothing() {
    assertThat(dependents(posts.withAttribute(col("title", "text")))).isEmpty();
    assertThat(dependents(posts.withTable("articles"), "posts:articles")).isEmpty();
  }

  @Test
  void aDroppedTableConcernsEveryKeyToIt() {
    List<Operation> ops = differ.diff(set(posts), set(), new HintRenameDecider(List.of("posts:-")));
    assertThat(TenantKeyDependents.find(List.of(revisions), ops)).extracting(Dependent::constraint)
        .containsExactly("revisions_post_id_fkey", "revisions_post_code_fkey");
  }

  @Test
  void aRenamedOrMovedTableIsMatchedUnderItsStoredName() {
    TableSnapshot renamed = keyMovedToGuid(posts).withTable("articles");
    assertThat(dependents(renamed, "posts:articles")).extracting(Dependent::globalTable, Dependent::removal)
        .containsExactly(tuple("public.posts", "primary key articles_pkey (id) of global table public.posts"));

    TableSnapshot movedAndRenamed = keyMovedToGuid(posts).withTable("articles").withSchema("archive");
    assertThat(dependents(movedAndRenamed, "posts:archive.articles")).extracting(Dependent::constraint)
        .containsExactly("revisions_post_id_fkey");

    TableSnapshot inArchive = posts.withSchema("archive");
    TableSnapshot backInPublic = keyMovedToGuid(posts.withSchema(null));
    assertThat(TenantKeyDependents.find(List.of(revisions), differ.diff(set(inArchive), set(backInPublic),
        new HintRenameDecider(List.of("archive.posts:posts"))))).isEmpty(); // revisions reference public.posts
  }

  @Test
  void aPrimaryKeyColumnRenamedInTheSameMigrationIsMatchedUnderItsStoredName() {
    TableSnapshot renamedColumn = keyMovedToGuid(posts).withAttributes(keyMovedToGuid(posts).attributes().stream()
        .map(a -> a.source().equals("id") ? a.withSource("old_id") : a).toList());
    assertThat(dependents(renamedColumn, "posts.id:old_id")).extracting(Dependent::constraint, Dependent::removal)
        .containsExactly(tuple("revisions_post_id_fkey", "primary key posts_pkey (id) of global table public.posts"));
  }
}
