package io.ashpg.maven;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SuggestionsTest {

  private static final List<String> MIGRATE = List.of("all", "apis", "password", "serverId", "step", "strictVersionOrder",
      "tenants", "onlyTenants", "to", "url", "username");

  @Test
  void distanceCountsASwapOfNeighboursAsOneEdit() {
    assertThat(Suggestions.distance("stpe", "step")).isEqualTo(1);
    assertThat(Suggestions.distance("ulr", "url")).isEqualTo(1);
    assertThat(Suggestions.distance("usrname", "username")).isEqualTo(1);
    assertThat(Suggestions.distance("url", "url")).isZero();
    assertThat(Suggestions.distance("", "step")).isEqualTo(4);
    assertThat(Suggestions.distance("kitten", "sitting")).isEqualTo(3);
  }

  @Test
  void suggestsTheClosestKnownNames() {
    assertThat(Suggestions.closest("stpe", MIGRATE)).containsExactly("step");
    assertThat(Suggestions.closest("ulr", MIGRATE)).containsExactly("url");
    assertThat(Suggestions.closest("serverid", MIGRATE)).containsExactly("serverId");
    assertThat(Suggestions.closest("onlytenant", MIGRATE)).containsExactly("onlyTenants");
    assertThat(Suggestions.closest("strictVersionOrdr", MIGRATE)).containsExactly("strictVersionOrder");
  }

  @Test
  void aFarFetchedNameGetsNoSuggestion() {
    assertThat(Suggestions.closest("frobnicate", MIGRATE)).isEmpty();
    // one edit per three characters: "xy" is not "to" misspelled
    assertThat(Suggestions.closest("xy", MIGRATE)).isEmpty();
  }

  @Test
  void namesEquallyCloseAreAllSuggested() {
    assertThat(Suggestions.closest("al", List.of("all", "als", "apis"))).containsExactly("all", "als");
  }
}
