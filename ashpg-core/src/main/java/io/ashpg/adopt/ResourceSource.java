package io.ashpg.adopt;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

/**
 * The Java source of one resource class, as a list of DSL calls: those of its {@code postgres} section and those
 * of the resource body, each a complete call such as {@code .attribute("title", Type.STRING)}. {@link #render}
 * lays them out the way the hand-written resources are (two-space indent, one call per line, four more for a
 * continuation), with only the imports the calls use.
 *
 * @param javaPackage  package of the class
 * @param className    simple class name
 * @param resourceName the resource's name
 * @param comment      the class's Javadoc sentence
 * @param postgres     calls of the {@code postgres} section after {@code repo} and {@code table}
 * @param body         calls of the resource body
 */
record ResourceSource(String javaPackage, String className, String resourceName, String comment,
    List<String> postgres, List<String> body) {

  /** Imports by the text that shows a call uses them. */
  private static final Map<String, String> IMPORTS = Map.of(
      "AttributeDefault.", "io.ashpg.resource.AttributeDefault",
      "Deferrable.", "io.ashpg.resource.Deferrable",
      "IndexField.", "io.ashpg.resource.IndexField",
      "MatchType.", "io.ashpg.resource.MatchType",
      "OnDelete.", "io.ashpg.resource.OnDelete",
      "OnUpdate.", "io.ashpg.resource.OnUpdate",
      "Type.", "io.ashpg.resource.Type",
      "List.of(", "java.util.List",
      "Map.of(", "java.util.Map");

  /**
   * Marks where a long call may be broken: before each option of its lambda ({@code ref -> ref<BREAK>.onDelete(…)}).
   * A call that fits on a line loses the marks; a longer one is broken at every mark.
   */
  static final String BREAK = "\u0001";

  /** The longest line. */
  private static final int WIDTH = 120;

  ResourceSource {
    Objects.requireNonNull(className, "className");
    postgres = List.copyOf(postgres);
    body = List.copyOf(body);
  }

  /** The file's content. */
  String render() {
    StringBuilder out = new StringBuilder();
    out.append("package ").append(javaPackage).append(";\n\n");
    TreeSet<String> imports = new TreeSet<>();
    imports.add("io.ashpg.resource.Resource");
    String calls = String.join("\n", postgres) + "\n" + String.join("\n", body);
    IMPORTS.forEach((marker, type) -> {
      if (uses(calls, marker)) {
        imports.add(type);
      }
    });
    for (String type : imports) {
      out.append("import ").append(type).append(";\n");
    }
    out.append("\n/** ").append(comment).append(" */\n");
    out.append("public final class ").append(className).append(" {\n\n");
    out.append("  public static final Resource RESOURCE = Resource.define(").append(JavaNames.literal(resourceName))
        .append(", r -> r\n");
    List<String> lines = new ArrayList<>();
    String oneLine = "      .postgres(pg -> pg" + String.join("", postgres).replace(BREAK, "") + ")";
    if (postgres.size() <= 2 && oneLine.length() <= WIDTH) {
      lines.add(oneLine);
    } else {
      StringBuilder section = new StringBuilder("      .postgres(pg -> pg");
      for (int i = 0; i < postgres.size(); i++) {
        section.append("\n").append(layout("          ", postgres.get(i), i == postgres.size() - 1 ? 2 : 0));
      }
      lines.add(section.append(")").toString());
    }
    for (int i = 0; i < body.size(); i++) {
      lines.add(layout("      ", body.get(i), i == body.size() - 1 ? 2 : 0));
    }
    out.append(String.join("\n", lines)).append(");\n\n");
    out.append("  private ").append(className).append("() {\n  }\n}\n");
    return out.toString();
  }

  /**
   * One call at {@code indent}: on one line when it fits (counting the {@code trailing} characters that close the
   * enclosing calls), else broken at its marks with four more spaces.
   */
  private static String layout(String indent, String call, int trailing) {
    String flat = indent + call.replace(BREAK, "");
    if (flat.length() + trailing <= WIDTH) {
      return flat;
    }
    return indent + call.replace(BREAK, "\n" + indent + "    ");
  }

  /** Whether the code uses {@code marker} as a type reference (not as the tail of a longer name). */
  private static boolean uses(String code, String marker) {
    int at = code.indexOf(marker);
    while (at >= 0) {
      if (at == 0 || !Character.isJavaIdentifierPart(code.charAt(at - 1)) && code.charAt(at - 1) != '"') {
        return true;
      }
      at = code.indexOf(marker, at + 1);
    }
    return false;
  }
}
