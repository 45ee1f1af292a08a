package io.ashpg.migration.run;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.pool.HikariPool;
import io.ashpg.repo.JdbcUrls;
import java.util.Objects;
import org.postgresql.ds.PGSimpleDataSource;

/** DataSources the migrator opens itself from a JDBC URL. */
final class Connections {

  /** Shown in pg_stat_activity, and in the lock-timeout message of a waiting migrator. */
  static final String APPLICATION_NAME = "ashpg-migrator";

  private Connections() {
  }

  /** A non-pooling DataSource: a single-schema run needs two connections at most. */
  static PGSimpleDataSource simple(String url, String user, String password) {
    Objects.requireNonNull(url, "url");
    if (!url.startsWith("jdbc:postgresql:")) {
      throw new MigrationException("'" + url + "' is not a PostgreSQL JDBC URL; use jdbc:postgresql://host:port/database");
    }
    PGSimpleDataSource ds = new PGSimpleDataSource();
    ds.setURL(url);
    if (user != null) {
      ds.setUser(user);
    }
    if (password != null) {
      ds.setPassword(password);
    }
    if (ds.getApplicationName() == null || ds.getApplicationName().equals("PostgreSQL JDBC Driver")) {
      ds.setApplicationName(APPLICATION_NAME);
    }
    if (ds.getAssumeMinServerVersion() == null) {
      // pgjdbc then sends application_name in the startup packet; otherwise every connection costs one more
      // round trip for a SET after login (ashpg needs PostgreSQL 13 or later anyway)
      ds.setAssumeMinServerVersion("9.0");
    }
    return ds;
  }

  /** A HikariCP pool of {@code size} connections for the tenant workers; the caller closes it. */
  static HikariDataSource pool(String url, String user, String password, int size) {
    HikariConfig config = new HikariConfig();
    config.setDataSource(simple(url, user, password));
    config.setMaximumPoolSize(size);
    config.setMinimumIdle(0);
    config.setPoolName(APPLICATION_NAME);
    // a worker may wait for a connection while others run long migrations: wait rather than fail
    config.setConnectionTimeout(10 * 60_000L);
    try {
      return new HikariDataSource(config);
    } catch (HikariPool.PoolInitializationException e) {
      // the pool opens its first connection at once: an unreachable server or a missing database ends up here
      throw cannotConnect(url, e.getCause() == null ? e : e.getCause());
    }
  }

  /** The error for a first connection that failed: names the URL (without secrets), keeps the cause's SQLSTATE. */
  static MigrationException cannotConnect(String url, Throwable cause) {
    return new MigrationException("cannot connect to " + JdbcUrls.redact(url) + ": " + cause.getMessage(), cause);
  }
}
