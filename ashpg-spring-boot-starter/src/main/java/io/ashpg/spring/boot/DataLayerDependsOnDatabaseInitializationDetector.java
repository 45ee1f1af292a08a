package io.ashpg.spring.boot;

import io.ashpg.data.DataLayer;
import java.util.Set;
import org.springframework.boot.sql.init.dependency.AbstractBeansOfTypeDependsOnDatabaseInitializationDetector;

/**
 * Makes every {@link DataLayer} bean, the auto-configured one or an application's own, wait for the database
 * initializers (ashpg's migrations, Flyway, Liquibase, {@code spring.sql.init} scripts): reads and writes see the
 * migrated schema.
 */
public final class DataLayerDependsOnDatabaseInitializationDetector
    extends AbstractBeansOfTypeDependsOnDatabaseInitializationDetector {

  @Override
  protected Set<Class<?>> getDependsOnDatabaseInitializationBeanTypes() {
    return Set.of(DataLayer.class);
  }
}
