package io.ashpg.repo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariConfig;
import java.io.PrintWriter;
import java.sql.Connection;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

class RepoConfigTest {

  @Test
  void urlForm() {
    RepoConfig config = RepoConfig.url("jdbc:postgresql://localhost/blog", "app", "s3cret")
        .withPoolSize(4).withProperty("ssl", "false");
    assertThat(config.isConfigured()).isTrue();
    assertThat(config.jdbcUrl()).contains("jdbc:postgresql://localhost/blog");
    assertThat(config.username()).contains("app");
    assertThat(config.password()).contains("s3cret");
    assertThat(config.poolSize()).isEqualTo(4);
    assertThat(config.properties()).containsEntry("ssl", "false");
    assertThat(config.dataSource()).isEmpty();
    assertThatThrownBy(() -> config.withPoolSize(0)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void toStringHidesThePassword() {
    RepoConfig config = RepoConfig.url("jdbc:postgresql://localhost/blog", "app", "s3cret");
    assertThat(config.toString()).doesNotContain("s3cret").contains("***", "app", "jdbc:postgresql://localhost/blog");
  }

  @Test
  void toStringHidesAPasswordInTheUrl() {
    RepoConfig config = RepoConfig.url("jdbc:postgresql://localhost/blog?password=s3cret", null, null);
    assertThat(config.toString()).doesNotContain("s3cret").contains("jdbc:postgresql://localhost/blog?password=***");
  }

  @Test
  void aUrlThatIsNotAPostgresqlJdbcUrlIsRefusedWhereItIsGiven() {
    assertThatThrownBy(() -> RepoConfig.url("", "app", "s3cret"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("jdbcUrl is set but empty");
    assertThatThrownBy(() -> RepoConfig.url("jdbc:mysql://localhost/blog", "app", "s3cret"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'jdbc:mysql://localhost/blog' is not a PostgreSQL JDBC URL");
  }

  @Test
  void dataSourceAndNoneForms() {
    DataSource ds = new FakeDataSource();
    RepoConfig config = RepoConfig.dataSource(ds);
    assertThat(config.isConfigured()).isTrue();
    assertThat(config.dataSource()).containsSame(ds);
    assertThat(config.jdbcUrl()).isEmpty();
    assertThat(RepoDataSources.create(config, "x")).isSameAs(ds);
    assertThatThrownBy(() -> config.withPoolSize(3)).isInstanceOf(IllegalStateException.class);

    assertThat(RepoConfig.none().isConfigured()).isFalse();
    assertThat(RepoConfig.none().toString()).isEqualTo("RepoConfig[none]");
    assertThatThrownBy(() -> RepoDataSources.create(RepoConfig.none(), "blog_repo"))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("blog_repo");
  }

  @Test
  void hikariSettingsComeFromTheConfig() {
    HikariConfig hikari = RepoDataSources.hikariConfig(
        RepoConfig.url("jdbc:postgresql://h/db", "u", "p").withPoolSize(3).withProperty("ssl", "true"), "blog_repo");
    assertThat(hikari.getJdbcUrl()).isEqualTo("jdbc:postgresql://h/db");
    assertThat(hikari.getUsername()).isEqualTo("u");
    assertThat(hikari.getPassword()).isEqualTo("p");
    assertThat(hikari.getMaximumPoolSize()).isEqualTo(3);
    assertThat(hikari.getPoolName()).isEqualTo("ashpg-blog_repo");
    assertThat(hikari.getDataSourceProperties()).containsEntry("ssl", "true");
  }

  /** A DataSource that is never asked for connections. */
  static final class FakeDataSource implements DataSource {
    @Override public Connection getConnection() { throw new UnsupportedOperationException(); }
    @Override public Connection getConnection(String u, String p) { throw new UnsupportedOperationException(); }
    @Override public PrintWriter getLogWriter() { return null; }
    @Override public void setLogWriter(PrintWriter out) {}
    @Override public void setLoginTimeout(int seconds) {}
    @Override public int getLoginTimeout() { return 0; }
    @Override public Logger getParentLogger() { return Logger.getGlobal(); }
    @Override public <T> T unwrap(Class<T> iface) { throw new UnsupportedOperationException(); }
    @Override public boolean isWrapperFor(Class<?> iface) { return false; }
  }
}
