package io.ashpg.repo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import io.ashpg.testing.WithPostgres;
import io.ashpg.testing.TestDatabase;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

@WithPostgres
class RepoDatabaseTest {

  @Test
  void detectsTheServerVersion(TestDatabase db) throws Exception {
    ServerVersion detected;
    try (Connection c = db.connect()) {
      detected = ServerVersion.detect(c);
    }
    int num = db.serverVersionNum();
    assertThat(detected.major()).isEqualTo(num / 10000);
    assertThat(detected.minor()).isEqualTo(num % 10000);
    assertThat(detected.atLeast(13)).isTrue();
    assertThat(detected.compareTo(new ServerVersion(13, 0))).isPositive();
  }

  @Test
  void aUrlConfigurationBecomesAWorkingPool(TestDatabase db) throws Exception {
    RepoConfig config = RepoConfig.url(db.jdbcUrl(), db.user(), db.password()).withPoolSize(3);
    DataSource ds = RepoDataSources.create(config, "test_repo");
    assertThat(ds).isInstanceOf(HikariDataSource.class);
    try (HikariDataSource pool = (HikariDataSource) ds) {
      assertThat(pool.getMaximumPoolSize()).isEqualTo(3);
      assertThat(pool.getPoolName()).isEqualTo("ashpg-test_repo");
      try (Connection c = pool.getConnection(); Statement s = c.createStatement();
           ResultSet rs = s.executeQuery("SELECT current_database()")) {
        rs.next();
        assertThat(rs.getString(1)).isEqualTo(db.name());
      }
    }
  }

  @Test
  void aDataSourceConfigurationIsUsedAsIs(TestDatabase db) {
    DataSource given = db.dataSource();
    assertThat(RepoDataSources.create(RepoConfig.dataSource(given), "x")).isSameAs(given);
  }

  @Test
  void anUnconfiguredRepoSaysHowToConfigureIt() {
    assertThatThrownBy(() -> RepoDataSources.create(RepoConfig.none(), "blog_repo"))
        .hasMessageContaining("blog_repo")
        .hasMessageContaining("ashpg.url");
  }
}
