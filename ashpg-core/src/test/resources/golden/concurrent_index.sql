-- file: 20260102030405_concurrent_index.sql
-- ashpg:up
ALTER TABLE "docs" ADD COLUMN "body" text;
-- ashpg:down
ALTER TABLE "docs" DROP COLUMN "body";

-- file: 20260102030406_concurrent_index_concurrently.sql
-- ashpg:no-transaction
-- ashpg:up
CREATE INDEX CONCURRENTLY "docs_title_index" ON "docs" ("title");
-- ashpg:down
DROP INDEX CONCURRENTLY IF EXISTS "docs_title_index";
