package io.ashpg.migration;

import static io.ashpg.migration.ResourceCases.of;
import static io.ashpg.migration.ResourceCases.step;

import io.ashpg.fixtures.Saas;
import io.ashpg.fixtures.SaasRepo;
import io.ashpg.resource.Distribution;
import io.ashpg.resource.Multitenancy;
import io.ashpg.resource.Resource;
import io.ashpg.resource.ResourceBuilder;
import io.ashpg.resource.Type;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Golden cases of a repo on Citus ({@link SaasRepo}), compared by {@link CitusGoldenTest} with
 * {@code src/test/resources/golden-citus/<case>/} and migrated on a Citus cluster by {@code CitusMigrationTest}.
 * AshPostgres has no Citus support; each case says what Citus needs and what ashpg writes for it.
 */
final class CitusCases {

  private CitusCases() {
  }

  static List<ResourceCases.Case> all() {
    List<ResourceCases.Case> cases = new ArrayList<>();
    cases.add(saas());
    cases.add(distributionChange());
    cases.add(colocation());
    return cases;
  }

  /** A resource of {@link SaasRepo} on {@code table}. */
  static Resource res(String name, String table, Consumer<ResourceBuilder> body) {
    return Resource.define(name, r -> {
      r.postgres(pg -> pg.repo(SaasRepo.class).table(table));
      body.accept(r);
    });
  }

  // Citus: a foreign key from a tenant (distributed schema) table or a distributed table needs a reference table as
  //   its target ("referenced table "users" must be a distributed table or a reference table"), and a table must be
  //   placed before a foreign key joins it; a distributed table keeps its distribution column in every unique key.
  // ashpg, step 1: users and organizations become reference tables (projects and tasks reference users, audit_log
  //   references both), audit_log is distributed by its tenant column org_id; each placement follows its CREATE
  //   TABLE, the foreign keys of placed tables come after as ALTER TABLE; the tenant migration is plain (the tenant
  //   schemas are distributed whole). Rolling back drops the tables: no undistribute_table. Every file that touches
  //   a Citus table starts with sequential mode, which a transaction needs that adds a foreign key to a reference
  //   table after a multi-shard command.
  // ashpg, step 2: plans, referenced by the reference table organizations, becomes a reference table too (a
  //   reference table references only reference tables); the new column of the distributed audit_log is plain DDL.
  // ashpg, step 3: audit_log goes: its keys are dropped, then the table, shards and all; rolling back re-creates it,
  //   distributes it again and only then adds its foreign keys.
  static ResourceCases.Case saas() {
    Resource plan = res("plan", "plans", r -> r.uuidPrimaryKey("id").attribute("name", Type.STRING));
    Resource organization = Saas.organization(r -> r.belongsTo("plan", "plan"));
    Resource audit = Saas.auditEntry(r -> r.attribute("detail", Type.STRING));
    return of("saas", step(Saas.resources()),
        step(Saas.USER, organization, Saas.PROJECT, Saas.TASK, audit, plan),
        step(Saas.USER, organization, Saas.PROJECT, Saas.TASK, plan).withRenames("audit_log:-"));
  }

  // Citus: undistribute_table refuses a table any foreign key touches; distributing a local table tied to others by
  //   foreign keys goes through an intermediate Citus local table.
  // ashpg, step 1: tags and labels reference nothing placed and nothing placed references them: both stay local, no
  //   Citus call at all; metrics is distributed by org_id as declared.
  // step 2: tags declared a reference table: labels' key to it is dropped, tags placed, the key added again; down
  //   undoes it in reverse (undistribute_table). metrics becomes a reference table: undistribute, then
  //   create_reference_table.
  // step 3: tags declared local: the key is dropped around undistribute_table; down places it again.
  static ResourceCases.Case distributionChange() {
    Consumer<ResourceBuilder> tag = r -> r.uuidPrimaryKey("id").attribute("name", Type.STRING, a -> a.allowNil(false));
    Resource label = res("label", "labels", r -> r.uuidPrimaryKey("id").attribute("text", Type.STRING)
        .belongsTo("tag", "tag", b -> b.allowNil(false)));
    Consumer<ResourceBuilder> metric = r -> r.uuidPrimaryKey("id")
        .attribute("org_id", Type.INTEGER, a -> a.allowNil(false).primaryKey(true))
        .attribute("value", Type.FLOAT);
    Resource metricDistributed = res("metric", "metrics", metric.andThen(r -> r
        .postgres(pg -> pg.distribution(Distribution.distributedBy("org_id")))));
    Resource metricReference = res("metric", "metrics", metric.andThen(r -> r
        .postgres(pg -> pg.distribution(Distribution.referenceTable()))));
    return of("distribution_change",
        step(res("tag", "tags", tag), label, metricDistributed),
        step(res("tag", "tags", tag.andThen(r -> r.postgres(pg -> pg.distribution(Distribution.referenceTable())))),
            label, metricReference),
        step(res("tag", "tags", tag.andThen(r -> r.postgres(pg -> pg.distribution(Distribution.local())))),
            label, metricReference));
  }

  // Citus: a foreign key between distributed tables must include both distribution columns and join colocated
  //   tables; colocate_with places a table's shards with another's.
  // ashpg: entries (attribute-multitenant, key to accounts with the tenant matched) is colocated with accounts, the
  //   table it references, after it; metrics declares its colocation with accounts; the composite key goes last.
  static ResourceCases.Case colocation() {
    Consumer<ResourceBuilder> tenant = r -> r.uuidPrimaryKey("id")
        .multitenancy(m -> m.strategy(Multitenancy.Strategy.ATTRIBUTE).attribute("org_id"))
        .attribute("org_id", Type.INTEGER, a -> a.allowNil(false).primaryKey(true));
    Resource account = res("account", "accounts", tenant.andThen(r -> r.attribute("name", Type.STRING)));
    Resource entry = res("entry", "entries", tenant.andThen(r -> r
        .postgres(pg -> pg.reference("account", ref -> ref.matchTenant(true)))
        .attribute("amount", Type.decimal(12, 2))
        .belongsTo("account", "account", b -> b.allowNil(false))));
    Resource metric = res("metric", "metrics", r -> r
        .postgres(pg -> pg.distribution(Distribution.distributedBy("org_id").colocatedWith("account")))
        .uuidPrimaryKey("id")
        .attribute("org_id", Type.INTEGER, a -> a.allowNil(false).primaryKey(true))
        .attribute("value", Type.FLOAT));
    return of("colocation", step(metric, entry, account));
  }
}
