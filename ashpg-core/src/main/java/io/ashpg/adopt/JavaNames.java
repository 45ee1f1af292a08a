package io.ashpg.adopt;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Names for generated Java code from database identifiers: resource names (singular snake_case), class names
 * (PascalCase), attribute and relationship names, and Java string literals. Database identifiers may be anything
 * PostgreSQL accepts ({@code "Order Lines"}, {@code 2fa_codes}, {@code class}); what comes out is always a valid,
 * readable Java or Ash name.
 */
final class JavaNames {

  /** Names an attribute or relationship keeps as they are. */
  private static final Pattern PLAIN = Pattern.compile("[a-z_][a-z0-9_]*");

  /** Java keywords and literals, which a class name can never be. */
  private static final Set<String> KEYWORDS = Set.of("abstract", "assert", "boolean", "break", "byte", "case",
      "catch", "char", "class", "const", "continue", "default", "do", "double", "else", "enum", "extends", "final",
      "finally", "float", "for", "goto", "if", "implements", "import", "instanceof", "int", "interface", "long",
      "native", "new", "package", "private", "protected", "public", "return", "short", "static", "strictfp",
      "super", "switch", "synchronized", "this", "throw", "throws", "transient", "try", "void", "volatile", "while",
      "true", "false", "null", "var", "yield", "record", "sealed", "permits");

  /**
   * Simple names a generated class must not take: the types the generated sources import or use unqualified
   * ({@code java.lang}), so a table named {@code types} or {@code strings} cannot shadow them.
   */
  private static final Set<String> TAKEN_CLASS_NAMES = Set.of("Resource", "Type", "OnDelete", "OnUpdate",
      "Deferrable", "MatchType", "AttributeDefault", "IndexField", "Api", "Repo", "List", "Map", "Object",
      "String", "Class", "System", "Override", "Record", "Enum", "Integer", "Long", "Boolean", "Math", "Thread",
      "Runtime", "Exception", "Error", "Character", "Number", "Void", "Iterable", "Comparable", "Process");

  private JavaNames() {
  }

  /** Whether {@code name} can be used as it is for an attribute or relationship. */
  static boolean plain(String name) {
    return PLAIN.matcher(name).matches();
  }

  /**
   * A snake_case name for any identifier: {@code "Order Lines"} becomes {@code order_lines}, {@code 2fa} becomes
   * {@code t_2fa}.
   */
  static String snake(String identifier) {
    if (plain(identifier)) {
      return identifier;
    }
    String spaced = identifier.replaceAll("([a-z0-9])([A-Z])", "$1_$2");
    String s = spaced.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "_").replaceAll("^_+|_+$", "");
    if (s.isEmpty()) {
      s = "x";
    }
    return Character.isDigit(s.charAt(0)) ? "t_" + s : s;
  }

  /** The singular of the last word of a snake_case name: {@code categories} → {@code category}. */
  static String singular(String snake) {
    int cut = snake.lastIndexOf('_') + 1;
    String head = snake.substring(0, cut);
    String word = snake.substring(cut);
    String one;
    if (word.endsWith("ies") && word.length() > 3) {
      one = word.substring(0, word.length() - 3) + "y";
    } else if (word.matches(".*(ss|x|z|ch|sh)es")) {
      one = word.substring(0, word.length() - 2);
    } else if (word.endsWith("s") && !word.endsWith("ss") && !word.endsWith("us") && !word.endsWith("is")
        && word.length() > 1) {
      one = word.substring(0, word.length() - 1);
    } else {
      one = word;
    }
    return head + one;
  }

  /** The plural of the last word of a snake_case name: {@code category} → {@code categories}. */
  static String plural(String snake) {
    if (snake.matches(".*[^aeiou]y")) {
      return snake.substring(0, snake.length() - 1) + "ies";
    }
    if (snake.matches(".*(s|x|z|ch|sh)")) {
      return snake + "es";
    }
    return snake + "s";
  }

  /** PascalCase of a snake_case name, never a keyword or a name the generated sources need. */
  static String className(String snake) {
    StringBuilder out = new StringBuilder();
    for (String part : snake.split("_")) {
      if (!part.isEmpty()) {
        out.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
      }
    }
    String name = out.isEmpty() ? "Table" : out.toString();
    if (Character.isDigit(name.charAt(0))) {
      name = "T" + name;
    }
    return KEYWORDS.contains(name) || TAKEN_CLASS_NAMES.contains(name) ? name + "Resource" : name;
  }

  /** {@code base}, or {@code base_2}, {@code base_3}, … — the first that {@code taken} does not hold. */
  static String unique(String base, java.util.Collection<String> taken, String separator) {
    if (!taken.contains(base)) {
      return base;
    }
    for (int n = 2; ; n++) {
      String candidate = base + separator + n;
      if (!taken.contains(candidate)) {
        return candidate;
      }
    }
  }

  /** A Java string literal: quotes, backslashes and control characters escaped. */
  static String literal(String value) {
    StringBuilder out = new StringBuilder("\"");
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> {
          if (c < 0x20 || c == 0x7f) {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    return out.append('"').toString();
  }

  /** String literals joined by ", ". */
  static String literals(List<String> values) {
    List<String> out = new ArrayList<>();
    values.forEach(v -> out.add(literal(v)));
    return String.join(", ", out);
  }

  /** Whether {@code name} is a valid Java package name. */
  static boolean validPackage(String name) {
    if (name == null || name.isEmpty()) {
      return false;
    }
    for (String part : name.split("\\.", -1)) {
      if (part.isEmpty() || !Character.isJavaIdentifierStart(part.charAt(0)) || KEYWORDS.contains(part)
          || !part.chars().allMatch(Character::isJavaIdentifierPart)) {
        return false;
      }
    }
    return true;
  }

  /** Whether {@code name} is a valid simple Java class name the generated sources can use. */
  static boolean validClassName(String name) {
    return name != null && !name.isEmpty() && Character.isJavaIdentifierStart(name.charAt(0))
        && name.chars().allMatch(Character::isJavaIdentifierPart) && !KEYWORDS.contains(name)
        && !TAKEN_CLASS_NAMES.contains(name);
  }
}
