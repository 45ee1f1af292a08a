-- file: 20260102030405_tenant_not_null_and_index.sql
-- ashpg:up
ALTER TABLE "tasks" ADD CONSTRAINT "tasks_title_not_null_check" CHECK ("title" IS NOT NULL) NOT VALID;
-- ashpg:down
ALTER TABLE "tasks" DROP CONSTRAINT IF EXISTS "tasks_title_not_null_check";

-- file: 20260102030406_tenant_not_null_and_index_concurrently.sql
-- ashpg:no-transaction
-- ashpg:up
DO $$
BEGIN
  IF EXISTS (SELECT FROM pg_index WHERE indexrelid = to_regclass('"tasks_title_index"') AND NOT indisvalid) THEN
    DROP INDEX "tasks_title_index";
  END IF;
END
$$;

CREATE INDEX CONCURRENTLY IF NOT EXISTS "tasks_title_index" ON "tasks" ("title");

DO $$
BEGIN
  IF EXISTS (SELECT FROM pg_index WHERE indexrelid = to_regclass('"tasks_title_index"') AND NOT indisvalid) THEN
    RAISE EXCEPTION 'index % is INVALID: its concurrent build did not finish; run the migration again, it drops the leftover and builds the index anew', '"tasks_title_index"';
  END IF;
END
$$;
-- ashpg:down
DROP INDEX CONCURRENTLY IF EXISTS "tasks_title_index";

-- file: 20260102030407_tenant_not_null_and_index_validate.sql
-- ashpg:no-transaction
-- ashpg:up
ALTER TABLE "tasks" VALIDATE CONSTRAINT "tasks_title_not_null_check";

ALTER TABLE "tasks" ALTER COLUMN "title" SET NOT NULL;

ALTER TABLE "tasks" DROP CONSTRAINT IF EXISTS "tasks_title_not_null_check";
-- ashpg:down
ALTER TABLE "tasks" ADD CONSTRAINT "tasks_title_not_null_check" CHECK ("title" IS NOT NULL) NOT VALID;

ALTER TABLE "tasks" ALTER COLUMN "title" DROP NOT NULL;
