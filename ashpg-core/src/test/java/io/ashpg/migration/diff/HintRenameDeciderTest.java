package io.ashpg.migration.diff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ashpg.migration.snapshot.TableKey;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class HintRenameDeciderTest {

  private final TableKey posts = new TableKey(null, "posts");

  @Test
  void columnHints() {
    HintRenameDecider d = new HintRenameDecider(List.of("posts.title:headline", " posts.legacy:- ",
        "blog.articles.body:content"));
    assertThat(d.renamedFrom(posts, "headline", List.of("title", "legacy"))).contains("title");
    // legacy was declared removed, title is claimed by another rename: nothing left to ask about
    assertThat(d.renamedFrom(posts, "other", List.of("title", "legacy"))).isEmpty();
    assertThat(d.renamedFrom(new TableKey("blog", "articles"), "content", List.of("body"))).contains("body");
  }

  @Test
  void unansweredQuestionsGoToTheFallbackWhichByDefaultThrowsListingCandidates() {
    HintRenameDecider d = new HintRenameDecider(List.of());
    assertThatThrownBy(() -> d.renamedFrom(posts, "headline", List.of("title", "subtitle")))
        .isInstanceOf(AmbiguousRenameException.class)
        .hasMessageContaining("[title, subtitle]")
        .hasMessageContaining("posts.title:headline")
        .satisfies(e -> assertThat(((AmbiguousRenameException) e).candidates()).containsExactly("title", "subtitle"));
    assertThat(new HintRenameDecider(List.of(), NeverRename.INSTANCE).renamedFrom(posts, "x", List.of("y")))
        .isEmpty();
  }

  @Test
  void tableHints() {
    HintRenameDecider d = new HintRenameDecider(List.of("old_posts:posts", "b:archive.b", "gone:-"));
    TableKey oldPosts = new TableKey(null, "old_posts");
    TableKey gone = new TableKey(null, "gone");
    assertThat(d.tableRenamedFrom(posts, List.of(gone, oldPosts))).contains(oldPosts);
    assertThat(d.tableRenamedFrom(new TableKey("archive", "b"), List.of(new TableKey(null, "b"))))
        .contains(new TableKey(null, "b"));
    assertThat(d.tableRenamedFrom(new TableKey(null, "fresh"), List.of(gone))).isEqualTo(Optional.empty());
  }

  @Test
  void aSchemaQualifiedTableWithoutResourceIsConfirmedDroppedByItsOwnHint() {
    TableKey fooPosts = new TableKey("foo", "posts");
    HintRenameDecider d = new HintRenameDecider(List.of("foo.posts:-"));
    // the hint the error message asks for
    assertThatThrownBy(() -> RenameDecider.strict().confirmDrop(fooPosts)).hasMessageContaining("foo.posts:-");
    assertThat(d.confirmDrop(fooPosts)).isTrue();
    // it named the table, so it says nothing about a column "posts" of a table "foo"
    assertThatThrownBy(() -> d.renamedFrom(new TableKey(null, "foo"), "articles", List.of("posts")))
        .isInstanceOf(AmbiguousRenameException.class);
  }

  @Test
  void aSchemaQualifiedTableMovedToTheDefaultSchemaIsATableHint() {
    TableKey fooPosts = new TableKey("foo", "posts");
    HintRenameDecider d = new HintRenameDecider(List.of("foo.posts:posts"));
    assertThat(d.tableRenamedFrom(posts, List.of(new TableKey(null, "gone"), fooPosts))).contains(fooPosts);
  }

  @Test
  void aDottedHintWhoseLeftIsNoTableWithoutResourceStaysAColumnHint() {
    HintRenameDecider d = new HintRenameDecider(List.of("foo.posts:-", "posts.title:-", "posts.body:text"),
        NeverRename.INSTANCE);
    // no table foo.posts lost its resource: column "posts" of table "foo" was removed, not renamed
    assertThat(d.tableRenamedFrom(new TableKey(null, "fresh"), List.of(new TableKey(null, "gone")))).isEmpty();
    assertThat(d.renamedFrom(new TableKey(null, "foo"), "articles", List.of("posts"))).isEmpty();
    assertThat(new HintRenameDecider(List.of("foo.posts:-")).renamedFrom(new TableKey(null, "foo"), "articles",
        List.of("posts"))).isEmpty();
    assertThat(d.renamedFrom(posts, "text", List.of("title", "body"))).contains("body");
    assertThat(d.renamedFrom(posts, "other", List.of("title"))).isEmpty();
  }

  @Test
  void wrongOrMalformedHintsAreErrorsNamingThem() {
    assertThatThrownBy(() -> new HintRenameDecider(List.of("posts.title")))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'posts.title'");
    HintRenameDecider d = new HintRenameDecider(List.of("posts.titel:headline"));
    assertThatThrownBy(() -> d.renamedFrom(posts, "headline", List.of("title")))
        .hasMessageContaining("titel").hasMessageContaining("[title]");
  }
}
