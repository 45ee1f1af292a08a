package io.ashpg.repo;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import javax.sql.DataSource;

/** Turns a {@link RepoConfig} into a {@link DataSource}: the configured one, or a new HikariCP pool. */
public final class RepoDataSources {
  private RepoDataSources() {}

  /**
   * The data source for {@code repo}'s {@link Repo#config()}. A pool created here belongs to the caller, who closes it
   * (it is a {@link HikariDataSource}).
   *
   * @throws IllegalStateException if the repo is not configured
   */
  public static DataSource create(Repo repo) {
    return create(repo.config(), repo.name());
  }

  /**
   * The given data source when the config holds one, otherwise a HikariCP pool named {@code poolName}.
   *
   * @throws IllegalStateException if {@code config} is not configured
   */
  public static DataSource create(RepoConfig config, String poolName) {
    if (config.dataSource().isPresent()) {
      return config.dataSource().get();
    }
    if (!config.isConfigured()) {
      throw new IllegalStateException("no database configured for " + poolName
          + ": set ashpg.url/ASHPG_URL or override Repo.config()");
    }
    return new HikariDataSource(hikariConfig(config, poolName));
  }

  /** The HikariCP settings for a URL configuration (exposed so tools can adjust them before creating a pool). */
  public static HikariConfig hikariConfig(RepoConfig config, String poolName) {
    HikariConfig hikari = new HikariConfig();
    hikari.setJdbcUrl(config.jdbcUrl().orElseThrow(() -> new IllegalStateException("not a URL configuration")));
    config.username().ifPresent(hikari::setUsername);
    config.password().ifPresent(hikari::setPassword);
    hikari.setMaximumPoolSize(config.poolSize());
    hikari.setPoolName("ashpg-" + poolName);
    config.properties().forEach(hikari::addDataSourceProperty);
    return hikari;
  }
}
