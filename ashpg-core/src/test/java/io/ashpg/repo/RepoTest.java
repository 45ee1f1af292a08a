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
}
