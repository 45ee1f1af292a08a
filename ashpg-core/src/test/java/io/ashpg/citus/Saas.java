package io.ashpg.citus;

import io.ashpg.migration.run.Db;
import io.ashpg.repo.Repo;
import io.ashpg.resource.Domain;
import io.ashpg.resource.Multitenancy;
import io.ashpg.resource.Resource;
import io.ashpg.resource.TemplatePart;
import io.ashpg.resource.Type;
import java.nio.file.Path;
import java.util.List;

/**
 * The SaaS shape of issue 15 for runtime tests on Citus: organizations own {@code org_<id>} schemas
 * (manage_tenant), context-multitenant projects and tasks reference a global users table, and an attribute-multitenant
 * audit log is distributed by its tenant column. {@link #publicMigrations} and {@link #tenantMigrations} are written
 * by hand the way the generator writes them for a Citus repo (users a reference table, the audit log distributed by
 * {@code org}), so most tests depend on the runtime only; {@link CitusSaasTest} generates them.
 */
final class Saas {

  /** A repo on Citus. */
  public static final class SaasRepo extends Repo {
    @Override
    public boolean citus() {
      return true;
    }
  }

  static final Resource USER = Resource.define("user", r -> r
      .postgres(pg -> pg.repo(SaasRepo.class).table("users"))
      .integerPrimaryKey("id")
      .attribute("name", Type.STRING, a -> a.allowNil(false)));

  static final Resource ORGANIZATION = Resource.define("organization", r -> r
      .postgres(pg -> pg.repo(SaasRepo.class).table("organizations")
          .manageTenant(t -> t.template("org_", TemplatePart.attr("id"))))
      .integerPrimaryKey("id")
      .attribute("name", Type.STRING, a -> a.allowNil(false)));

  static final Resource PROJECT = Resource.define("project", r -> r
      .postgres(pg -> pg.repo(SaasRepo.class).table("projects"))
      .multitenancy(m -> m.strategy(Multitenancy.Strategy.CONTEXT))
      .uuidPrimaryKey("id")
      .attribute("name", Type.STRING, a -> a.allowNil(false))
      .belongsTo("owner", "user", b -> b.attributeType(Type.INTEGER))
      .hasMany("tasks", "task"));

  static final Resource TASK = Resource.define("task", r -> r
      .postgres(pg -> pg.repo(SaasRepo.class).table("tasks"))
      .multitenancy(m -> m.strategy(Multitenancy.Strategy.CONTEXT))
      .uuidPrimaryKey("id")
      .attribute("title", Type.STRING, a -> a.allowNil(false))
      .attribute("points", Type.INTEGER, a -> a.allowNil(false).defaultValue(1L))
      .belongsTo("project", "project", b -> b.allowNil(false))
      .belongsTo("assignee", "user", b -> b.attributeType(Type.INTEGER)));

  /** Distributed by {@code org}, which is part of its primary key, as Citus requires. */
  static final Resource AUDIT = Resource.define("audit_entry", r -> r
      .postgres(pg -> pg.repo(SaasRepo.class).table("audit_entries"))
      .multitenancy(m -> m.strategy(Multitenancy.Strategy.ATTRIBUTE).attribute("org"))
      .uuidPrimaryKey("id")
      .attribute("org", Type.STRING, a -> a.allowNil(false).primaryKey(true))
      .attribute("message", Type.STRING, a -> a.allowNil(false)));

  static final String REPO = new SaasRepo().name();

  private Saas() {
  }

  static Domain domain() {
    return Domain.of(List.of(USER, ORGANIZATION, PROJECT, TASK, AUDIT));
  }

  /** Writes the public migrations into {@code dir}; returns it. */
  static Path publicMigrations(Path dir) {
    return Db.files(dir,
        "20250101000001_global.sql", """
            -- ashpg:up
            CREATE TABLE users (id integer PRIMARY KEY, name text NOT NULL);
            SELECT create_reference_table('public.users');
            CREATE TABLE organizations (id serial PRIMARY KEY, name text NOT NULL);
            CREATE TABLE audit_entries (id uuid NOT NULL, org text NOT NULL, message text NOT NULL,
              PRIMARY KEY (org, id));
            SELECT create_distributed_table('public.audit_entries', 'org');
            -- ashpg:down
            DROP TABLE audit_entries;
            DROP TABLE organizations;
            DROP TABLE users;
            """);
  }

  /**
   * Writes the tenant migrations into {@code dir}: the tables, then an index built concurrently (a no-transaction
   * file); returns it.
   */
  static Path tenantMigrations(Path dir) {
    return Db.files(dir,
        "20250101000001_projects.sql", """
            -- ashpg:up
            CREATE TABLE projects (id uuid PRIMARY KEY, name text NOT NULL,
              owner_id integer REFERENCES public.users (id));
            CREATE TABLE tasks (id uuid PRIMARY KEY, title text NOT NULL, points integer NOT NULL DEFAULT 1,
              project_id uuid NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
              assignee_id integer REFERENCES public.users (id));
            -- ashpg:down
            DROP TABLE tasks;
            DROP TABLE projects;
            """,
        "20250101000002_task_title_index.sql", """
            -- ashpg:no-transaction
            -- ashpg:up
            CREATE INDEX CONCURRENTLY IF NOT EXISTS tasks_title_index ON tasks (title);
            -- ashpg:down
            DROP INDEX CONCURRENTLY IF EXISTS tasks_title_index;
            """);
  }
}
