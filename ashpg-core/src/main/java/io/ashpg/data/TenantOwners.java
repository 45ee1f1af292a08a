package io.ashpg.data;

import io.ashpg.error.InvalidQueryException;
import io.ashpg.error.StaleRecordException;
import io.ashpg.repo.Repo;
import io.ashpg.resource.ManageTenant;
import io.ashpg.resource.Resource;
import io.ashpg.sql.Expr;
import io.ashpg.sql.Identifier;
import io.ashpg.tenancy.MultiTenancy;
import java.util.Map;

/**
 * The lifecycle of records that own a tenant ({@code manage_tenant}): creating one creates and migrates its schema,
 * renaming its template attributes renames the schema.
 */
final class TenantOwners {
  private final DataLayer dl;

  TenantOwners(DataLayer dl) {
    this.dl = dl;
  }

  /**
   * Creates a record that owns a tenant: inserts and commits it, then creates and migrates its schema on separate
   * connections. Not inside the insert's transaction: tenant migrations add foreign keys to the record's table,
   * which wait for the uncommitted insert's lock (a self-deadlock), and migrations marked no-transaction
   * ({@code CREATE INDEX CONCURRENTLY}) cannot run in one at all. The tenant migrator's per-tenant lock and
   * bookkeeping apply. When a migration fails the record is deleted again and the error propagates (the
   * half-migrated schema stays for inspection; {@link io.ashpg.tenancy.MultiTenancy#dropTenant} removes it). On a
   * {@linkplain Repo#citus() Citus} repo the schema is a distributed schema.
   *
   * @throws InvalidQueryException inside a transaction, where the schema could not be migrated (see above)
   */
  Row create(Changeset cs) {
    Resource r = cs.resource();
    LayerConfig config = dl.config();
    if (config.tx() != null) {
      throw new InvalidQueryException("resource " + r.name() + " owns a tenant (manage_tenant): create it outside a "
          + "transaction, because its tenant migrations run on their own connections after the insert commits",
          null);
    }
    Row row = dl.writes().insert(cs);
    String name = tenantName(r, row);
    Repo repo = dl.repo(r);
    String repoName = repo == null ? r.name() : repo.name();
    String location = config.tenantMigrations() != null ? config.tenantMigrations()
        : repo == null ? null : MultiTenancy.tenantMigrationsLocation(repo);
    if (location == null) {
      throw new InvalidQueryException("resource " + r.name() + " owns a tenant but has no repo to take tenant "
          + "migrations from; configure DataLayer.withTenantMigrations(location)", null);
    }
    try {
      MultiTenancy.createTenant(config.dataSource(), repoName, location, name, repo != null && repo.citus());
    } catch (RuntimeException e) {
      try {
        dl.writes().destroyRow(Changeset.destroy(r, row));
      } catch (RuntimeException cleanup) {
        e.addSuppressed(cleanup);
      }
      throw e;
    }
    return row;
  }

  /**
   * Updates a record that owns a tenant and changes a template attribute: reads the old name (row locked), updates,
   * and renames the schema in the same transaction, so the record and its schema never disagree. Runs on a
   * transaction's data layer.
   */
  Row update(Changeset cs) {
    Resource r = cs.resource();
    Query current = Query.of(r).lock(Lock.forUpdate());
    for (Map.Entry<String, Object> key : cs.primaryKey().entrySet()) {
      current = current.filter(new Expr.Attr(key.getKey()).eq(key.getValue()));
    }
    Row before = dl.first(current).orElseThrow(() -> new StaleRecordException(r.name(), "no row of " + r.name()
        + " with primary key " + cs.primaryKey() + " (it was deleted concurrently)"));
    Row after = dl.writes().updateRow(cs);
    String from = tenantName(r, before);
    String to = tenantName(r, after);
    if (!from.equals(to)) {
      dl.run("rename of tenant " + from + " of " + r.name(), Writes.context("update", cs), null, null, null, false,
          st -> {
            MultiTenancy.renameTenant(st.connection(), from, to);
            return null;
          });
    }
    return after;
  }

  /** The schema a tenant-owning record names through its {@code manage_tenant} template. */
  static String tenantName(Resource r, Row row) {
    ManageTenant mt = r.postgres().manageTenant().orElseThrow();
    try {
      return Identifier.validateTenant(mt.tenantName(row::get));
    } catch (IllegalArgumentException | NullPointerException e) {
      throw new InvalidQueryException("resource " + r.name() + ": the manage_tenant template gives no valid tenant "
          + "name for " + row + ": " + e.getMessage(), e);
    }
  }
}
