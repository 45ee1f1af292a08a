-- ashpg:no-transaction
-- ashpg:up
CREATE INDEX CONCURRENTLY "posts_search" ON "posts" ("title");
-- ashpg:down
DROP INDEX CONCURRENTLY IF EXISTS "posts_search";
