package io.ashpg.resource;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class NamesTest {

  @Test
  void conventions() {
    assertThat(Names.primaryKey("posts")).isEqualTo("posts_pkey");
    assertThat(Names.identityIndex("posts", "unique_title")).isEqualTo("posts_unique_title_index");
    assertThat(Names.foreignKey("comments", "post_id")).isEqualTo("comments_post_id_fkey");
    assertThat(Names.referenceIndex("comments", List.of("org_id", "post_id"))).isEqualTo("comments_org_id_post_id_index");
  }

  @Test
  void customIndexNameReplacesNonWordCharactersAndTrimsTrailingUnderscores() {
    assertThat(Names.customIndex("posts", List.of(IndexField.of("title"), IndexField.of("body"))))
        .isEqualTo("posts_title_body_index");
    assertThat(Names.customIndex("posts", List.of(IndexField.of("lower(title)"))))
        .isEqualTo("posts_lower_title_index");
    assertThat(Names.customIndex("posts", List.of(IndexField.desc("inserted_at"))))
        .isEqualTo("posts_inserted_at_index");
    assertThat(Names.customIndex("posts", "title", "author_id")).isEqualTo("posts_title_author_id_index");
  }

  @Test
  void byteLengthCountsUtf8Bytes() {
    assertThat(Names.byteLength("abc")).isEqualTo(3);
    assertThat(Names.byteLength("ä")).isEqualTo(2);
    assertThat(Names.tooLong("a".repeat(63))).isFalse();
    assertThat(Names.tooLong("a".repeat(64))).isTrue();
    assertThat(Names.tooLong("ä".repeat(32))).isTrue();
    assertThat(Names.MAX_IDENTIFIER_BYTES).isEqualTo(63);
  }
}
