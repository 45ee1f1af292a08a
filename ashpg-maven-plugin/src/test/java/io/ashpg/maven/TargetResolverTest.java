package io.ashpg.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ashpg.repo.Repo;
import io.ashpg.repo.RepoConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.maven.plugin.MojoExecutionException;
import org.junit.jupiter.api.Test;

/** Which database a goal uses: the embedded default only when nothing names one. */
class TargetResolverTest {

  /** A repo whose config() is what the test says, independent of this JVM's properties and environment. */
  static class ShopRepo extends Repo {
    RepoConfig config = RepoConfig.none();

    @Override
    public RepoConfig config() {
      return config;
    }
  }

  static final class BlogRepo extends ShopRepo {
  }

  private final ShopRepo shop = new ShopRepo();
  private final Map<String, TargetResolver.Server> settingsXml = Map.of(
      "creds", new TargetResolver.Server("ci", "ci-secret", null),
      "whole", new TargetResolver.Server("deployer", "deploy-secret", "jdbc:postgresql://prod:5432/shop"),
      "bad", new TargetResolver.Server("u", "p", "mysql://prod/shop"));
  private final List<RepoConnection> entries = new ArrayList<>();

  private Optional<DatabaseTarget> resolve(String url, String user, String password, String serverId)
      throws MojoExecutionException {
    TargetResolver resolver = resolver(url, user, password, serverId);
    resolver.checkEntries(List.of(shop, new BlogRepo()));
    return resolver.resolve(shop);
  }

  private TargetResolver resolver(String url, String user, String password, String serverId) {
    return new TargetResolver(TargetResolver.Settings.plugin(url, user, password, serverId), entries,
        settingsXml::get);
  }

  private static RepoConnection entry(String name, String url, String serverId) {
    RepoConnection c = new RepoConnection();
    c.setName(name);
    c.setUrl(url);
    c.setServerId(serverId);
    return c;
  }

  @Test
  void nothingNamesADatabase() throws Exception {
    assertThat(resolve(null, null, null, null)).isEmpty();
  }

  @Test
  void anEmptyOrUnresolvedSettingIsAnErrorNotTheEmbeddedDefault() {
    assertThatThrownBy(() -> resolve("", null, null, null)).isInstanceOf(MojoExecutionException.class)
        .hasMessageStartingWith("ashpg.url is set but empty (an unset variable?)");
    assertThatThrownBy(() -> resolve(null, null, null, " "))
        .hasMessageStartingWith("ashpg.serverId is set but empty");
    assertThatThrownBy(() -> resolve("${env.DB_URL}", null, null, null))
        .hasMessageStartingWith("ashpg.url is ${env.DB_URL} that Maven could not resolve");
    assertThatThrownBy(() -> resolve("jdbc:postgresql://h/db", null, "${env.PW}", null))
        .hasMessageStartingWith("ashpg.password is an expression that Maven could not resolve");
  }

  @Test
  void anInvalidUrlIsAnErrorNamingIt() {
    assertThatThrownBy(() -> resolve("postgres://db/shop", null, null, null))
        .hasMessageStartingWith("ashpg.url 'postgres://db/shop' is not a PostgreSQL JDBC URL");
    assertThatThrownBy(() -> resolve(null, null, null, "bad"))
        .hasMessageStartingWith("<url> of settings.xml server bad 'mysql://prod/shop' is not a PostgreSQL JDBC URL");
  }

  @Test
  void credentialsWithoutAUrlAreAnError() {
    assertThatThrownBy(() -> resolve(null, "deployer", null, null))
        .hasMessageStartingWith("ashpg.username is set, but no database URL is");
    assertThatThrownBy(() -> resolve(null, null, "pw", null))
        .hasMessageStartingWith("ashpg.password is set, but no database URL is");
  }

  @Test
  void aServerIdMustNameAServerWithAUrlSomewhere() throws Exception {
    assertThatThrownBy(() -> resolve(null, null, null, "nope"))
        .hasMessage("settings.xml has no <server> with id nope (ashpg.serverId)");
    assertThatThrownBy(() -> resolve(null, null, null, "creds"))
        .hasMessageStartingWith("settings.xml server creds (ashpg.serverId) has no URL")
        .hasMessageContaining("<configuration><url>");
    // the server's credentials with a URL from elsewhere
    DatabaseTarget viaUrl = resolve("jdbc:postgresql://db/shop", null, null, "creds").orElseThrow();
    assertThat(viaUrl).isEqualTo(new DatabaseTarget("jdbc:postgresql://db/shop", "ci", "ci-secret",
        "ashpg.url, settings.xml server creds"));
    shop.config = RepoConfig.url("jdbc:postgresql://cfg/shop", "cfg-user", "cfg-secret");
    DatabaseTarget viaConfig = resolve(null, null, null, "creds").orElseThrow();
    assertThat(viaConfig).isEqualTo(new DatabaseTarget("jdbc:postgresql://cfg/shop", "ci", "ci-secret",
        "ShopRepo.config(), settings.xml server creds"));
  }

  @Test
  void aServerWithAUrlNamesTheWholeDatabase() throws Exception {
    DatabaseTarget target = resolve(null, null, null, "whole").orElseThrow();
    assertThat(target).isEqualTo(new DatabaseTarget("jdbc:postgresql://prod:5432/shop", "deployer",
        "deploy-secret", "settings.xml server whole"));
    assertThat(target.toString()).isEqualTo("jdbc:postgresql://prod:5432/shop as deployer (settings.xml server whole)");
    // what is given on the command line wins over the server
    assertThat(resolve("jdbc:postgresql://other/shop", "me", null, "whole").orElseThrow())
        .isEqualTo(new DatabaseTarget("jdbc:postgresql://other/shop", "me", "deploy-secret",
            "ashpg.url, settings.xml server whole"));
  }

  @Test
  void pluginSettingsWinOverTheReposConfig() throws Exception {
    shop.config = RepoConfig.url("jdbc:postgresql://cfg/shop", "cfg-user", "cfg-secret");
    assertThat(resolve(null, null, null, null).orElseThrow())
        .isEqualTo(new DatabaseTarget("jdbc:postgresql://cfg/shop", "cfg-user", "cfg-secret", "ShopRepo.config()"));
    assertThat(resolve("jdbc:postgresql://cli/shop", null, null, null).orElseThrow())
        .isEqualTo(new DatabaseTarget("jdbc:postgresql://cli/shop", null, null, "ashpg.url"));
    assertThat(resolve(null, "me", null, null).orElseThrow())
        .isEqualTo(new DatabaseTarget("jdbc:postgresql://cfg/shop", "me", "cfg-secret", "ShopRepo.config()"));
  }

  @Test
  void aConfigThatFailsOrHoldsADataSourceIsAnError() {
    ShopRepo failing = new ShopRepo() {
      @Override
      public RepoConfig config() {
        return RepoConfig.fromEnvironment(k -> k.equals("ashpg.url") ? "" : null, k -> null);
      }
    };
    assertThatThrownBy(() -> resolver(null, null, null, null).resolve(failing))
        .hasMessageContaining(".config() failed: system property ashpg.url is set but empty");
    shop.config = RepoConfig.dataSource(new UnusedDataSource());
    assertThatThrownBy(() -> resolve(null, null, null, null))
        .hasMessageContaining("is configured with a DataSource, which a build cannot use");
  }

  @Test
  void aReposEntryWinsAndMustGiveAUrl() throws Exception {
    entries.add(entry("shop_repo", "jdbc:postgresql://entry/shop", "creds"));
    assertThat(resolve("jdbc:postgresql://cli/shop", "me", null, null).orElseThrow())
        .isEqualTo(new DatabaseTarget("jdbc:postgresql://entry/shop", "ci", "ci-secret",
            "<repos> entry shop_repo, settings.xml server creds"));

    entries.set(0, entry(ShopRepo.class.getName(), null, "whole"));
    assertThat(resolve(null, null, null, null).orElseThrow().url()).isEqualTo("jdbc:postgresql://prod:5432/shop");

    // an entry without a URL does not borrow ashpg.url (meant for the repos without an entry), nor fall back
    entries.set(0, entry("shop_repo", null, "creds"));
    assertThatThrownBy(() -> resolve("jdbc:postgresql://cli/shop", null, null, null))
        .hasMessageStartingWith("<repos> entry shop_repo has no <url> (nor has settings.xml server creds)");
    entries.set(0, entry("shop_repo", null, "nope"));
    assertThatThrownBy(() -> resolve(null, null, null, null))
        .hasMessage("settings.xml has no <server> with id nope (<serverId> of <repos> entry shop_repo)");
    shop.config = RepoConfig.url("jdbc:postgresql://cfg/shop", null, null);
    entries.set(0, entry("shop_repo", null, null));
    assertThat(resolve(null, null, null, null).orElseThrow().source()).isEqualTo("ShopRepo.config()");
  }

  @Test
  void everyReposEntryMustNameExactlyOneRepo() {
    entries.add(entry("shop", "jdbc:postgresql://entry/shop", null));
    assertThatThrownBy(() -> resolve(null, null, null, null))
        .hasMessage("<repos> entry shop names no repo of the Apis; give the name or class name of one of:"
            + " shop_repo (" + ShopRepo.class.getName() + "), blog_repo (" + BlogRepo.class.getName() + ")");
    entries.set(0, entry(null, "jdbc:postgresql://entry/shop", null));
    assertThatThrownBy(() -> resolve(null, null, null, null)).hasMessageStartingWith("a <repos> entry has no <name>");
    entries.set(0, entry("shop_repo", "jdbc:postgresql://a/shop", null));
    entries.add(entry(ShopRepo.class.getName(), "jdbc:postgresql://b/shop", null));
    assertThatThrownBy(() -> resolve(null, null, null, null))
        .hasMessage("<repos> entries shop_repo and " + ShopRepo.class.getName() + " both configure repo shop_repo;"
            + " keep one");
  }

  @Test
  void theTargetLineNeverShowsAPassword() throws Exception {
    DatabaseTarget target = resolve("jdbc:postgresql://db/shop?password=in-url", "app", "given", null).orElseThrow();
    assertThat(target.toString()).isEqualTo("jdbc:postgresql://db/shop?password=*** as app (ashpg.url)");
  }

  /** A DataSource that is never asked for connections. */
  static final class UnusedDataSource extends org.postgresql.ds.PGSimpleDataSource {
  }
}
