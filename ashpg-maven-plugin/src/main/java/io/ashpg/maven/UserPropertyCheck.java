package io.ashpg.maven;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.apache.maven.plugin.descriptor.MojoDescriptor;
import org.apache.maven.plugin.descriptor.Parameter;
import org.apache.maven.plugin.descriptor.PluginDescriptor;

/**
 * Checks the {@code ashpg.*} user properties of a build ({@code -D} on the command line) against the properties of
 * the running goal. Maven ignores a property no parameter reads, so a misspelled one ({@code -Dashpg.ulr},
 * {@code -Dashpg.stpe=2}) would silently run the goal with its defaults: the embedded database, one step.
 *
 * @param prefix       the plugin's goal prefix, {@code ashpg}
 * @param goal         the running goal, e.g. {@code migrate}
 * @param propertiesOf every goal of the plugin and the user properties its parameters read
 * @param requested    the goals of the plugin named on the command line (a property one of them reads is not
 *                     ignored by the build, even where another goal of the same build does not read it)
 */
record UserPropertyCheck(String prefix, String goal, Map<String, Set<String>> propertiesOf, Set<String> requested) {

  /**
   * Properties read outside the plugin in the same build: ashpg-testing's in the project's tests, and the golden-file
   * switch of ashpg's own tests (a build of the whole ashpg reactor runs the example's check-migrated too).
   */
  static final List<String> OTHER_READERS = List.of("ashpg.test.", "ashpg.golden.");

  /**
   * The check for the goal {@code running}, with every goal's properties read from the plugin descriptor's
   * parameters (so the names cannot drift from the parameters).
   *
   * @param sessionGoals the build's tasks as given on the command line ({@code ashpg:drop}, {@code verify}, …)
   */
  static UserPropertyCheck of(MojoDescriptor running, Collection<String> sessionGoals) {
    PluginDescriptor plugin = running.getPluginDescriptor();
    String prefix = plugin.getGoalPrefix();
    Map<String, Set<String>> propertiesOf = new TreeMap<>();
    for (MojoDescriptor goal : plugin.getMojos()) {
      Set<String> properties = new TreeSet<>();
      List<Parameter> parameters = goal.getParameters() == null ? List.of() : goal.getParameters();
      for (Parameter p : parameters) {
        String property = property(p.getExpression());
        if (property != null && property.startsWith(prefix + ".")) {
          properties.add(property);
        }
      }
      propertiesOf.put(goal.getGoal(), properties);
    }
    Set<String> requested = new HashSet<>();
    for (String task : sessionGoals) {
      String[] parts = task.split(":");
      boolean ours = parts.length == 2 && parts[0].equals(prefix)
          || parts.length >= 3 && parts[0].equals(plugin.getGroupId()) && parts[1].equals(plugin.getArtifactId());
      if (ours) {
        String goal = parts[parts.length - 1];
        requested.add(goal.contains("@") ? goal.substring(0, goal.indexOf('@')) : goal);
      }
    }
    return new UserPropertyCheck(prefix, running.getGoal(), propertiesOf, requested);
  }

  /** What is wrong with the given user properties. */
  record Outcome(List<String> errors, List<String> warnings) {
  }

  /**
   * Sorts {@code userProperties} into errors (no goal of the plugin reads it: a typo) and warnings (another goal
   * reads it, but none that runs here).
   */
  Outcome check(Collection<String> userProperties) {
    SortedSet<String> known = known();
    SortedSet<String> everywhere = new TreeSet<>();
    propertiesOf.values().forEach(everywhere::addAll);
    List<String> errors = new ArrayList<>();
    List<String> warnings = new ArrayList<>();
    for (String property : new TreeSet<>(userProperties)) {
      if (!property.startsWith(prefix + ".") || known.contains(property)
          || OTHER_READERS.stream().anyMatch(property::startsWith)) {
        continue;
      }
      List<String> owners = owners(property);
      if (owners.isEmpty()) {
        errors.add(unknown(property, known, everywhere));
      } else if (owners.stream().noneMatch(requested::contains)) {
        warnings.add(property + " is not a parameter of " + prefix + ":" + goal + " (it is one of "
            + owners.stream().map(g -> prefix + ":" + g).collect(Collectors.joining(", ")) + "); ignored");
      }
    }
    if (!errors.isEmpty()) {
      errors.add("known properties of " + prefix + ":" + goal + ": " + String.join(", ", known));
    }
    return new Outcome(errors, warnings);
  }

  /** The running goal's properties. */
  SortedSet<String> known() {
    return new TreeSet<>(propertiesOf.getOrDefault(goal, Set.of()));
  }

  private List<String> owners(String property) {
    return propertiesOf.entrySet().stream().filter(e -> e.getValue().contains(property)).map(Map.Entry::getKey)
        .sorted().toList();
  }

  private String unknown(String property, SortedSet<String> known, SortedSet<String> everywhere) {
    // the goal's own names first: "stpe" on rollback means its step; other goals' names only when none is close
    List<String> close = closest(property, known);
    if (close.isEmpty()) {
      close = closest(property, everywhere);
    }
    return "unknown property " + property + (close.isEmpty() ? "" : "; did you mean " + String.join(" or ", close)
        + "?");
  }

  /** Compares the part after the prefix, so the shared {@code ashpg.} does not make far names look close. */
  private List<String> closest(String property, Collection<String> names) {
    String head = prefix + ".";
    return Suggestions.closest(property.substring(head.length()),
        names.stream().map(n -> n.substring(head.length())).toList()).stream().map(n -> head + n).toList();
  }

  /**
   * The user property a parameter reads, from its expression: {@code ${ashpg.url}} gives {@code ashpg.url}; null for
   * an expression that is not a plain property ({@code ${project}}) or none.
   */
  static String property(String expression) {
    if (expression == null || !expression.startsWith("${") || !expression.endsWith("}")) {
      return null;
    }
    String name = expression.substring(2, expression.length() - 1);
    return name.isEmpty() || name.contains("${") ? null : name;
  }
}
