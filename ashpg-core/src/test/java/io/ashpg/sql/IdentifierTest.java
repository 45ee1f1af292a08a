package io.ashpg.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class IdentifierTest {

  @Test
  void quotesAndDoublesEmbeddedQuotes() {
    assertThat(Identifier.quote("posts")).isEqualTo("\"posts\"");
    assertThat(Identifier.quote("we\"ird")).isEqualTo("\"we\"\"ird\"");
    assertThat(Identifier.qualified("org_1", "posts")).isEqualTo("\"org_1\".\"posts\"");
    assertThat(Identifier.qualified(null, "posts")).isEqualTo("\"posts\"");
  }

  @Test
  void countsBytesNotCharacters() {
    String sixtyThree = "a".repeat(63);
    assertThat(Identifier.validate(sixtyThree, "x")).isEqualTo(sixtyThree);
    // 32 two-byte characters = 64 bytes: too long although only 32 characters
    String umlauts = "ä".repeat(32);
    assertThatThrownBy(() -> Identifier.validate(umlauts, "index of resource post"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("index of resource post")
        .hasMessageContaining("64 bytes");
  }

  @Test
  void rejectsEmptyAndNul() {
    assertThatThrownBy(() -> Identifier.quote("")).hasMessageContaining("empty");
    assertThatThrownBy(() -> Identifier.quote("a\0b")).hasMessageContaining("NUL");
  }

  @Test
  void tenantNamesAreStrict() {
    assertThat(Identifier.validateTenant("org_10")).isEqualTo("org_10");
    assertThat(Identifier.validateTenant("org-10")).isEqualTo("org-10");
    assertThatThrownBy(() -> Identifier.validateTenant("org\"; DROP TABLE x; --"))
        .hasMessageContaining("not a valid tenant name");
    assertThatThrownBy(() -> Identifier.validateTenant("t".repeat(64))).hasMessageContaining("63");
  }
}
