-- ashpg:no-transaction
-- ashpg:up
CREATE INDEX CONCURRENTLY "posts_score_index" ON "posts" ("score");
-- ashpg:down
DROP INDEX CONCURRENTLY IF EXISTS "posts_score_index";
