-- file: 20260102030405_tenant_not_null_and_index.sql
-- ashpg:up
ALTER TABLE "tasks" ADD CONSTRAINT "tasks_title_not_null_check" CHECK ("title" IS NOT NULL) NOT VALID;
-- ashpg:down
ALTER TABLE "tasks" DROP CONSTRAINT IF EXISTS "tasks_title_not_null_check";

-- file: 20260102030406_tenant_not_null_and_index_concurrently.sql
-- ashpg:no-transaction
-- ashpg:lock-timeout 0
-- ashpg:up
DROP INDEX CONCURRENTLY IF EXISTS "tasks_title_index";

CREATE INDEX CONCURRENTLY "tasks_title_index" ON "tasks" ("title");
-- ashpg:down
DROP INDEX CONCURRENTLY IF EXISTS "tasks_title_index";

-- file: 20260102030407_tenant_not_null_and_index_validate.sql
-- ashpg:no-transaction
-- ashpg:up
ALTER TABLE "tasks" VALIDATE CONSTRAINT "tasks_title_not_null_check";

ALTER TABLE "tasks" ALTER COLUMN "title" SET NOT NULL;

ALTER TABLE "tasks" DROP CONSTRAINT IF EXISTS "tasks_title_not_null_check";
-- ashpg:down
DO $$
BEGIN
  ALTER TABLE "tasks" ADD CONSTRAINT "tasks_title_not_null_check" CHECK ("title" IS NOT NULL) NOT VALID;
EXCEPTION WHEN duplicate_object THEN
  NULL;
END
$$;

ALTER TABLE "tasks" ALTER COLUMN "title" DROP NOT NULL;
