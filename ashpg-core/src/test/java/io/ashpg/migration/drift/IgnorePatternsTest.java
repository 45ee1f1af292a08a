package io.ashpg.migration.drift;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ashpg.migration.introspect.CatalogDifference;
import io.ashpg.migration.introspect.CatalogDifference.Kind;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Which differences a glob leaves out: names alone and qualified, tables with all their objects. */
class IgnorePatternsTest {

  private static CatalogDifference diff(String schema, String table, String object) {
    return new CatalogDifference(Kind.UNEXPECTED, schema, table, object, null, null, "x");
  }

  @Test
  void aGlobMatchesTheWholeNameAloneOrQualified() {
    IgnorePatterns p = IgnorePatterns.of(List.of("legacy_*", "posts.tmp_?", "org_*.imports", "public.tags.*_idx"));

    assertThat(p.ignores(diff("public", "posts", "column legacy_note"))).isTrue();
    assertThat(p.ignores(diff("public", "posts", "column my_legacy_note"))).isFalse();
    assertThat(p.ignores(diff("public", "posts", "index tmp_1"))).isTrue();
    assertThat(p.ignores(diff("public", "posts", "index tmp_12"))).isFalse();
    assertThat(p.ignores(diff("public", "users", "index tmp_1"))).isFalse();
    assertThat(p.ignores(diff("org_7", "imports", "table"))).isTrue();
    assertThat(p.ignores(diff("org_7", "imports", "column anything"))).as("a matched table, all its objects")
        .isTrue();
    assertThat(p.ignores(diff("public", "imports", "table"))).isFalse();
    assertThat(p.ignores(diff("public", "tags", "index tags_name_idx"))).isTrue();
    assertThat(p.ignores(diff("other", "tags", "index tags_name_idx"))).isFalse();
    assertThat(p.ignores(diff("public", "posts", "primary key"))).isFalse();
    assertThat(p.ignores(diff("public", null, "extension legacy_ext"))).isTrue();
  }

  @Test
  void dotsAndOtherCharactersAreLiteral() {
    IgnorePatterns p = IgnorePatterns.of(List.of("a.b", "x+y"));
    assertThat(p.ignores(diff("public", "a", "column b"))).isTrue();
    assertThat(p.ignores(diff("public", "axb", "table"))).isFalse();
    assertThat(p.ignores(diff("public", "x+y", "table"))).isTrue();
    assertThat(p.ignores(diff("public", "xxy", "table"))).isFalse();
  }

  @Test
  void blanksAreSkippedAndControlCharactersRefused() {
    assertThat(IgnorePatterns.of(List.of(" a ", "", "  ")).globs()).containsExactly("a");
    assertThat(IgnorePatterns.none().ignores(diff("public", "t", "table"))).isFalse();
    assertThatThrownBy(() -> IgnorePatterns.of(List.of("bad\tname")))
        .hasMessageContaining("ignore pattern 'bad?name' holds a control character");
  }
}
