package io.ashpg.maven;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.maven.plugin.descriptor.MojoDescriptor;
import org.apache.maven.plugin.descriptor.Parameter;
import org.apache.maven.plugin.descriptor.PluginDescriptor;
import org.junit.jupiter.api.Test;

class UserPropertyCheckTest {

  private static final Map<String, Set<String>> GOALS = Map.of(
      "migrate", Set.of("ashpg.url", "ashpg.step", "ashpg.tenants", "ashpg.skip"),
      "rollback", Set.of("ashpg.url", "ashpg.step", "ashpg.skip"),
      "status", Set.of("ashpg.url", "ashpg.tenants", "ashpg.skip"),
      "drop", Set.of("ashpg.url", "ashpg.force", "ashpg.skip"));

  private static UserPropertyCheck.Outcome check(String goal, Set<String> requested, String... properties) {
    return new UserPropertyCheck("ashpg", goal, GOALS, requested).check(List.of(properties));
  }

  @Test
  void aTypoFailsWithTheSuggestionAndTheGoalsKnownNames() {
    UserPropertyCheck.Outcome outcome = check("rollback", Set.of("rollback"), "ashpg.stpe", "ashpg.url");
    assertThat(outcome.errors()).containsExactly("unknown property ashpg.stpe; did you mean ashpg.step?",
        "known properties of ashpg:rollback: ashpg.skip, ashpg.step, ashpg.url");
    assertThat(outcome.warnings()).isEmpty();
  }

  @Test
  void everyUnknownPropertyIsListed() {
    UserPropertyCheck.Outcome outcome = check("migrate", Set.of(), "ashpg.ulr", "ashpg.frobnicate");
    assertThat(outcome.errors()).containsExactly("unknown property ashpg.frobnicate",
        "unknown property ashpg.ulr; did you mean ashpg.url?",
        "known properties of ashpg:migrate: ashpg.skip, ashpg.step, ashpg.tenants, ashpg.url");
  }

  @Test
  void aNameOfAnotherGoalIsSuggestedWhenTheGoalHasNoneClose() {
    assertThat(check("status", Set.of(), "ashpg.forse").errors().get(0))
        .isEqualTo("unknown property ashpg.forse; did you mean ashpg.force?");
  }

  @Test
  void aPropertyOfAnotherGoalWarnsUnlessThatGoalRunsInTheSameBuild() {
    UserPropertyCheck.Outcome alone = check("status", Set.of("status"), "ashpg.step");
    assertThat(alone.errors()).isEmpty();
    assertThat(alone.warnings()).containsExactly(
        "ashpg.step is not a parameter of ashpg:status (it is one of ashpg:migrate, ashpg:rollback); ignored");
    assertThat(check("status", Set.of("status", "migrate"), "ashpg.step").warnings()).isEmpty();
  }

  @Test
  void propertiesOfOthersAreLeftAlone() {
    UserPropertyCheck.Outcome outcome = check("migrate", Set.of(), "ashpg.test.pg", "ashpg.golden.update",
        "maven.test.skip", "ashpgx", "ashpg.url");
    assertThat(outcome.errors()).isEmpty();
    assertThat(outcome.warnings()).isEmpty();
  }

  @Test
  void theNamesComeFromThePluginDescriptorsParameters() throws Exception {
    PluginDescriptor plugin = new PluginDescriptor();
    plugin.setGroupId("io.ashpg");
    plugin.setArtifactId("ashpg-maven-plugin");
    plugin.setGoalPrefix("ashpg");
    MojoDescriptor migrate = goal(plugin, "migrate", "${ashpg.url}", "${ashpg.step}", "${project}", null);
    goal(plugin, "drop", "${ashpg.force}");
    goal(plugin, "help", "${detail}");

    UserPropertyCheck check = UserPropertyCheck.of(migrate, List.of("clean", "io.ashpg:ashpg-maven-plugin:drop@x"));
    assertThat(check.known()).containsExactly("ashpg.step", "ashpg.url");
    assertThat(check.propertiesOf()).containsOnlyKeys("migrate", "drop", "help");
    assertThat(check.propertiesOf().get("help")).isEmpty();
    assertThat(check.requested()).containsExactly("drop");
    assertThat(UserPropertyCheck.of(migrate, List.of("ashpg:status", "other:drop")).requested())
        .containsExactly("status");
  }

  private static MojoDescriptor goal(PluginDescriptor plugin, String name, String... expressions) throws Exception {
    MojoDescriptor goal = new MojoDescriptor();
    goal.setGoal(name);
    goal.setPluginDescriptor(plugin);
    int i = 0;
    for (String expression : expressions) {
      Parameter p = new Parameter();
      p.setName("p" + i++);
      p.setExpression(expression);
      goal.addParameter(p);
    }
    plugin.addMojo(goal);
    return goal;
  }

  @Test
  void theUserPropertyOfAnExpression() {
    assertThat(UserPropertyCheck.property("${ashpg.url}")).isEqualTo("ashpg.url");
    assertThat(UserPropertyCheck.property("${project.build.directory}/x")).isNull();
    assertThat(UserPropertyCheck.property("ashpg.url")).isNull();
    assertThat(UserPropertyCheck.property(null)).isNull();
  }
}
