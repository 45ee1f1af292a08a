package io.ashpg.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ashpg.data.Changeset;
import io.ashpg.data.DataLayer;
import io.ashpg.data.Query;
import io.ashpg.data.StatementEvent;
import io.ashpg.data.StatementListener;
import io.ashpg.spring.boot.store.Stores;
import io.ashpg.testing.TestDatabase;
import io.ashpg.testing.TestPostgres;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Statement timers in Micrometer and the application's own statement listeners, on a real database. */
@Tag("db")
class AshpgMetricsAutoConfigurationTest {

  private TestDatabase db;

  @BeforeEach
  void createDatabase() {
    db = TestPostgres.createDatabase("boot_metrics");
  }

  @AfterEach
  void dropDatabase() {
    db.close();
  }

  @Configuration(proxyBeanMethods = false)
  static class Registry {
    @Bean
    MeterRegistry meterRegistry() {
      return new SimpleMeterRegistry();
    }
  }

  private ApplicationContextRunner runner() {
    return AshpgAutoConfigurationTest.runner(db)
        .withConfiguration(AutoConfigurations.of(AshpgMetricsAutoConfiguration.class))
        .withPropertyValues("ashpg.apis=" + Stores.class.getName());
  }

  @Test
  void everyStatementIsTimedByResourceOperationAndOutcome() {
    runner().withUserConfiguration(Registry.class).run(context -> {
      assertThat(context).hasNotFailed();
      DataLayer dl = context.getBean(DataLayer.class);
      MeterRegistry registry = context.getBean(MeterRegistry.class);
      dl.create(Changeset.create(Stores.PRODUCT).set("name", "kettle"));
      dl.create(Changeset.create(Stores.PRODUCT).set("name", "teapot"));
      dl.read(Query.of(Stores.PRODUCT));

      assertThat(timer(registry, "product", "create", "success").count()).isEqualTo(2);
      assertThat(timer(registry, "product", "read", "success").count()).isEqualTo(1);
      assertThat(timer(registry, "product", "read", "success").totalTime(java.util.concurrent.TimeUnit.NANOSECONDS))
          .isPositive();

      try (Connection c = db.connect(); Statement s = c.createStatement()) {
        s.execute("DROP TABLE public.products");
      }
      assertThatThrownBy(() -> dl.read(Query.of(Stores.PRODUCT))).hasMessageContaining("products");
      assertThat(timer(registry, "product", "read", "error").count()).isEqualTo(1);
      assertThat(registry.find(StatementTimers.NAME).tagKeys("tenant").timers()).isEmpty();
    });
  }

  @Test
  void theTenantTagIsThereWhenAskedFor() {
    // a store, so that the next start creates its schema store_1 with the tenant migrations
    runner().withUserConfiguration(Registry.class).run(context ->
        context.getBean(DataLayer.class).create(Changeset.create(Stores.STORE).set("name", "north")));
    runner().withUserConfiguration(Registry.class)
        .withPropertyValues("ashpg.metrics.tenant-tag=true", "ashpg.migrate.tenants=true").run(context -> {
          assertThat(context).hasNotFailed();
          context.getBean(DataLayer.class).withTenant("store_1").read(Query.of(Stores.ITEM));
          MeterRegistry registry = context.getBean(MeterRegistry.class);
          assertThat(registry.find(StatementTimers.NAME).tags("resource", "item", "tenant", "store_1").timer())
              .isNotNull();
        });
  }

  @Test
  void noTimersWithoutARegistryWithoutMicrometerOrWhenSwitchedOff() {
    runner().run(context -> assertThat(context).hasNotFailed().doesNotHaveBean(StatementTimers.class));
    runner().withUserConfiguration(Registry.class).withPropertyValues("ashpg.metrics.enabled=false")
        .run(context -> assertThat(context).hasNotFailed().doesNotHaveBean(StatementTimers.class));
    runner().withClassLoader(new FilteredClassLoader("io.micrometer.core"))
        .run(context -> assertThat(context).hasNotFailed().doesNotHaveBean(StatementTimers.class));
  }

  /** An application's own listener: counts statements, as a test that guards against N+1 queries would. */
  @Configuration(proxyBeanMethods = false)
  static class Counting {
    @Bean
    List<StatementEvent> seen() {
      return new CopyOnWriteArrayList<>();
    }

    @Bean
    StatementListener counting(List<StatementEvent> seen) {
      return seen::add;
    }
  }

  @Test
  void theDataLayerReportsToEveryStatementListenerBean() {
    runner().withUserConfiguration(Counting.class).run(context -> {
      @SuppressWarnings("unchecked")
      List<StatementEvent> seen = context.getBean("seen", List.class);
      DataLayer dl = context.getBean(DataLayer.class);
      dl.create(Changeset.create(Stores.PRODUCT).set("name", "kettle"));
      dl.count(Query.of(Stores.PRODUCT));
      assertThat(seen).extracting(StatementEvent::operation).containsExactly("create", "count");
      assertThat(seen).extracting(e -> e.resource().orElseThrow()).containsExactly("product", "product");
    });
  }

  private static Timer timer(MeterRegistry registry, String resource, String operation, String outcome) {
    Timer timer = registry.find(StatementTimers.NAME)
        .tags("resource", resource, "operation", operation, "outcome", outcome).timer();
    assertThat(timer).as("timer %s %s %s", resource, operation, outcome).isNotNull();
    return timer;
  }
}
