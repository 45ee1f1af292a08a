package io.ashpg.spring.boot;

import io.ashpg.data.DataLayer;
import io.ashpg.data.StatementListener;
import io.ashpg.resource.Api;
import io.ashpg.resource.Domain;
import javax.sql.DataSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnSingleCandidate;
import org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.sql.init.dependency.DatabaseInitializationDependencyConfigurer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/**
 * Auto-configures ashpg on the application's DataSource: the {@link Domain} (from the {@link Api} beans and
 * {@code ashpg.apis}), a {@link DataLayer}, and the migrations at startup ({@link MigrationInitializer}). Each bean
 * backs off when the application declares its own; {@code ashpg.enabled=false} switches all of it off,
 * {@code ashpg.migrate.enabled=false} only the migrations.
 */
@AutoConfiguration(after = DataSourceAutoConfiguration.class)
@ConditionalOnClass(DataLayer.class)
@ConditionalOnSingleCandidate(DataSource.class)
@ConditionalOnProperty(prefix = "ashpg", name = "enabled", matchIfMissing = true)
@EnableConfigurationProperties(AshpgProperties.class)
// registers the post-processor that makes DataLayer (and JdbcTemplate, JPA) beans wait for the migrations
@Import(DatabaseInitializationDependencyConfigurer.class)
public class AshpgAutoConfiguration {

  /** The Domain of every {@link Api} bean and every class {@code ashpg.apis} lists. */
  @Bean
  @ConditionalOnMissingBean
  public Domain ashpgDomain(ObjectProvider<Api> apis, AshpgProperties properties) {
    return ApiDomain.build(apis.orderedStream().toList(), properties.getApis());
  }

  /**
   * The data layer on the application's DataSource, with the statement timeout of {@code ashpg.statement-timeout},
   * reporting every statement to each {@link StatementListener} bean (in their order), such as the Micrometer
   * timers of {@link AshpgMetricsAutoConfiguration}.
   */
  @Bean
  @ConditionalOnMissingBean
  public DataLayer ashpgDataLayer(Domain domain, DataSource dataSource, AshpgProperties properties,
      ObjectProvider<StatementListener> listeners) {
    DataLayer dataLayer = DataLayer.of(domain, dataSource);
    if (properties.getStatementTimeout() != null) {
      dataLayer = dataLayer.withStatementTimeout(properties.getStatementTimeout());
    }
    for (StatementListener listener : listeners.orderedStream().toList()) {
      dataLayer = dataLayer.withListener(listener);
    }
    return dataLayer;
  }

  /** The migrations at startup, unless {@code ashpg.migrate.enabled=false}. */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnProperty(prefix = "ashpg.migrate", name = "enabled", matchIfMissing = true)
  static class MigrateAtStartup {

    @Bean
    @ConditionalOnMissingBean
    MigrationInitializer ashpgMigrationInitializer(Domain domain, DataSource dataSource, AshpgProperties properties) {
      return new MigrationInitializer(domain, dataSource, properties.getMigrate().isTenants());
    }
  }
}
