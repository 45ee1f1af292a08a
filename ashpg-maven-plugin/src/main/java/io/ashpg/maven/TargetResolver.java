package io.ashpg.maven;

import io.ashpg.repo.JdbcUrls;
import io.ashpg.repo.Repo;
import io.ashpg.repo.RepoConfig;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.apache.maven.plugin.MojoExecutionException;

/**
 * Decides which database a goal uses for a repo, from the goal's settings; nothing here connects. The embedded
 * default is chosen only when nothing names a database: a setting that is given but empty, unresolved, incomplete
 * or invalid is an error naming it, because falling back would migrate a throwaway database and report success.
 *
 * <p>For a repo with a {@code <repos>} entry: the entry's URL, else its settings.xml server's, else the repo's
 * {@code config()} — and one of them must give it. Otherwise: {@code ashpg.url}, else the URL of the settings.xml
 * server {@code ashpg.serverId} names, else the repo's {@code config()}, else the embedded default (when no user name,
 * password or server was given either). Credentials come from the same place as the settings that win, then the
 * server, then {@code config()}.
 */
final class TargetResolver {

  /**
   * A settings.xml {@code <server>}: credentials and, in {@code <configuration><url>}, optionally the URL.
   *
   * @param url the server's URL, or null
   */
  record Server(String username, String password, String url) {
  }

  /** Finds settings.xml servers by id. */
  @FunctionalInterface
  interface Servers {
    /** The server with {@code id}, or null when settings.xml has none. */
    Server find(String id) throws MojoExecutionException;
  }

  /**
   * The connection settings of one place (the plugin-wide parameters, or one {@code <repos>} entry), each null when
   * not given and possibly empty or an unresolved {@code ${…}} expression when given badly.
   *
   * @param names what each setting is called in messages, in the order url, username, password, serverId
   */
  record Settings(String url, String username, String password, String serverId, List<String> names) {

    /** The plugin-wide parameters. */
    static Settings plugin(String url, String username, String password, String serverId) {
      return new Settings(url, username, password, serverId,
          List.of("ashpg.url", "ashpg.username", "ashpg.password", "ashpg.serverId"));
    }

    /** A {@code <repos>} entry. */
    static Settings entry(RepoConnection c) {
      String of = " of <repos> entry " + c.getName();
      return new Settings(c.getUrl(), c.getUsername(), c.getPassword(), c.getServerId(),
          List.of("<url>" + of, "<username>" + of, "<password>" + of, "<serverId>" + of));
    }

    String urlName() {
      return names.get(0);
    }

    String serverIdName() {
      return names.get(3);
    }

    /** The first credential given, by name, or null. */
    String credentialName() {
      return username != null ? names.get(1) : password != null ? names.get(2) : null;
    }
  }

  private final Settings plugin;
  private final List<RepoConnection> entries;
  private final Servers servers;

  TargetResolver(Settings plugin, List<RepoConnection> entries, Servers servers) {
    this.plugin = plugin;
    this.entries = entries == null ? List.of() : List.copyOf(entries);
    this.servers = servers;
  }

  /**
   * Fails on {@code <repos>} entries without a name, for no repo of the Apis (a misspelled name would leave its
   * repo to the defaults), or two for one repo.
   */
  void checkEntries(List<Repo> repos) throws MojoExecutionException {
    String known = repos.stream().map(r -> r.name() + " (" + r.getClass().getName() + ")")
        .collect(Collectors.joining(", "));
    Map<String, String> seen = new HashMap<>();
    for (RepoConnection entry : entries) {
      if (entry.getName() == null || entry.getName().isBlank()) {
        throw new MojoExecutionException("a <repos> entry has no <name>; name the repo it configures: " + known);
      }
      Repo repo = repos.stream().filter(r -> matches(entry, r)).findFirst().orElseThrow(() ->
          new MojoExecutionException("<repos> entry " + entry.getName() + " names no repo of the Apis; give the"
              + " name or class name of one of: " + known));
      String earlier = seen.put(repo.name(), entry.getName());
      if (earlier != null) {
        throw new MojoExecutionException("<repos> entries " + earlier + " and " + entry.getName()
            + " both configure repo " + repo.name() + "; keep one");
      }
    }
  }

  /**
   * The database {@code repo} uses, or empty when nothing names one (the embedded default).
   *
   * @throws MojoExecutionException naming the setting that is empty, unresolved, incomplete or invalid
   */
  Optional<DatabaseTarget> resolve(Repo repo) throws MojoExecutionException {
    RepoConnection entry = entries.stream().filter(e -> matches(e, repo)).findFirst().orElse(null);
    Settings given = entry != null ? Settings.entry(entry) : plugin;
    check(given);
    Server server = given.serverId() == null ? null : server(given);
    List<String> sources = new ArrayList<>();
    String url;
    RepoConfig config = null;
    if (given.url() != null) {
      url = require(given.url(), given.urlName());
      sources.add(entry != null ? "<repos> entry " + entry.getName() : "ashpg.url");
    } else if (server != null && server.url() != null) {
      url = require(server.url(), "<url> of settings.xml server " + given.serverId());
    } else {
      config = config(repo);
      if (config.jdbcUrl().isPresent()) {
        url = config.jdbcUrl().get();
        sources.add(repo.getClass().getSimpleName() + ".config()");
      } else {
        return none(repo, entry, given, server, config);
      }
    }
    if (server != null) {
      sources.add("settings.xml server " + given.serverId());
    }
    String user = first(given.username(), server == null ? null : server.username(),
        config == null ? null : config.username().orElse(null));
    String password = first(given.password(), server == null ? null : server.password(),
        config == null ? null : config.password().orElse(null));
    return Optional.of(new DatabaseTarget(url, user, password, String.join(", ", sources)));
  }

  /** No URL anywhere: the embedded default, unless something else showed that a database was meant. */
  private static Optional<DatabaseTarget> none(Repo repo, RepoConnection entry, Settings given, Server server,
      RepoConfig config) throws MojoExecutionException {
    String fix = "give the URL (" + JdbcUrls.FORM + ")";
    if (config.dataSource().isPresent()) {
      throw new MojoExecutionException("repo " + repo.name() + " is configured with a DataSource, which a build"
          + " cannot use; give the goal a URL with -Dashpg.url or a <repos> entry");
    }
    if (entry != null) {
      throw new MojoExecutionException("<repos> entry " + entry.getName() + " has no <url>"
          + (server != null ? " (nor has settings.xml server " + given.serverId() + ")" : "") + ", and "
          + repo.getClass().getSimpleName() + ".config() gives none: " + fix + " in the entry's <url>"
          + " (an unset variable there leaves it empty)");
    }
    if (server != null) {
      throw new MojoExecutionException("settings.xml server " + given.serverId() + " (ashpg.serverId) has no URL,"
          + " and neither ashpg.url nor " + repo.getClass().getSimpleName() + ".config() gives one: add"
          + " <configuration><url>" + JdbcUrls.FORM + "</url></configuration> to that server in settings.xml, or"
          + " pass -Dashpg.url");
    }
    if (given.credentialName() != null) {
      throw new MojoExecutionException(given.credentialName() + " is set, but no database URL is: " + fix
          + " with -Dashpg.url, a settings.xml server (-Dashpg.serverId) or a <repos> entry");
    }
    return Optional.empty();
  }

  /** Fails on a setting that is given but empty, or still an expression Maven could not resolve. */
  private static void check(Settings s) throws MojoExecutionException {
    String[] values = {s.url(), s.username(), s.password(), s.serverId()};
    for (int i = 0; i < values.length; i++) {
      String value = values[i];
      String name = s.names().get(i);
      if (value != null && value.isBlank()) {
        throw new MojoExecutionException(name + " is set but empty (an unset variable?); give it a value, or"
            + " leave it out" + (i == 0 ? " to use the embedded PostgreSQL" : ""));
      }
      if (value != null && value.contains("${")) {
        throw new MojoExecutionException(name + " is " + (i == 2 ? "an expression" : value) + " that Maven could"
            + " not resolve (an unset variable or property?); define it or give the value");
      }
    }
  }

  private Server server(Settings given) throws MojoExecutionException {
    Server server = servers.find(given.serverId());
    if (server == null) {
      throw new MojoExecutionException("settings.xml has no <server> with id " + given.serverId() + " ("
          + given.serverIdName() + ")");
    }
    return server;
  }

  private static RepoConfig config(Repo repo) throws MojoExecutionException {
    try {
      return repo.config();
    } catch (RuntimeException e) {
      throw new MojoExecutionException("repo " + repo.name() + ": " + repo.getClass().getName() + ".config()"
          + " failed: " + e.getMessage(), e);
    }
  }

  private static String require(String url, String name) throws MojoExecutionException {
    try {
      return JdbcUrls.require(url, name);
    } catch (IllegalArgumentException e) {
      throw new MojoExecutionException(e.getMessage(), e);
    }
  }

  private static boolean matches(RepoConnection entry, Repo repo) {
    return repo.name().equals(entry.getName()) || repo.getClass().getName().equals(entry.getName());
  }

  private static String first(String... values) {
    for (String v : values) {
      if (v != null) {
        return v;
      }
    }
    return null;
  }
}
