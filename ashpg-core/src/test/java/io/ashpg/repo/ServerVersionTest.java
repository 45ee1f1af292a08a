package io.ashpg.repo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ServerVersionTest {

  @Test
  void parsesServerVersionNum() {
    assertThat(ServerVersion.parse("170002")).isEqualTo(new ServerVersion(17, 2));
    assertThat(ServerVersion.parse("150019")).isEqualTo(new ServerVersion(15, 19));
    assertThat(ServerVersion.parse("180000")).isEqualTo(new ServerVersion(18, 0));
    assertThat(ServerVersion.parse("90624")).isEqualTo(new ServerVersion(9, 6));
    assertThat(ServerVersion.parse(" 130004 ")).isEqualTo(new ServerVersion(13, 4));
    assertThat(ServerVersion.parse("170002").toString()).isEqualTo("17.2");
  }

  @Test
  void rejectsGarbage() {
    assertThatThrownBy(() -> ServerVersion.parse("17.2")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> ServerVersion.parse("42")).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void ordering() {
    ServerVersion v15 = ServerVersion.parse("150019");
    ServerVersion v17 = ServerVersion.parse("170002");
    assertThat(v15).isLessThan(v17);
    assertThat(new ServerVersion(17, 1)).isLessThan(v17);
    assertThat(v17.atLeast(17)).isTrue();
    assertThat(v17.atLeast(18)).isFalse();
    assertThat(v15.atLeast(13)).isTrue();
  }
}
