package io.ashpg.spring.boot;

import io.ashpg.resource.Domain;
import javax.sql.DataSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.autoconfigure.health.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.actuate.autoconfigure.info.ConditionalOnEnabledInfoContributor;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnSingleCandidate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The Actuator side, when Actuator is on the class path: health {@code ashpg} ({@link MigrationHealthIndicator},
 * off with {@code management.health.ashpg.enabled=false}) and info {@code ashpg} ({@link MigrationInfoContributor},
 * off with {@code management.info.ashpg.enabled=false}).
 */
@AutoConfiguration(after = AshpgAutoConfiguration.class)
// only class-valued conditions out here: the nested classes name Actuator types, so they are read only when it is there
@ConditionalOnClass(name = "org.springframework.boot.actuate.health.HealthIndicator")
@ConditionalOnBean(Domain.class)
@ConditionalOnSingleCandidate(DataSource.class)
public class AshpgActuatorAutoConfiguration {

  @Bean
  @ConditionalOnMissingBean
  MigrationReport ashpgMigrationReport(Domain domain, DataSource dataSource, AshpgProperties properties) {
    return new MigrationReport(domain, dataSource, properties.getMigrate().isTenants());
  }

  @Configuration(proxyBeanMethods = false)
  @ConditionalOnEnabledHealthIndicator("ashpg")
  static class Health {

    @Bean
    @ConditionalOnMissingBean(name = "ashpgHealthIndicator")
    MigrationHealthIndicator ashpgHealthIndicator(MigrationReport report) {
      return new MigrationHealthIndicator(report);
    }
  }

  @Configuration(proxyBeanMethods = false)
  @ConditionalOnEnabledInfoContributor("ashpg")
  static class Info {

    @Bean
    @ConditionalOnMissingBean(name = "ashpgInfoContributor")
    MigrationInfoContributor ashpgInfoContributor(MigrationReport report,
        ObjectProvider<MigrationInitializer> initializer) {
      return new MigrationInfoContributor(report, initializer);
    }
  }
}
