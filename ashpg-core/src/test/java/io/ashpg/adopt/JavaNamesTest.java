package io.ashpg.adopt;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.Test;

/** Names for generated code from any database identifier. */
class JavaNamesTest {

  @Test
  void singularsAndPluralsOfTheLastWord() {
    assertThat(JavaNames.singular("users")).isEqualTo("user");
    assertThat(JavaNames.singular("categories")).isEqualTo("category");
    assertThat(JavaNames.singular("article_tags")).isEqualTo("article_tag");
    assertThat(JavaNames.singular("addresses")).isEqualTo("address");
    assertThat(JavaNames.singular("boxes")).isEqualTo("box");
    assertThat(JavaNames.singular("status")).isEqualTo("status");
    assertThat(JavaNames.singular("news_data")).isEqualTo("news_data");
    assertThat(JavaNames.plural("category")).isEqualTo("categories");
    assertThat(JavaNames.plural("box")).isEqualTo("boxes");
    assertThat(JavaNames.plural("follow")).isEqualTo("follows");
    assertThat(JavaNames.plural("day")).isEqualTo("days");
  }

  @Test
  void oddIdentifiersBecomeSnakeCase() {
    assertThat(JavaNames.snake("Display Name")).isEqualTo("display_name");
    assertThat(JavaNames.snake("orderLines")).isEqualTo("order_lines");
    assertThat(JavaNames.snake("2fa codes")).isEqualTo("t_2fa_codes");
    assertThat(JavaNames.snake("already_fine")).isEqualTo("already_fine");
    assertThat(JavaNames.snake("§§")).isEqualTo("x");
  }

  @Test
  void classNamesNeverShadowWhatTheSourcesUse() {
    assertThat(JavaNames.className("article_tag")).isEqualTo("ArticleTag");
    assertThat(JavaNames.className("type")).isEqualTo("TypeResource");
    assertThat(JavaNames.className("string")).isEqualTo("StringResource");
    assertThat(JavaNames.className("t_2fa_code")).isEqualTo("T2faCode");
    assertThat(JavaNames.validClassName("Resource")).isFalse();
    assertThat(JavaNames.validClassName("class")).isFalse();
    assertThat(JavaNames.validClassName("Blog")).isTrue();
  }

  @Test
  void uniqueNamesAndLiterals() {
    assertThat(JavaNames.unique("user", Set.of("user", "user_2"), "_")).isEqualTo("user_3");
    assertThat(JavaNames.unique("User", Set.of(), "")).isEqualTo("User");
    assertThat(JavaNames.literal("a \"b\" \\ c\n\u0001")).isEqualTo("\"a \\\"b\\\" \\\\ c\\n\\u0001\"");
    assertThat(JavaNames.validPackage("com.acme.blog")).isTrue();
    assertThat(JavaNames.validPackage("com..blog")).isFalse();
    assertThat(JavaNames.validPackage("com.new.blog")).isFalse();
  }
}
