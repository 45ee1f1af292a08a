package io.ashpg.repo;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * PostgreSQL JDBC URLs: checked where they enter (a configuration, a property, an environment variable) so a wrong
 * one is reported under its own name instead of failing later in the driver, and shown without their secrets.
 */
public final class JdbcUrls {

  /** The form every message suggests. */
  public static final String FORM = "jdbc:postgresql://host:port/database";

  /** A query parameter whose name mentions a password ({@code password}, {@code sslpassword}) and its value. */
  private static final Pattern SECRET_PARAMETER =
      Pattern.compile("([?&][^=&]*password[^=&]*=)([^&]*)", Pattern.CASE_INSENSITIVE);
  /** {@code //user:secret@host}: the driver does not read it, but a URL written that way must not leak it. */
  private static final Pattern USER_INFO = Pattern.compile("^(jdbc:postgresql://[^/?@:]*:)([^/?@]*)(@)");

  private JdbcUrls() {
  }

  /**
   * Returns {@code url} when it is a PostgreSQL JDBC URL the driver accepts.
   *
   * @param url the URL, may be null
   * @param name what holds it, for the message: {@code "ashpg.url"}, {@code "environment variable ASHPG_URL"}
   * @throws IllegalArgumentException naming {@code name} when the URL is missing, empty, or not a PostgreSQL URL
   */
  public static String require(String url, String name) {
    if (url == null || url.isBlank()) {
      throw new IllegalArgumentException(name + " is " + (url == null ? "missing" : "set but empty")
          + " (an unset variable?); give the database as " + FORM);
    }
    if (!url.startsWith("jdbc:postgresql:") || org.postgresql.Driver.parseURL(url, null) == null) {
      throw new IllegalArgumentException(name + " '" + redact(url) + "' is not a PostgreSQL JDBC URL; use " + FORM);
    }
    return url;
  }

  /** {@code url} with the values of its password parameters replaced by {@code ***}, for logs and messages. */
  public static String redact(String url) {
    if (url == null) {
      return null;
    }
    String out = SECRET_PARAMETER.matcher(url).replaceAll(m -> Matcher.quoteReplacement(m.group(1) + "***"));
    return USER_INFO.matcher(out).replaceFirst("$1***$3");
  }
}
