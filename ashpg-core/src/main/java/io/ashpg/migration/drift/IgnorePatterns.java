package io.ashpg.migration.drift;

import io.ashpg.migration.introspect.CatalogDifference;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Name patterns of objects a drift check leaves alone: tables, columns, indexes and constraints that ashpg does not
 * manage (created by custom statements, by another tool, by hand on purpose). A pattern is a glob — {@code *} any
 * run of characters, {@code ?} one character — matched against the whole name of the object, alone or qualified:
 * {@code audit_*} (a table, column, index or constraint name), {@code posts.legacy_*} (objects of table posts),
 * {@code org_*.invoices} (table invoices of every {@code org_} tenant), {@code public.posts.*_tmp_idx}. A pattern that
 * matches a table ignores every difference of that table.
 */
public final class IgnorePatterns {

  private static final List<String> KINDS = List.of("column ", "index ", "foreign key ", "check constraint ",
      "exclusion constraint ", "extension ");

  private final List<String> globs;
  private final List<Pattern> patterns;

  private IgnorePatterns(List<String> globs) {
    this.globs = List.copyOf(globs);
    List<Pattern> compiled = new ArrayList<>();
    for (String g : this.globs) {
      compiled.add(compile(g));
    }
    this.patterns = List.copyOf(compiled);
  }

  /** Nothing ignored. */
  public static IgnorePatterns none() {
    return new IgnorePatterns(List.of());
  }

  /**
   * The patterns {@code globs}; blank entries are skipped (a trailing comma on the command line).
   *
   * @throws IllegalArgumentException naming the pattern when one holds a character no name can have
   */
  public static IgnorePatterns of(List<String> globs) {
    List<String> kept = new ArrayList<>();
    for (String g : Objects.requireNonNull(globs, "globs")) {
      if (g != null && !g.isBlank()) {
        kept.add(g.strip());
      }
    }
    return new IgnorePatterns(kept);
  }

  /** The patterns as given. */
  public List<String> globs() {
    return globs;
  }

  /** Whether {@code difference} concerns an ignored table or object. */
  public boolean ignores(CatalogDifference difference) {
    if (patterns.isEmpty()) {
      return false;
    }
    String schema = difference.schema();
    String table = difference.table();
    if (table == null) {
      String name = nameOf(difference.object());
      return name != null && matches(name, schema + "." + name);
    }
    if (matches(table, schema + "." + table)) {
      return true;
    }
    String name = nameOf(difference.object());
    return name != null && matches(name, table + "." + name, schema + "." + table + "." + name);
  }

  /** The object's own name: {@code index posts_title_index} gives {@code posts_title_index}; null for a table. */
  private static String nameOf(String object) {
    for (String kind : KINDS) {
      if (object.startsWith(kind)) {
        return object.substring(kind.length());
      }
    }
    return null;
  }

  private boolean matches(String... names) {
    for (Pattern p : patterns) {
      for (String n : names) {
        if (p.matcher(n).matches()) {
          return true;
        }
      }
    }
    return false;
  }

  private static Pattern compile(String glob) {
    StringBuilder regex = new StringBuilder();
    for (char ch : glob.toCharArray()) {
      if (ch == '\u0000' || Character.isISOControl(ch)) {
        throw new IllegalArgumentException("ignore pattern '" + glob.replaceAll("\\p{Cntrl}", "?")
            + "' holds a control character; give names with * and ? as wildcards, e.g. audit_* or posts.legacy_*");
      }
      switch (ch) {
        case '*' -> regex.append(".*");
        case '?' -> regex.append('.');
        default -> regex.append(Pattern.quote(String.valueOf(ch)));
      }
    }
    return Pattern.compile(regex.toString());
  }

  @Override
  public String toString() {
    return String.join(", ", globs);
  }
}
