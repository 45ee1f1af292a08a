package io.ashpg.maven;

/**
 * Where a goal connects for one repo, and how that was decided (for the one log line that says so).
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

  @Override
  public String toString() {
    return url + " (" + source + ")";
  }
}
