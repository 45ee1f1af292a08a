package io.ashpg.migration.run;

import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A lock timeout as people write it, in a migration file's {@code -- ashpg:lock-timeout} line or the plugin's
 * {@code -Dashpg.lockTimeout}: digits followed by {@code ms}, {@code s} (the default) or {@code min}; {@code 0} turns
 * the timeout off.
 */
public final class LockTimeoutValue {

  private static final Pattern TIME = Pattern.compile("(\\d{1,9})\\s*(ms|s|min)?");

  private LockTimeoutValue() {
  }

  /**
   * Parses {@code value} ({@code 30s}, {@code 500ms}, {@code 2min}, {@code 0}).
   *
   * @throws IllegalArgumentException saying what is accepted, when {@code value} is none of these
   */
  public static Duration parse(String value) {
    Matcher t = TIME.matcher(value == null ? "" : value.strip().toLowerCase(Locale.ROOT));
    if (!t.matches()) {
      throw new IllegalArgumentException("lock timeout '" + (value == null ? "" : value)
          + "' needs a time such as 30s, 500ms or 2min (0 turns the lock timeout off)");
    }
    long n = Long.parseLong(t.group(1));
    String unit = t.group(2) == null ? "s" : t.group(2);
    return switch (unit) {
      case "ms" -> Duration.ofMillis(n);
      case "min" -> Duration.ofMinutes(n);
      default -> Duration.ofSeconds(n);
    };
  }
}
