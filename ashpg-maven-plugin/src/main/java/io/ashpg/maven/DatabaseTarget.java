package io.ashpg.maven;

import io.ashpg.repo.JdbcUrls;

/**
 * Where a goal connects for one repo, and how that was decided (for the log line naming the target).
 *
 * @param url      JDBC URL
 * @param username user name, may be null
 * @param password password, may be null
 * @param source   where the settings came from, e.g. "ashpg.url", "settings.xml server blog-db", "embedded"
 */
record DatabaseTarget(String url, String username, String password, String source) {

  boolean embedded() {
    return "embedded".equals(source);
  }

  /** The URL without its passwords, for logs and messages. */
  String displayUrl() {
    return JdbcUrls.redact(url);
  }

  /** URL (without passwords), user and source: {@code jdbc:postgresql://db:5432/shop as deployer (ashpg.url)}. */
  @Override
  public String toString() {
    return displayUrl() + (username == null ? "" : " as " + username) + " (" + source + ")";
  }
}
