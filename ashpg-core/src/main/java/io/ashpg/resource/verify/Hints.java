package io.ashpg.resource.verify;

import io.ashpg.resource.Attribute;
import io.ashpg.resource.Resource;
import java.util.Collection;
import java.util.stream.Collectors;

/** Small helpers for problem messages and attribute lookups shared by verifiers. */
final class Hints {
  private Hints() {}

  /** {@code " (known: a, b)"}, or {@code " (there are none)"}. */
  static String known(Collection<String> names) {
    return names.isEmpty() ? " (there are none)" : " (known: " + String.join(", ", names) + ")";
  }

  static String knownAttributes(Resource resource) {
    return known(resource.attributes().stream().map(Attribute::name).toList());
  }

  static String knownIdentities(Resource resource) {
    return known(resource.identities().stream().map(i -> i.name()).toList());
  }

  /** Whether {@code name} is an attribute name (or an attribute's column) of {@code resource}. */
  static boolean isColumn(Resource resource, String name) {
    return resource.attributes().stream().anyMatch(a -> a.name().equals(name) || a.source().equals(name));
  }

  static String quoted(Collection<String> names) {
    return names.stream().map(n -> "\"" + n + "\"").collect(Collectors.joining(", "));
  }
}
