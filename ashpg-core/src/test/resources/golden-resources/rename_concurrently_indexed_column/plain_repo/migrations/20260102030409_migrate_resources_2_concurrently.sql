-- ashpg:no-transaction
-- ashpg:up
CREATE INDEX CONCURRENTLY "posts_search" ON "posts" ("headline");
-- ashpg:down
DROP INDEX CONCURRENTLY IF EXISTS "posts_search";
