package io.ashpg.data;

import io.ashpg.repo.Repo;
import io.ashpg.resource.Domain;
import java.sql.Connection;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.function.UnaryOperator;
import javax.sql.DataSource;

/**
 * Everything a {@link DataLayer} is configured with, shared by the classes it delegates to. The {@code with…}
 * methods of the data layer copy it with one component changed; the caches are shared by every copy.
 *
 * @param readSources      per repo class chosen for reads, the data source reads go to
 * @param timeout          statement timeout, or null
 * @param preparations     read preparations by {@code resource#action}
 * @param models           the model cache
 * @param insertTexts      single-row insert texts by shape (see {@link Writes})
 * @param tx               the running transaction, or null
 * @param tenant           the tenant value given with {@code withTenant}, or null
 * @param resolver         maps the tenant value to each resource's tenant
 * @param tenantMigrations location of tenant migrations for tenant-owning records, or null
 * @param reporter         the statement listeners and log
 */
record LayerConfig(Domain domain, DataSource dataSource, Map<Class<? extends Repo>, DataSource> readSources,
                   Clock clock, Duration timeout, Map<String, UnaryOperator<Query>> preparations,
                   Models models, Map<Writes.InsertShape, String> insertTexts, Tx tx, Object tenant,
                   TenantResolver resolver, String tenantMigrations, StatementReporter reporter) {

  /** The connection of a running transaction. */
  static final class Tx {
    final Connection connection;
    volatile boolean open = true;

    Tx(Connection connection) {
      this.connection = connection;
    }
  }

  LayerConfig withReadSources(Map<Class<? extends Repo>, DataSource> sources) {
    return new LayerConfig(domain, dataSource, sources, clock, timeout, preparations, models, insertTexts, tx, tenant,
        resolver, tenantMigrations, reporter);
  }

  LayerConfig withClock(Clock c) {
    return new LayerConfig(domain, dataSource, readSources, c, timeout, preparations, models, insertTexts, tx, tenant,
        resolver, tenantMigrations, reporter);
  }

  LayerConfig withTimeout(Duration t) {
    return new LayerConfig(domain, dataSource, readSources, clock, t, preparations, models, insertTexts, tx, tenant,
        resolver, tenantMigrations, reporter);
  }

  LayerConfig withPreparations(Map<String, UnaryOperator<Query>> p) {
    return new LayerConfig(domain, dataSource, readSources, clock, timeout, p, models, insertTexts, tx, tenant,
        resolver, tenantMigrations, reporter);
  }

  LayerConfig withTx(Tx t) {
    return new LayerConfig(domain, dataSource, readSources, clock, timeout, preparations, models, insertTexts, t,
        tenant, resolver, tenantMigrations, reporter);
  }

  LayerConfig withTenant(Object t) {
    return new LayerConfig(domain, dataSource, readSources, clock, timeout, preparations, models, insertTexts, tx, t,
        resolver, tenantMigrations, reporter);
  }

  LayerConfig withResolver(TenantResolver r) {
    return new LayerConfig(domain, dataSource, readSources, clock, timeout, preparations, models, insertTexts, tx,
        tenant, r, tenantMigrations, reporter);
  }

  LayerConfig withTenantMigrations(String location) {
    return new LayerConfig(domain, dataSource, readSources, clock, timeout, preparations, models, insertTexts, tx,
        tenant, resolver, location, reporter);
  }

  LayerConfig withReporter(StatementReporter r) {
    return new LayerConfig(domain, dataSource, readSources, clock, timeout, preparations, models, insertTexts, tx,
        tenant, resolver, tenantMigrations, r);
  }
}
