package io.ashpg.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;

import io.ashpg.spring.boot.store.Stores;
import io.ashpg.testing.TestDatabase;
import io.ashpg.testing.TestPostgres;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.actuate.health.Status;
import org.springframework.boot.actuate.info.Info;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** Health and info {@code ashpg}: present with Actuator, each switchable, reporting the real migration status. */
@Tag("db")
class AshpgActuatorAutoConfigurationTest {

  private TestDatabase db;

  @BeforeEach
  void createDatabase() {
    db = TestPostgres.createDatabase("boot_actuator");
  }

  @AfterEach
  void dropDatabase() {
    db.close();
  }

  private ApplicationContextRunner runner() {
    return AshpgAutoConfigurationTest.runner(db)
        .withConfiguration(AutoConfigurations.of(AshpgActuatorAutoConfiguration.class))
        .withPropertyValues("ashpg.apis=" + Stores.class.getName());
  }

  @Test
  void afterMigratingAtStartupHealthIsUpAndInfoSaysWhatRan() {
    runner().run(context -> {
      assertThat(context).hasNotFailed();
      Health health = context.getBean("ashpgHealthIndicator", HealthIndicator.class).health();
      assertThat(health.getStatus()).isEqualTo(Status.UP);
      @SuppressWarnings("unchecked")
      Map<String, Object> repo = (Map<String, Object>) health.getDetails().get("store_repo");
      assertThat(repo).containsEntry("upToDate", true).containsEntry("applied", 1)
          .containsEntry("current", 20260101000000L).containsEntry("pending", List.of());

      Info.Builder info = new Info.Builder();
      context.getBean(MigrationInfoContributor.class).contribute(info);
      @SuppressWarnings("unchecked")
      Map<String, Object> ashpg = (Map<String, Object>) info.build().get("ashpg");
      assertThat(ashpg).containsEntry("atHead", true);
      assertThat(ashpg.get("startup").toString()).contains("store_repo").contains("1 migrated")
          .contains("20260101000000");
    });
  }

  @Test
  void withMigrationsOffAPendingMigrationMakesHealthDown() {
    runner().withPropertyValues("ashpg.migrate.enabled=false").run(context -> {
      Health health = context.getBean("ashpgHealthIndicator", HealthIndicator.class).health();
      assertThat(health.getStatus()).isEqualTo(Status.DOWN);
      assertThat(health.getDetails().get("store_repo").toString()).contains("pending=[20260101000000]");
    });
  }

  @Test
  void aTenantBehindMakesHealthDownWhenTenantsAreReported() throws Exception {
    runner().withPropertyValues("ashpg.migrate.tenants=true").run(context -> {
      assertThat(context).hasNotFailed();
      // a store created after startup has no schema yet: its tenant migration is pending
      try (Connection c = db.connect(); Statement s = c.createStatement()) {
        s.execute("INSERT INTO public.stores (name) VALUES ('east')");
      }
      Health health = context.getBean("ashpgHealthIndicator", HealthIndicator.class).health();
      assertThat(health.getStatus()).isEqualTo(Status.DOWN);
      assertThat(health.getDetails().get("store_repo").toString())
          .contains("tenants={count=1, behind=1, behindTenants=[store_1]}");
    });
  }

  @Test
  void eachContributorCanBeSwitchedOff() {
    runner().withPropertyValues("management.health.ashpg.enabled=false").run(context ->
        assertThat(context).doesNotHaveBean("ashpgHealthIndicator").hasSingleBean(MigrationInfoContributor.class));
    runner().withPropertyValues("management.info.ashpg.enabled=false").run(context ->
        assertThat(context).hasBean("ashpgHealthIndicator").doesNotHaveBean(MigrationInfoContributor.class));
  }

  @Test
  void withoutActuatorOnTheClassPathThereIsNoContributor() {
    runner().withClassLoader(new FilteredClassLoader("org.springframework.boot.actuate")).run(context -> {
      assertThat(context).hasNotFailed();
      assertThat(context).doesNotHaveBean(MigrationReport.class).doesNotHaveBean("ashpgHealthIndicator")
          .doesNotHaveBean("ashpgInfoContributor");
    });
  }
}
