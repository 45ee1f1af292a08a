package io.ashpg.migration.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class MigrationUtilitiesTest {

  @Test
  void enumSqlQuotesNamesAndEscapesValues() {
    assertThat(MigrationUtilities.createEnum("mood", List.of("happy", "it's", "a\\b")))
        .isEqualTo("CREATE TYPE \"mood\" AS ENUM ('happy', 'it''s', E'a\\\\b')");
    assertThat(MigrationUtilities.createEnum("app", "mood", List.of("x")))
        .isEqualTo("CREATE TYPE \"app\".\"mood\" AS ENUM ('x')");
    assertThat(MigrationUtilities.dropEnum("my\"type")).isEqualTo("DROP TYPE \"my\"\"type\"");
    assertThat(MigrationUtilities.addEnumValue("mood", "sad'; DROP TABLE x; --"))
        .isEqualTo("ALTER TYPE \"mood\" ADD VALUE IF NOT EXISTS 'sad''; DROP TABLE x; --'");
  }

  @Test
  void rejectsWhatPostgresCannotHold() {
    assertThatThrownBy(() -> MigrationUtilities.addEnumValue("mood", "a\0b")).hasMessageContaining("NUL");
    assertThatThrownBy(() -> MigrationUtilities.dropEnum("x".repeat(64))).hasMessageContaining("63");
  }
}
