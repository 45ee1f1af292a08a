package io.ashpg.migration.snapshot;

import static org.assertj.core.api.Assertions.assertThat;

import io.ashpg.migration.Snap;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SnapshotStoreTest {

  @TempDir
  Path root;

  @Test
  void layoutLatestAndListing() throws Exception {
    SnapshotStore store = new SnapshotStore(root);
    TableSnapshot posts = Snap.table("posts", Snap.uuidPk("id"));
    TableSnapshot articles = Snap.table("blog", "articles", Snap.uuidPk("id"));
    TableSnapshot tasks = Snap.table("tasks", Snap.uuidPk("id"))
        .withMultitenancy(new MultitenancySnapshot("context", null, false));
    assertThat(store.write(posts, "20260101000000")).isEqualTo(root.resolve("test_repo/posts/20260101000000.json"));
    TableSnapshot posts2 = posts.withAttribute(Snap.col("title", "text"));
    store.write(posts2, "20260102000000");
    assertThat(store.write(articles, "20260101000000"))
        .isEqualTo(root.resolve("test_repo/blog.articles/20260101000000.json"));
    assertThat(store.write(tasks, "20260101000000"))
        .isEqualTo(root.resolve("test_repo/tenants/tasks/20260101000000.json"));
    Files.writeString(root.resolve("test_repo/posts/notes.txt"), "ignored");

    assertThat(store.latest("test_repo", false, null, "posts")).get()
        .satisfies(s -> {
          assertThat(s.version()).isEqualTo("20260102000000");
          assertThat(s.snapshot()).isEqualTo(posts2);
        });
    assertThat(store.latestOfAll("test_repo", false)).extracting(s -> s.snapshot().key().toString())
        .containsExactly("blog.articles", "posts");
    assertThat(store.latestOfAll("test_repo", true)).extracting(s -> s.snapshot().table()).containsExactly("tasks");
    assertThat(store.changed(posts2)).isFalse();
    assertThat(store.changed(posts)).isTrue();

    store.writeExtensions("test_repo", new ExtensionsSnapshot(java.util.List.of("citext")));
    assertThat(store.extensions("test_repo")).get().isEqualTo(new ExtensionsSnapshot(java.util.List.of("citext")));
    assertThat(store.latestOfAll("test_repo", false)).hasSize(2);

    store.deleteTable("test_repo", false, null, "posts");
    assertThat(store.latest("test_repo", false, null, "posts")).isEmpty();
  }

  @Test
  void beforeAVersionGivesEachTableAsItWasThen() {
    SnapshotStore store = new SnapshotStore(root);
    TableSnapshot posts = Snap.table("posts", Snap.uuidPk("id"));
    TableSnapshot posts2 = posts.withAttribute(Snap.col("title", "text"));
    TableSnapshot tags = Snap.table("tags", Snap.uuidPk("id"));
    TableSnapshot tasks = Snap.table("tasks", Snap.uuidPk("id"))
        .withMultitenancy(new MultitenancySnapshot("context", null, false));
    store.write(posts, "20260101000002");
    store.write(posts2, "20260101000004");
    store.write(tags, "20260101000004");
    store.write(tasks, "20260101000002");

    assertThat(store.before("test_repo", false, null)).extracting(StoredSnapshot::snapshot)
        .containsExactly(posts2, tags);
    assertThat(store.before("test_repo", false, "20260101000003")).extracting(StoredSnapshot::snapshot)
        .containsExactly(posts);
    assertThat(store.before("test_repo", false, "20260101000004")).extracting(StoredSnapshot::version)
        .containsExactly("20260101000002");
    assertThat(store.before("test_repo", false, "20260101000001")).isEmpty();
    assertThat(store.before("test_repo", true, "20260101000003")).extracting(StoredSnapshot::snapshot)
        .containsExactly(tasks);
    assertThat(store.before("other_repo", false, null)).isEmpty();
  }
}
