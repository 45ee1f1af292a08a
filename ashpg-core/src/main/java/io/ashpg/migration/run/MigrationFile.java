package io.ashpg.migration.run;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One parsed migration file {@code <yyyyMMddHHmmss>_<name>.sql}.
 *
 * <p>Layout: an optional {@code -- ashpg:no-transaction} line, an optional {@code -- ashpg:lock-timeout <time>} line
 * ({@code 30s}, {@code 500ms}, {@code 2min}, {@code 0} for none), then {@code -- ashpg:up} followed by the up SQL,
 * then optionally {@code -- ashpg:down} followed by the down SQL. Only comments and blank lines may precede
 * {@code -- ashpg:up}.
 *
 * @param version the 14-digit version from the file name
 * @param name the part of the file name after the version, without {@code .sql}
 * @param location where the file was read from (a path or {@code classpath:...}), for messages
 * @param transactional false when the file says {@code -- ashpg:no-transaction}
 * @param upStatements the statements of the up section, in order
 * @param downStatements the statements of the down section (empty when there is none)
 * @param reversible whether the file has a {@code -- ashpg:down} section
 * @param checksum SHA-256 (hex) of the normalised file content: line endings, trailing blanks and a BOM do not count
 * @param lockTimeout the file's own {@code lock_timeout} ({@code -- ashpg:lock-timeout}), or null for the migrator's
 *     {@link MigratorOptions#statementLockTimeout()}
 */
public record MigrationFile(long version, String name, String location, boolean transactional,
    List<String> upStatements, List<String> downStatements, boolean reversible, String checksum,
    Duration lockTimeout) {

  /** {@code <14 digits>_<name>.sql}: the name may use letters, digits, '_', '-' and '.'. */
  private static final Pattern FILE_NAME = Pattern.compile("(\\d{14})_([A-Za-z0-9_.\\-]+)\\.sql");
  private static final Pattern DIRECTIVE = Pattern.compile("--\\s*ashpg:\\s*(\\S*)\\s*");
  /** The one directive with a value; other {@code -- ashpg:x value} lines stay comments (lint suppressions). */
  private static final Pattern LOCK_TIMEOUT = Pattern.compile("--\\s*ashpg:\\s*lock-timeout(?:\\s+(\\S*))?\\s*",
      Pattern.CASE_INSENSITIVE);

  public MigrationFile {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(location, "location");
    upStatements = List.copyOf(upStatements);
    downStatements = List.copyOf(downStatements);
    Objects.requireNonNull(checksum, "checksum");
  }

  /** The file name, {@code <version>_<name>.sql}. */
  public String fileName() {
    return String.format(Locale.ROOT, "%014d_%s.sql", version, name);
  }

  /** Whether {@code fileName} looks like a migration file ({@code .sql}); others in a directory are ignored. */
  static boolean isCandidate(String fileName) {
    return fileName.endsWith(".sql");
  }

  /**
   * Parses {@code content} of the file called {@code fileName}.
   *
   * @param location where the file lives, used in error messages
   * @throws MigrationException naming the file when the name or the content is malformed
   */
  public static MigrationFile parse(String fileName, String location, String content) {
    Matcher m = FILE_NAME.matcher(fileName);
    if (!m.matches()) {
      throw new MigrationException("migration file " + location + ": the name '" + fileName
          + "' does not match <yyyyMMddHHmmss>_<name>.sql (14-digit version, then '_', then letters, digits,"
          + " '_', '-' or '.'); rename the file");
    }
    long version = Long.parseLong(m.group(1));
    if (version == 0) {
      throw new MigrationException("migration file " + location + ": version 0 is not allowed; use a timestamp");
    }
    String text = normalise(content);
    String[] lines = text.split("\n", -1);
    boolean noTransaction = false;
    Duration lockTimeout = null;
    int upLine = -1;
    int downLine = -1;
    for (int i = 0; i < lines.length; i++) {
      String trimmed = lines[i].trim();
      Matcher lt = LOCK_TIMEOUT.matcher(trimmed);
      if (lt.matches()) {
        if (upLine >= 0 || lockTimeout != null) {
          throw error(location, i + 1, "'-- ashpg:lock-timeout' must come once, before '-- ashpg:up'");
        }
        lockTimeout = lockTimeout(location, i + 1, lt.group(1));
        continue;
      }
      Matcher d = DIRECTIVE.matcher(trimmed);
      if (!d.matches()) {
        if (upLine < 0 && !trimmed.isEmpty() && !trimmed.startsWith("--")) {
          throw error(location, i + 1, "SQL before '-- ashpg:up'; every statement belongs to the up or down section");
        }
        continue;
      }
      String directive = d.group(1).toLowerCase(Locale.ROOT);
      switch (directive) {
        case "up":
          if (upLine >= 0) {
            throw error(location, i + 1, "a second '-- ashpg:up'; a file has one up section");
          }
          upLine = i;
          break;
        case "down":
          if (upLine < 0) {
            throw error(location, i + 1, "'-- ashpg:down' before '-- ashpg:up'; put the up section first");
          }
          if (downLine >= 0) {
            throw error(location, i + 1, "a second '-- ashpg:down'; a file has one down section");
          }
          downLine = i;
          break;
        case "no-transaction":
          if (upLine >= 0) {
            throw error(location, i + 1, "'-- ashpg:no-transaction' must come before '-- ashpg:up'");
          }
          noTransaction = true;
          break;
        default:
          throw error(location, i + 1, "unknown directive '-- ashpg:" + d.group(1)
              + "'; known: -- ashpg:up, -- ashpg:down, -- ashpg:no-transaction, -- ashpg:lock-timeout <time>");
      }
    }
    if (upLine < 0) {
      throw new MigrationException("migration file " + location
          + ": no '-- ashpg:up' line; start the migration's SQL with a line '-- ashpg:up'");
    }
    int upEnd = downLine >= 0 ? downLine : lines.length;
    List<String> up = split(location, lines, upLine + 1, upEnd);
    List<String> down = downLine >= 0 ? split(location, lines, downLine + 1, lines.length) : List.of();
    return new MigrationFile(version, m.group(2), location, !noTransaction, up, down, downLine >= 0,
        sha256(text), lockTimeout);
  }

  /** The value of {@code -- ashpg:lock-timeout}, see {@link LockTimeoutValue}. */
  private static Duration lockTimeout(String location, int line, String value) {
    try {
      return LockTimeoutValue.parse(value);
    } catch (IllegalArgumentException e) {
      throw error(location, line, "'-- ashpg:lock-timeout': " + e.getMessage());
    }
  }

  private static List<String> split(String location, String[] lines, int from, int to) {
    String section = String.join("\n", java.util.Arrays.asList(lines).subList(from, to));
    try {
      return StatementSplitter.split(section, from + 1);
    } catch (StatementSplitter.SplitException e) {
      throw new MigrationException("migration file " + location + ": " + e.getMessage()
          + "; close it before the end of the section", e);
    }
  }

  private static MigrationException error(String location, int line, String problem) {
    return new MigrationException("migration file " + location + " line " + line + ": " + problem);
  }

  /** LF line endings, no BOM, no trailing blanks on lines, no trailing blank lines. */
  static String normalise(String content) {
    String s = content.startsWith("\uFEFF") ? content.substring(1) : content;
    s = s.replace("\r\n", "\n").replace('\r', '\n');
    StringBuilder out = new StringBuilder(s.length());
    for (String line : s.split("\n", -1)) {
      out.append(line.stripTrailing()).append('\n');
    }
    int end = out.length();
    while (end > 0 && out.charAt(end - 1) == '\n') {
      end--;
    }
    return out.substring(0, end);
  }

  private static String sha256(String text) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
          .digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }

  @Override
  public String toString() {
    return location;
  }
}
