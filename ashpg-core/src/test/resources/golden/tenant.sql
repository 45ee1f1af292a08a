-- file: 20260102030405_tenant.sql
-- ashpg:up
CREATE TABLE "projects" (
  "id" uuid DEFAULT gen_random_uuid() NOT NULL,
  "org_id" uuid,
  "name" text,
  CONSTRAINT "projects_org_id_fkey" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id"),
  CONSTRAINT "projects_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "tasks" (
  "id" uuid DEFAULT gen_random_uuid() NOT NULL,
  "project_id" uuid NOT NULL,
  "title" text NOT NULL,
  CONSTRAINT "tasks_project_id_fkey" FOREIGN KEY ("project_id") REFERENCES "projects"("id") ON DELETE CASCADE,
  CONSTRAINT "tasks_pkey" PRIMARY KEY ("id")
);

CREATE UNIQUE INDEX "tasks_unique_title_index" ON "tasks" ("project_id", "title");
-- ashpg:down
DROP INDEX IF EXISTS "tasks_unique_title_index";

DROP TABLE "tasks";

DROP TABLE "projects";
