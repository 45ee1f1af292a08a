package io.ashpg.spring.boot;

import io.ashpg.data.DataLayer;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Micrometer timers for data-layer statements ({@link StatementTimers}) when the application has a
 * {@link MeterRegistry}; {@code ashpg.metrics.enabled=false} switches them off. The auto-configured
 * {@link DataLayer} reports to every {@link io.ashpg.data.StatementListener} bean, these timers among them.
 */
@AutoConfiguration(afterName = {
    "org.springframework.boot.actuate.autoconfigure.metrics.MetricsAutoConfiguration",
    "org.springframework.boot.actuate.autoconfigure.metrics.CompositeMeterRegistryAutoConfiguration"})
@ConditionalOnClass(name = {"io.ashpg.data.DataLayer", "io.micrometer.core.instrument.MeterRegistry"})
@ConditionalOnProperty(prefix = "ashpg", name = "enabled", matchIfMissing = true)
@EnableConfigurationProperties(AshpgProperties.class)
public class AshpgMetricsAutoConfiguration {

  @Configuration(proxyBeanMethods = false)
  @ConditionalOnBean(MeterRegistry.class)
  @ConditionalOnProperty(prefix = "ashpg.metrics", name = "enabled", matchIfMissing = true)
  static class Timers {

    @Bean
    @ConditionalOnMissingBean
    StatementTimers ashpgStatementTimers(MeterRegistry registry, AshpgProperties properties) {
      return new StatementTimers(registry, properties.getMetrics().isTenantTag());
    }
  }
}
