package io.ashpg.repo;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.UnaryOperator;
import javax.sql.DataSource;

/**
 * How a repo connects: a JDBC URL with credentials and pool settings, a ready {@link DataSource}, or nothing
 * ({@link #none()}). Immutable; {@link #toString()} never shows the password.
 */
public final class RepoConfig {
  /** Pool size used unless set. */
  public static final int DEFAULT_POOL_SIZE = 10;

  private static final RepoConfig NONE = new RepoConfig(null, null, null, DEFAULT_POOL_SIZE, Map.of(), null);

  private final String jdbcUrl;
  private final String username;
  private final String password;
  private final int poolSize;
  private final Map<String, String> properties;
  private final DataSource dataSource;

  private RepoConfig(String jdbcUrl, String username, String password, int poolSize, Map<String, String> properties,
                     DataSource dataSource) {
    this.jdbcUrl = jdbcUrl;
    this.username = username;
    this.password = password;
    this.poolSize = poolSize;
    this.properties = properties;
    this.dataSource = dataSource;
  }

  /**
   * Connect with a JDBC URL; {@code username} and {@code password} may be null (e.g. given in the URL).
   *
   * @throws IllegalArgumentException if {@code jdbcUrl} is missing, empty or not a PostgreSQL JDBC URL
   */
  public static RepoConfig url(String jdbcUrl, String username, String password) {
    JdbcUrls.require(jdbcUrl, "jdbcUrl");
    return new RepoConfig(jdbcUrl, username, password, DEFAULT_POOL_SIZE, Map.of(), null);
  }

  /** Use an existing data source (its pool settings are its own). */
  public static RepoConfig dataSource(DataSource dataSource) {
    return new RepoConfig(null, null, null, DEFAULT_POOL_SIZE, Map.of(),
        Objects.requireNonNull(dataSource, "dataSource"));
  }

  /** Not configured. */
  public static RepoConfig none() {
    return NONE;
  }

  /**
   * Reads {@code ashpg.url}/{@code ashpg.username}/{@code ashpg.password} from {@code properties}, falling back to
   * {@code ASHPG_URL}/{@code ASHPG_USERNAME}/{@code ASHPG_PASSWORD} from {@code env}; {@link #none()} when none of
   * them is set. One that is set but empty (an unset CI variable) is an error, as are credentials without a URL and
   * a URL that is not a PostgreSQL one: each would otherwise leave a tool to fall back to a database of its own.
   *
   * @throws IllegalArgumentException naming the property or variable that is empty, invalid or missing
   */
  public static RepoConfig fromEnvironment(UnaryOperator<String> properties, UnaryOperator<String> env) {
    Setting url = Setting.read("ashpg.url", "ASHPG_URL", properties, env);
    Setting user = Setting.read("ashpg.username", "ASHPG_USERNAME", properties, env);
    Setting password = Setting.read("ashpg.password", "ASHPG_PASSWORD", properties, env);
    if (url == null) {
      Setting credential = user != null ? user : password;
      if (credential != null) {
        throw new IllegalArgumentException(credential.name() + " is set, but no database URL is: set system property"
            + " ashpg.url or environment variable ASHPG_URL too (" + JdbcUrls.FORM + ")");
      }
      return NONE;
    }
    return url(JdbcUrls.require(url.value(), url.name()), Setting.nonEmpty(user), Setting.nonEmpty(password));
  }

  /** A connection setting read from a system property or else an environment variable, with where it came from. */
  private record Setting(String name, String value) {

    static Setting read(String property, String variable, UnaryOperator<String> properties,
        UnaryOperator<String> env) {
      String fromProperty = properties.apply(property);
      if (fromProperty != null) {
        return new Setting("system property " + property, fromProperty);
      }
      String fromEnv = env.apply(variable);
      return fromEnv == null ? null : new Setting("environment variable " + variable, fromEnv);
    }

    static String nonEmpty(Setting setting) {
      if (setting == null) {
        return null;
      }
      if (setting.value().isBlank()) {
        throw new IllegalArgumentException(setting.name() + " is set but empty (an unset variable?); give it a value"
            + " or remove it");
      }
      return setting.value();
    }
  }

  /** A copy with another pool size. */
  public RepoConfig withPoolSize(int poolSize) {
    if (poolSize < 1) {
      throw new IllegalArgumentException("poolSize must be >= 1, was " + poolSize);
    }
    requireUrlForm("withPoolSize");
    return new RepoConfig(jdbcUrl, username, password, poolSize, properties, null);
  }

  /** A copy with an extra JDBC driver property (e.g. {@code "ssl"}, {@code "true"}). */
  public RepoConfig withProperty(String key, String value) {
    requireUrlForm("withProperty");
    Map<String, String> copy = new LinkedHashMap<>(properties);
    copy.put(Objects.requireNonNull(key, "key"), Objects.requireNonNull(value, "value"));
    return new RepoConfig(jdbcUrl, username, password, poolSize, Collections.unmodifiableMap(copy), null);
  }

  /** Whether there is anything to connect with. */
  public boolean isConfigured() {
    return jdbcUrl != null || dataSource != null;
  }

  /** The JDBC URL (URL form only). */
  public Optional<String> jdbcUrl() {
    return Optional.ofNullable(jdbcUrl);
  }

  /** The user name (URL form only). */
  public Optional<String> username() {
    return Optional.ofNullable(username);
  }

  /** The password (URL form only). */
  public Optional<String> password() {
    return Optional.ofNullable(password);
  }

  /** The maximum pool size for the URL form. */
  public int poolSize() {
    return poolSize;
  }

  /** Extra JDBC driver properties. */
  public Map<String, String> properties() {
    return properties;
  }

  /** The data source (data source form only). */
  public Optional<DataSource> dataSource() {
    return Optional.ofNullable(dataSource);
  }

  @Override
  public String toString() {
    if (dataSource != null) {
      return "RepoConfig[dataSource=" + dataSource.getClass().getName() + "]";
    }
    if (jdbcUrl == null) {
      return "RepoConfig[none]";
    }
    return "RepoConfig[url=" + JdbcUrls.redact(jdbcUrl) + ", username=" + username + ", password="
        + (password == null ? "none" : "***") + ", poolSize=" + poolSize + ", properties=" + properties.keySet() + "]";
  }

  private void requireUrlForm(String method) {
    if (jdbcUrl == null) {
      throw new IllegalStateException(method + " applies to a URL configuration only");
    }
  }
}
