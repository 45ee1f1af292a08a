package io.ashpg.maven;

import io.ashpg.maven.embedded.BinariesArtifact;
import io.ashpg.maven.embedded.EmbeddedServer;
import io.ashpg.repo.JdbcUrls;
import io.ashpg.repo.Repo;
import io.ashpg.resource.Api;
import io.ashpg.resource.DefinitionException;
import io.ashpg.resource.Domain;
import io.ashpg.migration.run.DatabaseAdmin;
import java.io.File;
import java.lang.reflect.InvocationTargetException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.inject.Inject;
import org.apache.maven.artifact.DependencyResolutionRequiredException;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecution;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;
import org.apache.maven.settings.Server;
import org.apache.maven.settings.building.SettingsProblem;
import org.apache.maven.settings.crypto.DefaultSettingsDecryptionRequest;
import org.apache.maven.settings.crypto.SettingsDecrypter;
import org.apache.maven.settings.crypto.SettingsDecryptionResult;
import org.codehaus.plexus.util.xml.Xpp3Dom;
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

  /**
   * JDBC URL of the database, for every repo without its own {@code <repos>} entry. Given but empty (an unset
   * variable) or not a PostgreSQL JDBC URL, it fails the goal.
   */
  @Parameter(property = "ashpg.url")
  protected String url;

  /** Database user name. */
  @Parameter(property = "ashpg.username")
  protected String username;

  /** Database password (prefer {@code serverId} and an encrypted settings.xml password). */
  @Parameter(property = "ashpg.password")
  protected String password;

  /**
   * Id of a {@code <server>} in settings.xml giving the user name and password and, in
   * {@code <configuration><url>…</url></configuration>}, optionally the URL. A server that does not exist, or that
   * has no URL when nothing else gives one, fails the goal.
   */
  @Parameter(property = "ashpg.serverId")
  protected String serverId;

  /** Per-repo connection settings, which win over the plugin-wide ones. */
  @Parameter
  protected List<RepoConnection> repos;

  /**
   * Whether a repo no setting names a database for may use the embedded PostgreSQL. {@code -Dashpg.embedded=false}
   * in CI and deploy steps turns a forgotten URL into an error instead of a migrated throwaway database.
   */
  @Parameter(property = "ashpg.embedded", defaultValue = "true")
  protected boolean embedded;

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

  /** This goal's execution: its descriptor lists the parameters, and so the user properties the goal reads. */
  @Parameter(defaultValue = "${mojoExecution}", readonly = true, required = true)
  protected MojoExecution mojoExecution;

  @Inject
  protected RepositorySystem repositorySystem;

  @Inject
  protected SettingsDecrypter settingsDecrypter;

  /** The repos of the loaded Apis, for checking the {@code <repos>} entries against. */
  private List<Repo> loadedRepos = List.of();

  /** Each repo's database once decided and named in the log (empty: the embedded default), by repo name. */
  private final Map<String, Optional<DatabaseTarget>> targets = new HashMap<>();

  @Override
  @SuppressWarnings("try") // the bridge only needs to be open while the goal runs
  public final void execute() throws MojoExecutionException, MojoFailureException {
    if (skip) {
      getLog().info("ashpg: skipped (ashpg.skip)");
      return;
    }
    checkUserProperties();
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

  /**
   * Fails on an {@code ashpg.*} user property no goal of the plugin reads (a typo Maven would silently ignore), and
   * warns about one only other goals read. The names come from the plugin descriptor's parameters.
   */
  private void checkUserProperties() throws MojoFailureException {
    UserPropertyCheck.Outcome outcome = UserPropertyCheck.of(mojoExecution.getMojoDescriptor(), session.getGoals())
        .check(session.getUserProperties().stringPropertyNames());
    outcome.warnings().forEach(w -> getLog().warn("ashpg: " + w));
    if (!outcome.errors().isEmpty()) {
      throw new MojoFailureException("ashpg: " + String.join("\n", outcome.errors()));
    }
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
      Domain domain = Domain.build(loaded.toArray(Api[]::new));
      loadedRepos = domain.repos();
      return domain;
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
   * The database {@code repo} uses — empty for the embedded default — decided by {@link TargetResolver} and named in
   * the log the first time a goal asks, before anything connects: the URL without passwords, the user and where
   * they came from, or the embedded server's data directory.
   *
   * @throws MojoExecutionException when a setting naming a database is empty, incomplete or invalid, or when no
   *     setting names one and {@code ashpg.embedded} is false
   */
  protected Optional<DatabaseTarget> target(Repo repo) throws MojoExecutionException {
    Optional<DatabaseTarget> known = targets.get(repo.name());
    if (known != null) {
      return known;
    }
    TargetResolver resolver = new TargetResolver(
        TargetResolver.Settings.plugin(given(url, "url"), given(username, "username"), given(password, "password"),
            given(serverId, "serverId")),
        repos, this::server);
    resolver.checkEntries(loadedRepos);
    Optional<DatabaseTarget> target = resolver.resolve(repo);
    if (target.isEmpty() && !embedded) {
      throw new MojoExecutionException("no database is configured for repo " + repo.name() + ", and the embedded"
          + " PostgreSQL is off (ashpg.embedded=false): name one with -Dashpg.url=" + JdbcUrls.FORM
          + ", -Dashpg.serverId (a settings.xml server with a URL), a <repos> entry or "
          + repo.getClass().getSimpleName() + ".config()");
    }
    getLog().info("ashpg: repo " + repo.name() + ": using " + (target.isPresent() ? target.get()
        : "the embedded PostgreSQL in " + relative(embeddedDataDirectory.toPath()) + " (no database configured)"));
    targets.put(repo.name(), target);
    return target;
  }

  /**
   * The database of {@code repo} to connect to: its {@link #target}, or the embedded default (started on demand,
   * its database created if missing).
   */
  protected DatabaseTarget database(Repo repo) throws MojoExecutionException {
    Optional<DatabaseTarget> target = target(repo);
    return target.isPresent() ? target.get() : startEmbedded(repo);
  }

  /**
   * A plugin-wide setting as given: its value, or {@code ""} when it was given empty on the command line (Maven
   * injects nothing for {@code -Dashpg.url=}), or the raw {@code ${…}} of a pom configuration Maven could not
   * resolve ({@code <url>${env.DB_URL}</url>} with the variable unset); null when not given at all.
   */
  private String given(String value, String parameter) {
    if (value != null) {
      return value;
    }
    String fromCommandLine = session.getUserProperties().getProperty("ashpg." + parameter);
    if (fromCommandLine != null) {
      return fromCommandLine;
    }
    Xpp3Dom configuration = mojoExecution.getConfiguration();
    Xpp3Dom configured = configuration == null ? null : configuration.getChild(parameter);
    String raw = configured == null ? null : configured.getValue();
    return raw != null && !raw.isBlank() && !raw.equals("${ashpg." + parameter + "}") ? raw : null;
  }

  private TargetResolver.Server server(String id) {
    Server server = session.getSettings().getServer(id);
    if (server == null) {
      return null;
    }
    SettingsDecryptionResult decrypted = settingsDecrypter.decrypt(new DefaultSettingsDecryptionRequest(server));
    for (SettingsProblem problem : decrypted.getProblems()) {
      getLog().warn("settings.xml server " + id + ": " + problem.getMessage());
    }
    Server s = decrypted.getServer();
    Xpp3Dom url = server.getConfiguration() instanceof Xpp3Dom c ? c.getChild("url") : null;
    return new TargetResolver.Server(s.getUsername(), s.getPassword(), url == null ? null : url.getValue());
  }

  private DatabaseTarget startEmbedded(Repo repo) throws MojoExecutionException {
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
    getLog().debug("ashpg: embedded PostgreSQL " + (started.startedNow() ? "started" : "running") + " in "
        + server.dataDirectory() + ": " + dbUrl);
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

  /** Project-relative path for messages. */
  protected String relative(Path path) {
    try {
      return project.getBasedir().toPath().toAbsolutePath().relativize(path.toAbsolutePath()).toString();
    } catch (IllegalArgumentException e) {
      return path.toString();
    }
  }
}
