package io.ashpg.spring.boot;

import io.ashpg.migration.run.MigrationResult;
import io.ashpg.migration.run.MigrationTarget;
import io.ashpg.migration.run.Migrations;
import io.ashpg.repo.Repo;
import io.ashpg.resource.Domain;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.sql.DataSource;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.beans.factory.InitializingBean;

/**
 * Applies the pending migrations of every repo of the Domain on the application's DataSource when the context starts
 * (the counterpart of Boot's {@code FlywayMigrationInitializer}): public ones, and with {@code ashpg.migrate.tenants}
 * the tenant ones in every schema the repo lists. A failed migration stops the context with the
 * {@link io.ashpg.migration.run.MigrationException} naming it. Beans that use the database (every {@code DataLayer},
 * a {@code JdbcTemplate}, JPA) are made to wait for it, see {@link MigrationDatabaseInitializerDetector}.
 */
public final class MigrationInitializer implements InitializingBean {

  private static final Log LOG = LogFactory.getLog(MigrationInitializer.class);

  private final Domain domain;
  private final DataSource dataSource;
  private final boolean tenants;
  private volatile Map<String, MigrationResult> results = Map.of();

  /**
   * @param domain whose repos to migrate
   * @param dataSource the database, for every repo
   * @param tenants whether to run tenant migrations too
   */
  public MigrationInitializer(Domain domain, DataSource dataSource, boolean tenants) {
    this.domain = domain;
    this.dataSource = dataSource;
    this.tenants = tenants;
  }

  @Override
  public void afterPropertiesSet() {
    Map<String, MigrationResult> out = new LinkedHashMap<>();
    for (Repo repo : domain.repos()) {
      MigrationTarget target = MigrationTarget.of(repo, dataSource);
      MigrationResult result = tenants ? Migrations.migrateAll(target) : Migrations.migrate(target);
      LOG.info("ashpg: " + repo.name() + (tenants ? " (public and tenants): " : ": ") + result.summary()
          + (result.versions().isEmpty() ? "" : ", ran " + result.versions()));
      out.put(repo.name(), result);
    }
    results = Map.copyOf(out);
  }

  /** What the startup run did, per repo name; empty before it ran. */
  public Map<String, MigrationResult> results() {
    return results;
  }
}
