package io.ashpg.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ashpg.data.Changeset;
import io.ashpg.data.DataLayer;
import io.ashpg.data.Lock;
import io.ashpg.data.Query;
import io.ashpg.data.Row;
import io.ashpg.error.StatementTimeoutException;
import io.ashpg.resource.Api;
import io.ashpg.resource.Domain;
import io.ashpg.spring.boot.store.Stores;
import io.ashpg.testing.TestDatabase;
import io.ashpg.testing.TestPostgres;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

/** The auto-configuration's conditions, properties and migrations at startup, on a fresh PostgreSQL database each. */
@Tag("db")
class AshpgAutoConfigurationTest {

  private final List<TestDatabase> databases = new ArrayList<>();

  @AfterEach
  void dropDatabases() {
    databases.forEach(TestDatabase::close);
  }

  private TestDatabase database() {
    TestDatabase db = TestPostgres.createDatabase("boot");
    databases.add(db);
    return db;
  }

  /** Boot's DataSource auto-configuration on {@code db}, then ashpg's. */
  static ApplicationContextRunner runner(TestDatabase db) {
    return new ApplicationContextRunner()
        .withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class, AshpgAutoConfiguration.class))
        .withPropertyValues("spring.datasource.url=" + db.jdbcUrl(), "spring.datasource.username=" + db.user(),
            "spring.datasource.password=" + db.password());
  }

  @Configuration(proxyBeanMethods = false)
  static class StoresApi {
    @Bean
    Api stores() {
      return new Stores();
    }
  }

  @Test
  void anApiBeanGivesADomainAndADataLayerOnTheMigratedDatabase() {
    runner(database()).withUserConfiguration(StoresApi.class).run(context -> {
      assertThat(context).hasNotFailed();
      assertThat(context.getBean(Domain.class).resources()).containsExactly(Stores.STORE, Stores.PRODUCT,
          Stores.ITEM);
      DataLayer dl = context.getBean(DataLayer.class);
      Row created = dl.create(Changeset.create(Stores.PRODUCT).set("name", "kettle"));
      assertThat(dl.read(Query.of(Stores.PRODUCT))).extracting(r -> r.getString("name")).containsExactly("kettle");
      assertThat(created.getLong("id")).isPositive();
      assertThat(context.getBean(MigrationInitializer.class).results().get("store_repo").versions())
          .containsExactly(20260101000000L);
    });
  }

  @Test
  void theApisPropertyBuildsTheDomainWithoutAnyBean() {
    runner(database()).withPropertyValues("ashpg.apis=" + Stores.class.getName()).run(context -> {
      assertThat(context).hasNotFailed();
      assertThat(context.getBean(Domain.class).resource("product")).contains(Stores.PRODUCT);
      assertThat(context.getBean(DataLayer.class).count(Query.of(Stores.PRODUCT))).isZero();
    });
  }

  @Test
  void withoutAnyApiTheContextFailsNamingBothWaysToGiveOne() {
    runner(database()).run(context -> assertThat(context).getFailure().rootCause()
        .hasMessageContaining("no Api to build its Domain from")
        .hasMessageContaining("ashpg.apis")
        .hasMessageContaining("ashpg.enabled=false"));
  }

  @Test
  void anApisEntryThatIsNoApiFailsNamingTheClass() {
    runner(database()).withPropertyValues("ashpg.apis=java.lang.String").run(context ->
        assertThat(context).getFailure().rootCause()
            .hasMessageContaining("ashpg.apis lists java.lang.String, which does not implement io.ashpg.resource.Api"));
  }

  @Test
  void withoutADataSourceNothingIsConfigured() {
    new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(AshpgAutoConfiguration.class))
        .withUserConfiguration(StoresApi.class)
        .run(context -> {
          assertThat(context).hasNotFailed();
          assertThat(context).doesNotHaveBean(Domain.class).doesNotHaveBean(DataLayer.class);
        });
  }

  @Test
  void enabledFalseSwitchesEverythingOff() throws SQLException {
    TestDatabase db = database();
    runner(db).withUserConfiguration(StoresApi.class).withPropertyValues("ashpg.enabled=false").run(context -> {
      assertThat(context).hasNotFailed();
      assertThat(context).doesNotHaveBean(Domain.class).doesNotHaveBean(DataLayer.class)
          .doesNotHaveBean(MigrationInitializer.class);
    });
    assertThat(tableExists(db, "public", "products")).isFalse();
  }

  @Test
  void migrateEnabledFalseKeepsTheDataLayerButRunsNoMigration() throws SQLException {
    TestDatabase db = database();
    runner(db).withUserConfiguration(StoresApi.class).withPropertyValues("ashpg.migrate.enabled=false")
        .run(context -> {
          assertThat(context).hasNotFailed();
          assertThat(context).hasSingleBean(DataLayer.class).doesNotHaveBean(MigrationInitializer.class);
        });
    assertThat(tableExists(db, "public", "products")).isFalse();
  }

  @Test
  void tenantMigrationsRunInEveryListedTenantOnlyWhenAskedFor() throws SQLException {
    TestDatabase db = database();
    runner(db).withUserConfiguration(StoresApi.class).run(context -> assertThat(context).hasNotFailed());
    try (Connection c = db.connect(); Statement s = c.createStatement()) {
      s.execute("INSERT INTO public.stores (name) VALUES ('north'), ('south')");
    }
    assertThat(tableExists(db, "store_1", "items")).isFalse();

    runner(db).withUserConfiguration(StoresApi.class).withPropertyValues("ashpg.migrate.tenants=true")
        .run(context -> {
          assertThat(context).hasNotFailed();
          DataLayer south = context.getBean(DataLayer.class).withTenant("store_2");
          south.create(Changeset.create(Stores.ITEM).set("label", "umbrella"));
          assertThat(south.read(Query.of(Stores.ITEM))).extracting(r -> r.getString("label"))
              .containsExactly("umbrella");
        });
    assertThat(tableExists(db, "store_1", "items")).isTrue();
    assertThat(tableExists(db, "store_2", "items")).isTrue();
  }

  @Test
  void aFailingMigrationStopsTheContextNamingTheFile() throws SQLException {
    TestDatabase db = database();
    try (Connection c = db.connect(); Statement s = c.createStatement()) {
      // the migration's CREATE TABLE "stores" then fails on the table that is already there
      s.execute("CREATE TABLE public.stores (id int)");
    }
    runner(db).withUserConfiguration(StoresApi.class).run(context -> assertThat(context).getFailure()
        .rootCause().hasMessageContaining("20260101000000"));
    assertThat(tableExists(db, "public", "products")).isFalse();
  }

  @Test
  void theStatementTimeoutPropertyCancelsAStatementWaitingTooLong() {
    TestDatabase db = database();
    runner(db).withUserConfiguration(StoresApi.class).withPropertyValues("ashpg.statement-timeout=300ms")
        .run(context -> {
          DataLayer dl = context.getBean(DataLayer.class);
          dl.create(Changeset.create(Stores.PRODUCT).set("name", "kettle"));
          try (Connection holder = db.connect(); Statement s = holder.createStatement()) {
            holder.setAutoCommit(false);
            s.execute("SELECT * FROM public.products FOR UPDATE");
            // the row is locked by the other session: the read waits until the timeout cancels it
            assertThatThrownBy(() -> dl.read(Query.of(Stores.PRODUCT).lock(Lock.forUpdate())))
                .isInstanceOf(StatementTimeoutException.class);
            holder.rollback();
          }
        });
  }

  /** An application's own DataLayer reads at creation: it must be created after the migrations ran. */
  @Configuration(proxyBeanMethods = false)
  static class OwnDataLayer {
    @Bean
    DataLayer myDataLayer(Domain domain, DataSource dataSource) {
      DataLayer dl = DataLayer.of(domain, dataSource);
      dl.count(Query.of(Stores.PRODUCT));
      return dl;
    }

    @Bean
    Long productsAtStartup(JdbcTemplate jdbc) {
      return jdbc.queryForObject("SELECT count(*) FROM public.products", Long.class);
    }

    @Bean
    JdbcTemplate jdbcTemplate(DataSource dataSource) {
      return new JdbcTemplate(dataSource);
    }
  }

  @Test
  void anApplicationsOwnDataLayerAndJdbcTemplateWaitForTheMigrations() {
    runner(database()).withUserConfiguration(StoresApi.class, OwnDataLayer.class).run(context -> {
      assertThat(context).hasNotFailed();
      assertThat(context).getBeans(DataLayer.class).containsOnlyKeys("myDataLayer");
      assertThat(context.getBean("productsAtStartup")).isEqualTo(0L);
    });
  }

  static boolean tableExists(TestDatabase db, String schema, String table) throws SQLException {
    try (Connection c = db.connect(); Statement s = c.createStatement();
         ResultSet rs = s.executeQuery("SELECT to_regclass('\"" + schema + "\".\"" + table + "\"') IS NOT NULL")) {
      rs.next();
      return rs.getBoolean(1);
    }
  }
}
