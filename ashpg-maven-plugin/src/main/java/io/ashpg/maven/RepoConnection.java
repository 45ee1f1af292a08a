package io.ashpg.maven;

/**
 * Connection settings for one repo, overriding the plugin-wide ones:
 * <pre>{@code
 * <repos>
 *   <repo>
 *     <name>blog_repo</name>
 *     <url>jdbc:postgresql://localhost:5432/blog</url>
 *     <serverId>blog-db</serverId>
 *   </repo>
 * </repos>
 * }</pre>
 */
public class RepoConnection {

  /** The repo's name ({@code blog_repo}) or its class name. */
  private String name;
  /** JDBC URL of the repo's database. */
  private String url;
  /** User name; overrides the settings.xml server's. */
  private String username;
  /** Password; overrides the settings.xml server's. */
  private String password;
  /**
   * Id of a {@code <server>} in settings.xml holding the user name and password and, in
   * {@code <configuration><url>}, optionally the URL (used when the entry has no {@code url}).
   */
  private String serverId;

  public String getName() {
    return name;
  }

  public void setName(String name) {
    this.name = name;
  }

  public String getUrl() {
    return url;
  }

  public void setUrl(String url) {
    this.url = url;
  }

  public String getUsername() {
    return username;
  }

  public void setUsername(String username) {
    this.username = username;
  }

  public String getPassword() {
    return password;
  }

  public void setPassword(String password) {
    this.password = password;
  }

  public String getServerId() {
    return serverId;
  }

  public void setServerId(String serverId) {
    this.serverId = serverId;
  }
}
