-- file: 20260102030405_add_index.sql
-- ashpg:up
ALTER TABLE "users" ADD CONSTRAINT "users_org_id_fkey" FOREIGN KEY ("org_id") REFERENCES "orgs"("id") NOT VALID;
-- ashpg:down
ALTER TABLE "users" DROP CONSTRAINT "users_org_id_fkey";

-- file: 20260102030406_add_index_concurrently.sql
-- ashpg:no-transaction
-- ashpg:lock-timeout 0
-- ashpg:up
DROP INDEX CONCURRENTLY IF EXISTS "users_org_id_index";

CREATE INDEX CONCURRENTLY "users_org_id_index" ON "users" ("org_id");

DROP INDEX CONCURRENTLY IF EXISTS "users_unique_email_index";

CREATE UNIQUE INDEX CONCURRENTLY "users_unique_email_index" ON "users" ("email");

DROP INDEX CONCURRENTLY IF EXISTS "users_email_id_index";

CREATE INDEX CONCURRENTLY "users_email_id_index" ON "users" ("email", "id");
-- ashpg:down
DROP INDEX CONCURRENTLY IF EXISTS "users_email_id_index";

DROP INDEX CONCURRENTLY IF EXISTS "users_unique_email_index";

DROP INDEX CONCURRENTLY IF EXISTS "users_org_id_index";

-- file: 20260102030407_add_index_validate.sql
-- ashpg:no-transaction
-- ashpg:up
ALTER TABLE "users" VALIDATE CONSTRAINT "users_org_id_fkey";
-- ashpg:down
-- nothing to undo: the constraint stays validated; rolling back the migration before this one drops it;
