package io.ashpg.spring.boot;

import java.util.Set;
import org.springframework.boot.sql.init.dependency.AbstractBeansOfTypeDatabaseInitializerDetector;

/**
 * Tells Boot that {@link MigrationInitializer} initializes the database, so that beans depending on database
 * initialization (a {@code JdbcTemplate}, JPA's EntityManagerFactory, every {@code DataLayer}) are created after it.
 */
public final class MigrationDatabaseInitializerDetector extends AbstractBeansOfTypeDatabaseInitializerDetector {

  @Override
  protected Set<Class<?>> getDatabaseInitializerBeanTypes() {
    return Set.of(MigrationInitializer.class);
  }
}
