package io.ashpg.repo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ashpg.fixtures.BlogRepo;
import io.ashpg.fixtures.PlainRepo;
import org.junit.jupiter.api.Test;

class RepoTest {

  public static final class MyAppRepo extends Repo {}

  public static final class HTTPRepo extends Repo {}

  public static final class V2Repo extends Repo {}

  @Test
  void nameIsSnakeCaseOfTheSimpleName() {
    assertThat(new BlogRepo().name()).isEqualTo("blog_repo");
    assertThat(new MyAppRepo().name()).isEqualTo("my_app_repo");
    assertThat(new HTTPRepo().name()).isEqualTo("http_repo");
    assertThat(new V2Repo().name()).isEqualTo("v2_repo");
    assertThat(Repo.snakeCase("Repo")).isEqualTo("repo");
    assertThat(Repo.snakeCase("MyHTTPServerRepo")).isEqualTo("my_http_server_repo");
    assertThat(new Repo() {}.name()).isNotBlank();
  }

  @Test
  void defaults() {
    Repo repo = new BlogRepo();
    assertThat(new PlainRepo().installedExtensions()).isEmpty();
    assertThat(repo.defaultPrefix()).isEqualTo("public");
    assertThat(repo.migrationsPath()).isEqualTo("db/blog_repo/migrations");
    assertThat(repo.tenantMigrationsPath()).isEqualTo("db/blog_repo/tenant_migrations");
    assertThat(repo.overrideMigrationType("timestamp(0)")).isEqualTo("timestamp(0)");
    assertThat(repo.minPgVersion()).isEqualTo(new ServerVersion(13, 0));
    assertThat(repo.migrateExtensions()).isTrue();
    assertThat(repo.createSchemasInMigrations()).isTrue();
    assertThat(repo.toString()).isEqualTo("BlogRepo[blog_repo]");
  }

  @Test
  void allTenantsMustBeOverridden() {
    assertThatThrownBy(() -> new BlogRepo().allTenants(null))
        .isInstanceOf(UnsupportedOperationException.class)
        .hasMessageContaining("override")
        .hasMessageContaining("allTenants");
  }

  @Test
  void defaultConfigComesFromPropertiesThenEnvironment() {
    RepoConfig fromProps = RepoConfig.fromEnvironment(
        key -> key.equals("ashpg.url") ? "jdbc:postgresql://p/db" : null,
        key -> switch (key) {
          case "ASHPG_USERNAME" -> "envuser";
          case "ASHPG_PASSWORD" -> "envpass";
          default -> null;
        });
    assertThat(fromProps.jdbcUrl()).contains("jdbc:postgresql://p/db");
    assertThat(fromProps.username()).contains("envuser");
    assertThat(fromProps.password()).contains("envpass");
    assertThat(RepoConfig.fromEnvironment(k -> null, k -> null).isConfigured()).isFalse();
  }

  @Test
  void anEmptyUrlIsAnErrorNamingItsSourceNotNoDatabase() {
    // an unset CI variable: -Dashpg.url=$DB_URL, or ASHPG_URL exported empty
    assertThatThrownBy(() -> RepoConfig.fromEnvironment(k -> k.equals("ashpg.url") ? "" : null, k -> null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("system property ashpg.url is set but empty");
    assertThatThrownBy(() -> RepoConfig.fromEnvironment(k -> null, k -> k.equals("ASHPG_URL") ? " " : null))
        .hasMessageStartingWith("environment variable ASHPG_URL is set but empty");
    // the property wins over the environment, also when it is the one that is wrong
    assertThatThrownBy(() -> RepoConfig.fromEnvironment(k -> k.equals("ashpg.url") ? "" : null,
        k -> k.equals("ASHPG_URL") ? "jdbc:postgresql://env/db" : null))
        .hasMessageStartingWith("system property ashpg.url is set but empty");
  }

  @Test
  void anInvalidUrlOrCredentialsWithoutAUrlAreErrors() {
    assertThatThrownBy(() -> RepoConfig.fromEnvironment(k -> null,
        k -> k.equals("ASHPG_URL") ? "postgres://db/shop" : null))
        .hasMessage("environment variable ASHPG_URL 'postgres://db/shop' is not a PostgreSQL JDBC URL; use "
            + JdbcUrls.FORM);
    assertThatThrownBy(() -> RepoConfig.fromEnvironment(k -> k.equals("ashpg.username") ? "deployer" : null,
        k -> null))
        .hasMessageStartingWith("system property ashpg.username is set, but no database URL is");
    assertThatThrownBy(() -> RepoConfig.fromEnvironment(k -> k.equals("ashpg.url") ? "jdbc:postgresql://p/db" : null,
        k -> k.equals("ASHPG_PASSWORD") ? "" : null))
        .hasMessageStartingWith("environment variable ASHPG_PASSWORD is set but empty");
  }
}
