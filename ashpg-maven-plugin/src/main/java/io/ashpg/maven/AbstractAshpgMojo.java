package io.ashpg.maven;

import io.ashpg.maven.embedded.BinariesArtifact;
import io.ashpg.maven.embedded.EmbeddedServer;
import io.ashpg.repo.Repo;
import io.ashpg.repo.RepoConfig;
import io.ashpg.resource.Api;
import io.ashpg.resource.DefinitionException;
import io.ashpg.resource.Domain;
import io.ashpg.migration.run.DatabaseAdmin;
import java.io.File;
import java.lang.reflect.InvocationTargetException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.inject.Inject;
import org.apache.maven.artifact.DependencyResolutionRequiredException;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;
import org.apache.maven.settings.Server;
import org.apache.maven.settings.building.SettingsProblem;
import org.apache.maven.settings.crypto.DefaultSettingsDecryptionRequest;
import org.apache.maven.settings.crypto.SettingsDecrypter;
import org.apache.maven.settings.crypto.SettingsDecryptionResult;
import org.eclipse.aether.RepositorySystem;

/**
 * What every ashpg goal shares: skipping, the Apis to load from the project, the database of each repo and the
 * project class loader. Goals implement {@link #run()}.
 */
public abstract class AbstractAshpgMojo extends AbstractMojo {

  /** Skip this goal. */
  @Parameter(property = "ashpg.skip", defaultValue = "false")
  protected boolean skip;

  /**
   * Fully qualified class names of the project's {@code io.ashpg.resource.Api} implementations, e.g.
   * {@code io.example.blog.Blog}. On the command line: {@code -Dashpg.apis=a.B,c.D}.
   */
  @Parameter(property = "ashpg.apis")
  protected List<String> apis;

  /** JDBC URL of the database, for every repo without its own {@code <repos>} entry. */
  @Parameter(property = "ashpg.url")
  protected String url;

  /** Database user name. */
  @Parameter(property = "ashpg.username")
  protected String username;

  /** Database password (prefer {@code serverId} and an encrypted settings.xml password). */
  @Parameter(property = "ashpg.password")
  protected String password;

  /** Id of a {@code <server>} in settings.xml whose user name and password are used. */
  @Parameter(property = "ashpg.serverId")
  protected String serverId;

  /** Per-repo connection settings, which win over the plugin-wide ones. */
  @Parameter
  protected List<RepoConnection> repos;

  /**
   * Where the embedded default PostgreSQL keeps its data. It is used when a repo has no database configured
   * (neither here nor in its {@code Repo.config()}).
   */
  @Parameter(property = "ashpg.embedded.dataDirectory", defaultValue = "${project.build.directory}/ashpg/postgres")
  protected File embeddedDataDirectory;

  /** Version of zonky's PostgreSQL binaries for the embedded default, e.g. {@code 17.11.0}. */
  @Parameter(property = "ashpg.embedded.version", defaultValue = "17.11.0")
  protected String embeddedVersion;

  @Parameter(defaultValue = "${project}", readonly = true, required = true)
  protected MavenProject project;

  @Parameter(defaultValue = "${session}", readonly = true, required = true)
  protected MavenSession session;

  @Inject
  protected RepositorySystem repositorySystem;

  @Inject
  protected SettingsDecrypter settingsDecrypter;

  @Override
  @SuppressWarnings("try") // the bridge only needs to be open while the goal runs
  public final void execute() throws MojoExecutionException, MojoFailureException {
    if (skip) {
      getLog().info("ashpg: skipped (ashpg.skip)");
      return;
    }
    List<String> classpath;
    try {
      classpath = project.getRuntimeClasspathElements();
    } catch (DependencyResolutionRequiredException e) {
      throw new MojoExecutionException("the project's dependencies are not resolved", e);
    }
    quietLibraryLogging();
    try (MavenLogBridge bridge = MavenLogBridge.install(getLog())) {
      ProjectClassLoader.with(classpath, getClass().getClassLoader(), this::run);
    }
  }

  /**
   * HikariCP announces every pool start and stop at INFO through SLF4J, which Maven prints; that is noise in a
   * build log. Maven's SLF4J binding reads a logger's level from system properties when the logger is created.
   */
  private static void quietLibraryLogging() {
    System.getProperties().putIfAbsent("org.slf4j.simpleLogger.log.com.zaxxer.hikari", "warn");
  }

  /** The goal's work, with the project's classes on the context class loader. */
  protected abstract void run() throws MojoExecutionException, MojoFailureException;

  /** The project's Apis, loaded and verified. */
  protected Domain domain() throws MojoFailureException, MojoExecutionException {
    if (apis == null || apis.isEmpty()) {
      throw new MojoFailureException("no Apis configured: add <configuration><apis><api>your.package.YourApi</api>"
          + "</apis></configuration> to the ashpg-maven-plugin in your pom, or pass -Dashpg.apis=your.package.YourApi");
    }
    ClassLoader loader = Thread.currentThread().getContextClassLoader();
    List<Api> loaded = new ArrayList<>();
    for (String name : apis) {
      loaded.add(instantiate(name.trim(), loader));
    }
    try {
      return Domain.build(loaded.toArray(Api[]::new));
    } catch (DefinitionException e) {
      throw new MojoFailureException("the resources of " + String.join(", ", apis) + " are not valid:\n"
          + e.getMessage());
    }
  }

  private Api instantiate(String name, ClassLoader loader) throws MojoFailureException, MojoExecutionException {
    Class<?> type;
    try {
      type = Class.forName(name, true, loader);
    } catch (ClassNotFoundException e) {
      throw new MojoFailureException("Api class " + name + " is not on the project's class path; check the name in"
          + " <apis> and that the project is compiled (mvn compile)");
    } catch (ExceptionInInitializerError e) {
      throw new MojoFailureException("Api class " + name + " failed to initialise: " + e.getCause(), e.getCause());
    }
    if (!Api.class.isAssignableFrom(type)) {
      throw new MojoFailureException(name + " does not implement io.ashpg.resource.Api");
    }
    try {
      return (Api) type.getConstructor().newInstance();
    } catch (NoSuchMethodException e) {
      throw new MojoFailureException("Api class " + name + " needs a public no-argument constructor");
    } catch (InvocationTargetException e) {
      throw new MojoExecutionException("Api class " + name + " threw while being created: " + e.getCause(),
          e.getCause());
    } catch (ReflectiveOperationException e) {
      throw new MojoExecutionException("cannot create Api class " + name + ": " + e, e);
    }
  }

  /**
   * The database of {@code repo}: its {@code <repos>} entry, then {@code ashpg.url}, then a settings.xml server
   * with {@code ashpg.serverId} and a URL from the repo, then the repo's own {@code config()}, then the embedded
   * default (started on demand, its database created if missing).
   */
  protected DatabaseTarget database(Repo repo) throws MojoExecutionException {
    RepoConnection own = repoConnection(repo);
    if (own != null && own.getUrl() != null) {
      Credentials c = credentials(own.getServerId(), own.getUsername(), own.getPassword());
      return new DatabaseTarget(own.getUrl(), c.user, c.password, "<repos> entry " + own.getName());
    }
    RepoConfig config = repo.config();
    if (url != null && !url.isBlank()) {
      Credentials c = credentials(serverId, username, password);
      return new DatabaseTarget(url, c.user, c.password, "ashpg.url");
    }
    if (config.jdbcUrl().isPresent()) {
      Credentials c = credentials(serverId, config.username().orElse(username), config.password().orElse(password));
      return new DatabaseTarget(config.jdbcUrl().get(), c.user, c.password, repo.getClass().getSimpleName()
          + ".config()");
    }
    if (config.dataSource().isPresent()) {
      throw new MojoExecutionException("repo " + repo.name() + " is configured with a DataSource, which a build"
          + " cannot use; give the goal a URL with -Dashpg.url or a <repos> entry");
    }
    return embedded(repo);
  }

  private DatabaseTarget embedded(Repo repo) throws MojoExecutionException {
    Path binaries;
    try {
      binaries = BinariesArtifact.resolve(repositorySystem, session.getRepositorySession(),
          project.getRemoteProjectRepositories(), embeddedVersion);
    } catch (IllegalStateException e) {
      throw new MojoExecutionException(e.getMessage(), e);
    }
    EmbeddedServer.Started started;
    try {
      started = EmbeddedServer.startOrReuse(embeddedDataDirectory.toPath(), binaries,
          m -> getLog().info("ashpg: " + m));
    } catch (RuntimeException e) {
      throw new MojoExecutionException(e.getMessage(), e);
    }
    EmbeddedServer server = started.server();
    String dbUrl = server.jdbcUrl(repo.name());
    if (started.startedNow()) {
      getLog().info("ashpg: no database configured for repo " + repo.name() + ", using the embedded PostgreSQL in "
          + project.getBasedir().toPath().relativize(server.dataDirectory()) + " (" + dbUrl + ")");
    }
    if (createsEmbeddedDatabase()) {
      DatabaseAdmin.create(dbUrl, server.user(), "", true);
    }
    return new DatabaseTarget(dbUrl, server.user(), "", "embedded");
  }

  /**
   * Whether the embedded default creates a repo's database on first use. Goals that only work inside the database
   * want it there; {@code create} and {@code drop} manage it themselves.
   */
  protected boolean createsEmbeddedDatabase() {
    return true;
  }

  private RepoConnection repoConnection(Repo repo) {
    if (repos == null) {
      return null;
    }
    for (RepoConnection c : repos) {
      if (repo.name().equals(c.getName()) || repo.getClass().getName().equals(c.getName())) {
        return c;
      }
    }
    return null;
  }

  private record Credentials(String user, String password) {
  }

  private Credentials credentials(String id, String user, String pass) throws MojoExecutionException {
    if (id == null || id.isBlank()) {
      return new Credentials(user, pass);
    }
    Server server = session.getSettings().getServer(id);
    if (server == null) {
      throw new MojoExecutionException("settings.xml has no <server> with id " + id + " (ashpg.serverId)");
    }
    SettingsDecryptionResult decrypted = settingsDecrypter.decrypt(new DefaultSettingsDecryptionRequest(server));
    for (SettingsProblem problem : decrypted.getProblems()) {
      getLog().warn("settings.xml server " + id + ": " + problem.getMessage());
    }
    Server s = decrypted.getServer();
    return new Credentials(user != null ? user : s.getUsername(), pass != null ? pass : s.getPassword());
  }

  /** Project-relative path for messages. */
  protected String relative(Path path) {
    try {
      return project.getBasedir().toPath().toAbsolutePath().relativize(path.toAbsolutePath()).toString();
    } catch (IllegalArgumentException e) {
      return path.toString();
    }
  }
}
